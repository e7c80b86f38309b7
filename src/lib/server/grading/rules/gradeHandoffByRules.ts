// The rules grader's verdicts for a hand-off: the five note elements (labelled "Goal:" or
// said in prose), concision, sentiment, the queue against the one that ended up owning the
// conversation, and whether the customer was told who takes over.
import type { Criteria, CriterionResult } from '../gradeSchema';
import type { GradingItem } from '../GradingItem';
import type { HandoffCriterion } from '../rubric';

const pass = (reason: string): CriterionResult => ({ verdict: 'pass', reason });
const fail = (reason: string): CriterionResult => ({ verdict: 'fail', reason });
const na = (reason: string): CriterionResult => ({ verdict: 'n/a', reason });

type Element = 'has_goal' | 'has_facts' | 'has_actions_taken' | 'has_blocker' | 'has_next_action';

/** "Goal:", "Ziel:", "Objetivo:", "Objectif:" … at the start of a line or sentence. */
const LABELS: Record<Element, RegExp> = {
	has_goal: /(?:^|\n|[.;]\s)\s*(?:goal|objective|request|customer goal|ziel|anliegen|objetivo|solicitud|objectif|demande)\s*[:：-]\s*\S/i,
	has_facts:
		/(?:^|\n|[.;]\s)\s*(?:facts?|details|context|key facts|fakten|details|kontext|hechos|datos|contexto|faits|contexte|détails)\s*[:：-]\s*\S/i,
	has_actions_taken:
		/(?:^|\n|[.;]\s)\s*(?:actions? taken|steps taken|tried|done so far|so far|what was tried|bisherige schritte|bereits versucht|maßnahmen|acciones realizadas|ya probado|acciones|actions effectuées|déjà essayé|actions)\s*[:：-]\s*\S/i,
	has_blocker:
		/(?:^|\n|[.;]\s)\s*(?:blocker|blocked by|blocking|what blocks it|hindernis|blockiert durch|bloqueo|impedimento|blocage|bloquant)\s*[:：-]\s*\S/i,
	has_next_action:
		/(?:^|\n|[.;]\s)\s*(?:next action|next step|next steps|next|to do|todo|nächster schritt|nächste schritte|siguiente paso|próximo paso|prochaine étape|à faire)\s*[:：-]\s*\S/i
};

