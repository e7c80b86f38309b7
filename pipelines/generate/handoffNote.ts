// Hand-off notes of planted quality. Good notes carry goal, facts, actions taken, blocker and
// next action (labelled, or as plain prose); poor ones are vague, a pasted transcript or
// incomplete. Internal notes are written in English whatever the customer's language.
import type { Rng } from './Rng';
import type { Topic } from './topics';

export type NoteStyle = 'labelled' | 'prose' | 'sentiment_noise' | 'vague' | 'transcript' | 'incomplete';

/** Styles whose note has all five elements (what "qualified hand-off" counts). */
export const COMPLETE_STYLES: ReadonlySet<NoteStyle> = new Set(['labelled', 'prose', 'sentiment_noise']);

/** The rubric criterion each poor style breaks (docs/rubric.md, hand-offs). */
export const NOTE_STYLE_CRITERION: Partial<Record<NoteStyle, string>> = {
	vague: 'complete_note',
	incomplete: 'complete_note',
	transcript: 'concise',
	sentiment_noise: 'sentiment'
};

export interface NoteContext {
	topic: Topic;
	lang: string;
	channel: string;
	tier: string;
	plan: string;
	/** What the AI did before handing off, in words. */
	actions: string;
	/** The conversation so far, for the pasted-transcript style. */
	transcript: { author: string; body: string }[];
}

const LANGUAGE_NAME: Record<string, string> = { en: 'English', de: 'German', es: 'Spanish', fr: 'French' };

const VAGUE = [
	'Customer has an issue, please check.',
	'see chat',
	'Escalating to the team.',
	'Customer needs help, please handle.',
	'Please take over, thanks.',
	'Problem with the account?'
];

export function handoffNote(style: NoteStyle, c: NoteContext, rng: Rng): string {
	const { topic } = c;
	const facts = `${topic.note.fact}. ${c.plan} plan, ${c.tier} customer, ${c.channel}, writes in ${LANGUAGE_NAME[c.lang] ?? c.lang}.`;
	switch (style) {
		case 'labelled':
		case 'sentiment_noise': {
			const lines = [
				`Goal: ${topic.note.goal}`,
				`Facts: ${facts}`,
				`Actions taken: ${c.actions}`,
				`Blocker: ${topic.note.blocker}`,
				`Next action: ${topic.note.next}`
			];
			// Sentiment that changes nothing about handling: the criterion says leave it out.
			if (style === 'sentiment_noise')
				lines.push(rng.pick(['Customer seems a bit upset.', 'Mood: slightly annoyed.', 'Customer was polite.']));
			return lines.join('\n');
		}
		case 'prose': {
			const goal = topic.note.goal.replace(/^Customer /, 'The customer ');
			return `${goal} ${facts} So far: ${c.actions.charAt(0).toLowerCase()}${c.actions.slice(1)} What blocks it: ${topic.note.blocker.charAt(0).toLowerCase()}${topic.note.blocker.slice(1)} Please ${topic.note.next.charAt(0).toLowerCase()}${topic.note.next.slice(1)}`;
		}
		case 'vague':
			return rng.pick(VAGUE);
		case 'incomplete':
			return rng.chance(0.5) ? `Goal: ${topic.note.goal}\nFacts: ${facts}` : `${topic.note.goal} Please look into it.`;
		case 'transcript': {
			// An agent pasting the whole chat instead of summarising it.
			const lines = c.transcript.map(
				(m) => `${m.author === 'ai' ? 'Bot' : m.author === 'customer' ? 'Customer' : 'Agent'}: ${m.body.replace(/\s*\n\s*/g, ' ')}`
			);
			lines.unshift('Transcript:');
			lines.push('Customer: hello?', 'Bot: I am checking this for you.', 'Customer: ok waiting');
			return lines.join('\n');
		}
	}
}
