// The messages sent to the LLM for one item: the rubric for its kind, the customer's tier and
// channel, the cited KB articles, the conversation so far and the text to grade — all with
// personal data replaced by placeholders first.
import type { GradingItem } from '../GradingItem';
import { redactPersonalData } from '../personalData';
import { criteriaFor, RUBRIC } from '../rubric';

const KB_CHARS = 1500;

/** Redacts everything, and marks the customer's own address so the model can tell it apart. */
function redact(text: string, item: GradingItem): string {
	let out = text;
	for (const email of item.customerEmails) out = out.split(email).join('[CUSTOMER_EMAIL]').split(email.toUpperCase()).join('[CUSTOMER_EMAIL]');
	out = out.replace(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, (m) => (item.customerEmails.includes(m.toLowerCase()) ? '[CUSTOMER_EMAIL]' : m));
	return redactPersonalData(out).text;
}

export function buildGradingPrompt(item: GradingItem): { system: string; user: string } {
	const what = item.kind === 'handoff' ? 'an AI-to-human hand-off (the internal note, and what the customer was told)' : item.kind === 'draft' ? 'an AI draft reply that a human agent reviews before sending' : 'a reply the AI sent to the customer';
	const rubric = criteriaFor(item.kind)
		.map((name) => `- ${name}${RUBRIC[name].critical ? ' (critical)' : ''}: ${RUBRIC[name].question}`)
		.join('\n');
	const system = [
		`You are a support quality reviewer. Grade ${what} against each criterion below.`,
		'For every criterion answer "pass", "fail" or "n/a" (only when the criterion cannot apply or cannot be judged from what you see), with a one-line reason.',
		'Personal data has been replaced by placeholders such as [CARD], [IBAN], [PHONE], [EMAIL], [PASSWORD]; a placeholder in the graded text means the text contained that data. [CUSTOMER_EMAIL] is the customer’s own address.',
		'Answer with JSON only: {"criteria": {"<criterion>": {"verdict": "pass"|"fail"|"n/a", "reason": "<one line>"}, …}} with every criterion listed, nothing else.',
		'',
		'Criteria:',
		rubric
	].join('\n');

	const lines: string[] = [
		`Channel: ${item.channel}`,
		`Customer tier: ${item.tier ?? 'unknown'}${item.plan ? `, plan ${item.plan}` : ''}`,
		`Customer language: ${item.language ?? 'unknown'}`
	];
	if (item.answerType) lines.push(`AI answer type: ${item.answerType}`);
	if (item.kind !== 'handoff') {
		lines.push('', 'Cited KB articles:');
		if (item.kbArticles.length === 0) lines.push('(none cited)');
		for (const a of item.kbArticles) lines.push(`[${a.id}] ${a.title}\n${a.body.slice(0, KB_CHARS)}`);
	}
	lines.push('', 'Conversation so far:');
	if (item.context.length === 0) lines.push('(nothing before this)');
	for (const m of item.context) lines.push(`${m.author}: ${redact(m.body, item)}`);
	if (item.handoff) {
		lines.push(
			'',
			`Handed off to queue: ${item.handoff.toQueue}${item.handoff.reason ? ` (reason: ${item.handoff.reason})` : ''}`,
			`Queue that ended up owning the conversation: ${item.handoff.owningQueue ?? 'unknown'}`,
			`What the customer was told: ${item.handoff.customerMessage ? redact(item.handoff.customerMessage, item) : '(nothing)'}`,
			'',
			'Hand-off note to grade:',
			redact(item.text, item) || '(empty note)'
		);
	} else {
		lines.push('', `${item.kind === 'draft' ? 'Draft' : 'Reply'} to grade:`, redact(item.text, item));
	}
	return { system, user: lines.join('\n') };
}