/** The same elements said in prose. */
const PROSE: Record<Element, RegExp> = {
	has_goal:
		/\b(?:customer|client|user|they|he|she)\s+(?:wants?|needs?|would like|is asking|asks|requests?|is requesting|is trying|tries|hopes)\b|\bwants? to\b|\b(?:möchte|will|benötigt|quiere|necesita|solicita|souhaite|veut|voudrait|demande)\b/i,
	has_facts:
		/\d|\b(?:plan|tier|invoice|order|charge[sd]?|account|workspace|subscription|renewal|device|email|card)\b.*\b(?:plan|tier|invoice|order|charge[sd]?|account|workspace|subscription|renewal|device|email|card|customer|writes)\b/i,
	has_actions_taken:
		/\b(?:tried|checked|verified|sent|reset|explained|confirmed|looked up|so far|already|walked (?:them|him|her) through|suggested|offered|asked for|pointed)\b|\b(?:versucht|geprüft|bereits|schon|erklärt)\b|\b(?:intentado|revisado|comprobado|ya)\b|\b(?:essayé|vérifié|déjà|expliqué)\b/i,
	has_blocker:
		/\b(?:block(?:s|ed|er|ing)?|can(?:'|’)?t|cannot|unable|could not|couldn(?:'|’)?t|needs? (?:approval|a human|an agent|access|permission|billing)|requires? (?:approval|access|a human)|not allowed|may not|only (?:\w+ ){0,3}can|outside (?:the|what))\b|\b(?:kann nicht|keine berechtigung|freigabe)\b|\b(?:no puede|no pudo|requiere aprobación)\b|(?:ne peut pas|n’a pas pu|n'a pas pu|nécessite une validation)/i,
	has_next_action:
		/\b(?:please|kindly)\s+(?:\S+\s+){3,}\S+|\b(?:next|should|needs? to be|to do|follow up|call (?:them|him|her) back)\b|\b(?:bitte\s+(?:\S+\s+){3,}|sollte|als nächstes)|\b(?:por favor\s+(?:\S+\s+){3,}|debería|hay que)|\b(?:merci de\s+(?:\S+\s+){3,}|veuillez\s+(?:\S+\s+){3,}|il faut)/i
};

const ELEMENT_NAME: Record<Element, string> = {
	has_goal: 'goal',
	has_facts: 'facts',
	has_actions_taken: 'actions taken',
	has_blocker: 'blocker',
	has_next_action: 'next action'
};

export function gradeElement(note: string, element: Element): CriterionResult {
	if (LABELS[element].test(note)) return pass(`labelled ${ELEMENT_NAME[element]}`);
	if (PROSE[element].test(note)) return pass(`${ELEMENT_NAME[element]} stated in prose`);
	return fail(`no ${ELEMENT_NAME[element]} in the note`);
}

export const MAX_NOTE_CHARS = 800;
const TRANSCRIPT_LINE = /^\s*(?:customer|bot|ai|agent|user|kunde|cliente|client|agente)\s*:/gim;

export function gradeConcise(note: string): CriterionResult {
	const transcriptLines = note.match(TRANSCRIPT_LINE)?.length ?? 0;
	if (transcriptLines >= 3) return fail(`pastes the transcript (${transcriptLines} speaker lines) instead of summarising`);
	if (note.length > MAX_NOTE_CHARS) return fail(`${note.length} characters; a note should scan in ${MAX_NOTE_CHARS}`);
	return pass(`${note.length} characters, a summary`);
}

// Whole words only (Unicode-aware), so "poli" never matches inside "policy".
const SENTIMENT =
	/(?<!\p{L})(?:upset|angry|annoyed|frustrated|furious|irritated|polite|friendly|happy|pleased|calm|mood|rude|impatient|verärgert|wütend|genervt|freundlich|höflich|sauer|enfadad[oa]|molest[oa]|amable|frustrad[oa]|énervée?|fâchée?|agacée?|polie?|aimable|frustrée?)(?!\p{L})/iu;
const CHANGES_HANDLING =
	/(?<!\p{L})(?:churn|cancel\p{L}*|threaten\p{L}*|legal|lawyer|complain\p{L}*|chargeback|escalat\p{L}*|priority|prioriti[sz]e|vip|social media|press|refund|call back|handle with care|careful|kündig\p{L}*|anwalt|beschwerde|priorität|cancelar|abogado|queja|prioridad|résili\p{L}*|avocat|plainte|priorité)(?!\p{L})/iu;

export function gradeSentiment(note: string): CriterionResult {
	// Judged per sentence: the mood and what it changes must be said together.
	const moodSentences = note.split(/(?<=[.!?])\s+|\n+/).filter((s) => SENTIMENT.test(s));
	if (moodSentences.length === 0) return pass('no sentiment remarks');
	const idle = moodSentences.find((s) => !CHANGES_HANDLING.test(s));
	const mood = SENTIMENT.exec(idle ?? moodSentences[0])![0];
	if (!idle) return pass(`mentions "${mood}" with what it changes for handling`);
	return fail(`mentions "${mood}" without saying how it changes handling`);
}

export function gradeRightQueue(item: GradingItem): CriterionResult {
	const h = item.handoff;
	if (!h?.owningQueue) return na('no assignment after the hand-off shows who owned it');
	return h.owningQueue === h.toQueue
		? pass(`sent to ${h.toQueue}, which owned it`)
		: fail(`sent to ${h.toQueue}; ${h.owningQueue} ended up owning it`);
}

// Stems, not words: German and Spanish compounds ("Abrechnungsteam", "soporte técnico").
const WHO_TAKES_OVER =
	/team|colleague|specialist|agent|human|person|someone|expert|department|billing|support|kolleg|spezialist|mitarbeiter|abteilung|equipo|compañer|especialista|agente|persona|departamento|soporte|facturación|équipe|collègue|spécialiste|conseill|service/i;
const WHAT_NEXT =
	/\b(?:will|they'll|they’ll|reply|respond|get back|within|expect|shortly|soon|here)\b|\b(?:antwort|innerhalb|meldet|melden|bekommen|hier)\b|\b(?:responderán|respuesta|recibirás|en breve|aquí)\b|(?:réponse|répondra|sous|bientôt|ici|recevrez)/i;

export function gradeCustomerInformed(item: GradingItem): CriterionResult {
	const message = item.handoff?.customerMessage?.trim();
	if (!message) return fail('the customer was not told about the hand-off');
	const who = WHO_TAKES_OVER.test(message);
	const next = WHAT_NEXT.test(message);
	if (who && next) return pass('told who takes over and what happens next');
	return fail(`the customer was told only "${message.slice(0, 50)}"${who ? ', not what happens next' : ', not who takes over'}`);
}

export function gradeHandoffByRules(item: GradingItem): Criteria {
	const note = item.text ?? '';
	if (!note.trim()) {
		const missing = fail('the hand-off has no note');
		return {
			has_goal: missing,
			has_facts: missing,
			has_actions_taken: missing,
			has_blocker: missing,
			has_next_action: missing,
			concise: na('no note to measure'),
			sentiment_relevant: na('no note'),
			right_queue: gradeRightQueue(item),
			customer_informed: gradeCustomerInformed(item)
		} satisfies Record<HandoffCriterion, CriterionResult>;
	}
	const criteria: Record<HandoffCriterion, CriterionResult> = {
		has_goal: gradeElement(note, 'has_goal'),
		has_facts: gradeElement(note, 'has_facts'),
		has_actions_taken: gradeElement(note, 'has_actions_taken'),
		has_blocker: gradeElement(note, 'has_blocker'),
		has_next_action: gradeElement(note, 'has_next_action'),
		concise: gradeConcise(note),
		sentiment_relevant: gradeSentiment(note),
		right_queue: gradeRightQueue(item),
		customer_informed: gradeCustomerInformed(item)
	};
	return criteria;
}
