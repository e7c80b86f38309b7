// Text assembly for generated conversations: filling {slots}, composing customer messages,
// AI drafts (clean, or with a planted rule violation) and agents' edits of those drafts.
import type { Rng } from './Rng';
import {
	AGENT_GREETING,
	AGENT_RESOLUTION,
	AGENT_SIGNOFF,
	CLOSERS,
	EDIT_TOUCH,
	GREETINGS,
	NEXT_STEP,
	PERSONAL_DATA,
	REFUND_PROMISE,
	SLOTS,
	TOO_MANY_QUESTIONS,
	type Lang,
	type Queue
} from './language';
import type { Topic } from './topics';

/** Replaces {slot} with a value for the language; `extra` wins over the shared slots. */
export function fill(template: string, lang: Lang, rng: Rng, extra: Record<string, string> = {}): string {
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
		if (name in extra) return extra[name];
		const slot = SLOTS[lang][name];
		if (!slot) return whole;
		return typeof slot === 'function' ? slot(() => rng.next()) : rng.pick(slot);
	});
}

/** A customer's opening message on a topic: greeting, the question, a closer, styled by channel. */
export function customerOpening(topic: Topic, lang: Lang, channel: string, rng: Rng, name: string): string {
	const core = fill(rng.pick(topic.phrasing[lang]), lang, rng);
	if (channel === 'email' || channel === 'web_form') {
		const greeting = rng.pick(GREETINGS[lang].filter((g) => g !== '')) || 'Hi,';
		const closer = rng.pick(CLOSERS[lang]);
		return [greeting, '', core + (closer ? ' ' + closer : ''), '', name].join('\n');
	}
	const parts = [rng.pick(GREETINGS[lang]), core, rng.pick(CLOSERS[lang])].filter((p) => p !== '');
	const text = parts.join(' ');
	// People type fast in chat: some write everything in lower case.
	return (channel === 'chat' || channel === 'sms' || channel === 'social') && rng.chance(0.12) ? text.toLowerCase() : text;
}

/** Another way of asking the same thing (a follow-up that restates the problem). */
export function restate(topic: Topic, lang: Lang, rng: Rng, detail: string): string {
	return `${detail} ${fill(rng.pick(topic.phrasing[lang]), lang, rng)}`;
}

export type DraftViolation = 'refund_promise' | 'personal_data' | 'wrong_language' | 'too_many_questions';

/** Which rubric criterion each planted draft violation breaks (docs/rubric.md, drafts). */
export const DRAFT_VIOLATION_CRITERION: Record<DraftViolation, string> = {
	refund_promise: 'no_unauthorised_commitment',
	personal_data: 'no_personal_data',
	wrong_language: 'language',
	too_many_questions: 'clarifying_questions'
};

export interface DraftText {
	body: string;
	/** The sentence that carries the violation, so an edit can take it out. */
	offending?: string;
	bodyLang: Lang;
}

function resolutionLine(topic: Topic, queue: Queue, lang: Lang, rng: Rng): string {
	// Covered topics answer from the article; the rest fall back to what the queue usually did.
	if (topic.coverage === 'covered' && topic.answer && rng.chance(0.6)) return topic.answer[lang];
	return rng.pick(AGENT_RESOLUTION[lang][queue]);
}

/** An AI draft for an agent to review, in `lang` unless the violation is the wrong language. */
export function draftText(
	topic: Topic,
	queue: Queue,
	lang: Lang,
	name: string,
	agent: string,
	rng: Rng,
	violation?: DraftViolation
): DraftText {
	const bodyLang: Lang = violation === 'wrong_language' ? (lang === 'en' ? rng.pick(['de', 'es', 'fr'] as const) : 'en') : lang;
	const greeting = AGENT_GREETING[bodyLang].replace('{name}', name);
	const signoff = rng.pick(AGENT_SIGNOFF[bodyLang]).replace('{agent}', agent);
	let middle = [resolutionLine(topic, queue, bodyLang, rng), rng.pick(NEXT_STEP[bodyLang])];
	let offending: string | undefined;
	if (violation === 'refund_promise') {
		offending = fill(rng.pick(REFUND_PROMISE[lang]), lang, rng);
		middle = [middle[0], offending, middle[1]];
	} else if (violation === 'personal_data') {
		offending = rng.pick(PERSONAL_DATA[lang]);
		middle = [middle[0], offending, middle[1]];
	} else if (violation === 'too_many_questions') {
		offending = TOO_MANY_QUESTIONS[lang];
		middle = [offending, middle[1]];
	}
	return { body: [greeting, '', middle.join(' '), '', signoff].join('\n'), offending, bodyLang };
}

/** What the agent actually sent after editing: violation removed, language fixed, a personal touch. */
export function editDraft(draft: DraftText, topic: Topic, queue: Queue, lang: Lang, name: string, agent: string, rng: Rng): string {
	let text = draft.body;
	if (draft.bodyLang !== lang) {
		// Wrong language: the agent rewrites it in the customer's language.
		text = draftText(topic, queue, lang, name, agent, rng).body;
	} else if (draft.offending) {
		text = text.replace(' ' + draft.offending, '').replace(draft.offending + ' ', '');
		if (draft.offending === TOO_MANY_QUESTIONS[lang]) text = text.replace('\n\n', '\n\n' + resolutionLine(topic, queue, lang, rng) + ' ');
	}
	const lines = text.split('\n');
	// A personal sentence after the greeting, the most common edit agents make.
	lines[2] = `${rng.pick(EDIT_TOUCH[lang])} ${lines[2] ?? ''}`.trim();
	if (rng.chance(0.3)) lines[lines.length - 1] = rng.pick(AGENT_SIGNOFF[lang]).replace('{agent}', agent);
	return lines.join('\n');
}

/** An agent's own reply (after a rejected draft, or without one). */
export function agentReply(topic: Topic, queue: Queue, lang: Lang, name: string, agent: string, rng: Rng): string {
	const greeting = AGENT_GREETING[lang].replace('{name}', name);
	const body = `${rng.pick(AGENT_RESOLUTION[lang][queue])} ${rng.pick(NEXT_STEP[lang])}`;
	return [greeting, '', body, '', rng.pick(AGENT_SIGNOFF[lang]).replace('{agent}', agent)].join('\n');
}
