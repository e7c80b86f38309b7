// What a grader sees for one AI draft, AI reply or hand-off: the text graded plus the context
// the rubric needs (channel, language, tier, cited KB articles, the conversation so far, and
// for hand-offs the queue that ended up owning the conversation).
import type { KnownSecret } from './personalData';
import type { GradeKind } from './rubric';

export interface KbArticleRef {
	id: string;
	title: string;
	body: string;
}

export interface GradingItem {
	source: string;
	conversation_id: string;
	event_id: string;
	kind: GradeKind;
	/** ISO time of the graded event. */
	at: string;
	channel: string;
	/** The conversation's language (given or detected on import), null when unknown. */
	language: string | null;
	tier: string | null;
	plan: string | null;
	/** The customer's own e-mail addresses (repeating them back is not a leak). */
	customerEmails: string[];
	/** Every secret found anywhere in the conversation (all events and fields): masked wherever it recurs before text goes to an LLM. */
	secrets: KnownSecret[];
	/** The draft or reply body, or the hand-off note. */
	text: string;
	/** Replies: answered | clarifying | fallback. */
	answerType: string | null;
	/** Articles the draft or reply cites (resolved from the KB; unknown ids are left out). */
	kbArticles: KbArticleRef[];
	/** Messages before the graded event, oldest first (cut to the last few). */
	context: { author: string; body: string }[];
	/** Hand-offs only. */
	handoff: {
		toQueue: string;
		reason: string | null;
		/** What the customer was told at hand-off (the event's customer_message, else the AI's next message). */
		customerMessage: string | null;
		/** The queue of the last assignment after the hand-off; null when none followed. */
		owningQueue: string | null;
	} | null;
	/** Drafts only: what the reviewing agent did. */
	review: string | null;
	finalBody: string | null;
}
