// The messages sent to the LLM for one item: the rubric for its kind, the customer's tier and
// channel, the cited KB articles, the conversation so far and the text to grade — every field
// with personal data and the conversation's known secrets replaced by placeholders first (the
// grader redacts the assembled messages once more before sending).
import type { GradingItem } from '../GradingItem';
import { criteriaFor, RUBRIC } from '../rubric';
import { redactForLlm } from './redactForLlm';

const KB_CHARS = 1500;

export function buildGradingPrompt(item: GradingItem): { system: string; user: string } {
	const what =
		item.kind === 'handoff'
			? 'an AI-to-human hand-off (the internal note, and what the customer was told)'
			: item.kind === 'draft'
				? 'an AI draft reply that a human agent reviews before sending'
				: 'a reply the AI sent to the customer';
	const rubric = criteriaFor(item.kind)
		.map((name) => `- ${name}${RUBRIC[name].critical ? ' (critical)' : ''}: ${RUBRIC[name].question}`)
		.join('\n');
	const system = [
		`You are a support quality reviewer. Grade ${what} against each criterion below.`,
		'For every criterion answer "pass", "fail" or "n/a" (only when the criterion cannot apply or cannot be judged from what you see), with a one-line reason.',
		'Personal data has been replaced by placeholders such as [CARD], [IBAN], [BIC], [SSN], [DOB], [PHONE], [EMAIL], [PASSWORD], [ADDRESS]; a placeholder in the graded text means the text contained that data. [CUSTOMER_EMAIL] is the customer’s own address.',
		'Answer with JSON only: {"criteria": {"<criterion>": {"verdict": "pass"|"fail"|"n/a", "reason": "<one line>"}, …}} with every criterion listed, nothing else.',
		'',
		'Criteria:',
		rubric
	].join('\n');

	const redact = (text: string) => redactForLlm(text, item);
	const lines: string[] = [
		`Channel: ${redact(item.channel)}`,
		`Customer tier: ${item.tier ? redact(item.tier) : 'unknown'}${item.plan ? `, plan ${redact(item.plan)}` : ''}`,
		`Customer language: ${item.language ? redact(item.language) : 'unknown'}`
	];
	if (item.answerType) lines.push(`AI answer type: ${redact(item.answerType)}`);
	if (item.kind !== 'handoff') {
		lines.push('', 'Cited KB articles:');
		if (item.kbArticles.length === 0) lines.push('(none cited)');
		// Redacted before it is cut, so a cut cannot leave half a number the patterns no longer see.
		for (const a of item.kbArticles) lines.push(`[${redact(a.id)}] ${redact(a.title)}\n${redact(a.body).slice(0, KB_CHARS)}`);
	}
	lines.push('', 'Conversation so far:');
	if (item.context.length === 0) lines.push('(nothing before this)');
	for (const m of item.context) lines.push(`${redact(m.author)}: ${redact(m.body)}`);
	if (item.handoff) {
		lines.push(
			'',
			`Handed off to queue: ${redact(item.handoff.toQueue)}${item.handoff.reason ? ` (reason: ${redact(item.handoff.reason)})` : ''}`,
			`Queue that ended up owning the conversation: ${item.handoff.owningQueue ? redact(item.handoff.owningQueue) : 'unknown'}`,
			`What the customer was told: ${item.handoff.customerMessage ? redact(item.handoff.customerMessage) : '(nothing)'}`,
			'',
			'Hand-off note to grade:',
			redact(item.text) || '(empty note)'
		);
	} else {
		lines.push('', `${item.kind === 'draft' ? 'Draft' : 'Reply'} to grade:`, redact(item.text));
	}
	return { system, user: lines.join('\n') };
}
