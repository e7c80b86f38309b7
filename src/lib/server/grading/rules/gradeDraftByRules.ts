// The rules grader's verdicts for an AI draft or AI reply, one function per criterion.
// Deterministic and offline; where a rule cannot judge (tone) it says n/a instead of guessing.
import type { Criteria, CriterionResult } from '../gradeSchema';
import type { GradingItem } from '../GradingItem';
import { findPersonalData, type PersonalDataKind } from '../personalData';
import type { DraftCriterion } from '../rubric';
import { findCommitments } from './findCommitments';
import { baseLanguage, detectTextLanguage, firstSubstantiveSentence, questionSentences, sentences } from './textFeatures';

const pass = (reason: string): CriterionResult => ({ verdict: 'pass', reason });
const fail = (reason: string): CriterionResult => ({ verdict: 'fail', reason });
const na = (reason: string): CriterionResult => ({ verdict: 'n/a', reason });
const quote = (s: string, max = 60) => `"${s.length > max ? s.slice(0, max - 1) + '…' : s}"`;

/** Maximum characters per channel: chat-like channels want a few lines, e-mail can say more. */
export const CHANNEL_MAX_CHARS: Record<string, number> = {
	chat: 700,
	in_app: 700,
	social: 500,
	sms: 480, // three concatenated SMS segments
	voice: 500,
	email: 2500,
	web_form: 2500,
	api: 2500,
	other: 2500
};
const MIN_CHARS = 15;

// A sentence that states policy: a policy word together with a number (days, %, amount).
const POLICY_WORD =
	/\b(?:polic(?:y|ies)|refunds?|returns?|warranty|guarantee|fees?|cancel\w*|trial|eligible|charge[sd]?)\b|\b(?:richtlinie|erstattung|rückerstattung|rückgabe|garantie|gebühr|kündig\w*|testphase)|\b(?:política|reembolso|devoluci[oó]n|garant[ií]a|cargo|cancela\w*|prueba)\b|\b(?:politique|remboursement|retour|garantie|frais|résili\w*|essai)\b/i;
const NUMBER = /\d+(?:[.,]\d+)?/g;

export function gradeGrounded(item: GradingItem): CriterionResult {
	const claims = sentences(item.text).filter((s) => POLICY_WORD.test(s) && NUMBER.test(s));
	NUMBER.lastIndex = 0;
	if (claims.length === 0) return na('no policy claim with figures to check against the KB');
	if (item.kbArticles.length === 0) return fail(`states policy without citing an article: ${quote(claims[0])}`);
	const articleText = item.kbArticles.map((a) => `${a.title}\n${a.body}`).join('\n');
	for (const claim of claims) {
		for (const n of claim.match(NUMBER) ?? []) {
			if (!articleText.includes(n))
				return fail(`"${n}" in ${quote(claim)} is not in the cited ${item.kbArticles.map((a) => a.id).join(', ')}`);
		}
	}
	return pass(`policy figures match the cited ${item.kbArticles.map((a) => a.id).join(', ')}`);
}

export function gradeCommitment(item: GradingItem): CriterionResult {
	const found = findCommitments(item.text);
	if (found.length) return fail(`promises a ${found[0].kind}: ${quote(found[0].text)}`);
	return pass('no refund, credit, exception or deadline promised');
}

/**
 * What counts against no_personal_data: the kinds the rubric names, and SSNs. A reply may need
 * to confirm the delivery address or the birth date on file, and a BIC names a bank, not a person.
 */
const LEAK_KINDS = new Set<PersonalDataKind>(['card', 'iban', 'ssn', 'phone', 'email', 'password']);

export function gradePersonalData(item: GradingItem): CriterionResult {
	// The conversation's known secrets too: repeating the customer's password without its keyword is a leak.
	const found = findPersonalData(item.text, { allowedEmails: item.customerEmails, knownSecrets: item.secrets }).filter((f) =>
		LEAK_KINDS.has(f.kind)
	);
	if (found.length) {
		const kinds = [...new Set(found.map((f) => f.kind))].join(', ');
		return fail(`contains personal data (${kinds})`);
	}
	return pass('no card, IBAN, SSN, phone, foreign e-mail or password');
}

export function gradeAnswerFirst(item: GradingItem): CriterionResult {
	if (item.answerType === 'clarifying' || item.answerType === 'fallback')
		return na(`a ${item.answerType} message has no answer to put first`);
	const first = firstSubstantiveSentence(item.text);
	if (!first) return na('no sentence to judge');
	if (/[?？]$/.test(first) || first.startsWith('¿')) return fail(`opens with a question: ${quote(first)}`);
	return pass('opens with the answer');
}

export function gradeClarifyingQuestions(item: GradingItem): CriterionResult {
	const n = questionSentences(item.text).length;
	return n <= 2 ? pass(`${n} question${n === 1 ? '' : 's'} asked`) : fail(`asks ${n} questions; at most 2`);
}

export function gradeLengthFit(item: GradingItem): CriterionResult {
	const max = CHANNEL_MAX_CHARS[item.channel] ?? CHANNEL_MAX_CHARS.other;
	const length = item.text.trim().length;
	if (length < MIN_CHARS) return fail(`${length} characters: too short to help`);
	if (length > max) return fail(`${length} characters; ${item.channel} allows ${max}`);
	return pass(`${length} characters fits ${item.channel} (≤ ${max})`);
}

export function gradeLanguageMatch(item: GradingItem): CriterionResult {
	const expected =
		baseLanguage(item.language) ??
		detectTextLanguage(
			item.context
				.filter((m) => m.author === 'customer')
				.map((m) => m.body)
				.join('\n')
		);
	if (!expected) return na('the customer’s language is unknown');
	const actual = detectTextLanguage(item.text);
	if (!actual) return na('too little text to tell its language');
	return actual === expected
		? pass(`written in ${expected}, the customer’s language`)
		: fail(`written in ${actual}; the customer writes ${expected}`);
}

const NEXT_STEP =
	/\b(?:reply|let me know|let us know|you can|you'll|you’ll|you will|we will|we'll|we’ll|i will|i'll|i’ll|next step|please|click|go to|try|contact|expect|keep (?:the|this) ticket)\b|\b(?:antworten sie|geben sie|bescheid|bitte|sie können|sie erhalten|wir werden|ich werde|melden|klicken|versuchen)\b|\b(?:responde|avísame|avísanos|puedes|podrás|recibirás|te escribiremos|por favor|haz clic|prueba|intenta)\b|(?:répondez|dites-moi|vous pouvez|vous recevrez|nous allons|je vais|veuillez|cliquez|essayez|n’hésitez|n'hésitez)/i;

export function gradeNextStep(item: GradingItem): CriterionResult {
	if (item.answerType === 'clarifying') return pass('the question itself is the next step');
	const found = sentences(item.text).find((s) => NEXT_STEP.test(s));
	return found ? pass(`next step: ${quote(found)}`) : fail('does not tell the customer what happens next');
}

export function gradeDraftByRules(item: GradingItem): Criteria {
	const criteria: Record<DraftCriterion, CriterionResult> = {
		grounded: gradeGrounded(item),
		no_unauthorized_commitment: gradeCommitment(item),
		no_personal_data: gradePersonalData(item),
		tone_fit: na('tone needs judgement; the rules grader does not guess'),
		answer_first: gradeAnswerFirst(item),
		clarifying_questions: gradeClarifyingQuestions(item),
		length_fit: gradeLengthFit(item),
		language_match: gradeLanguageMatch(item),
		next_step: gradeNextStep(item)
	};
	return criteria;
}
