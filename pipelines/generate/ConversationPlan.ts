// What the generator plans for one conversation (path inputs: topic, language, channel, customer,
// the moment of the export) and what it gets back: the conversation plus its planted truths.
import type { NoteStyle } from './handoffNote';
import type { Lang, Queue } from './language';
import type { Topic } from './topics';

export type Source = 'canonical' | 'zendesk' | 'intercom' | 'freshdesk' | 'helpscout' | 'csv';

export interface Agent {
	id: string;
	name: string;
}

export interface ConversationPlan {
	id: string;
	source: Source;
	topic: Topic;
	lang: Lang;
	channel: string;
	createdAt: number;
	customer?: { id?: string; tier: string; plan: string };
	name: string;
	/** 0 at the first week, 1 at the last: drives the trends. */
	progress: number;
	/** Nothing happens after this instant: the moment the export was taken. */
	exportAt: number;
	agents: Record<Queue, Agent[]>;
	/** No AI at all (no AI messages, drafts or hand-offs): for formats that cannot tell the AI apart. */
	humanOnly?: boolean;
	/** Written during an outage of this topic's feature: the article's answer does not help. */
	incident?: boolean;
	/** No AI drafts for agents (formats with no draft-review record, e.g. Intercom). */
	noDrafts?: boolean;
}

export interface DraftLabel {
	kind: 'draft';
	event_id: string;
	label: 'good' | 'bad';
	violations: string[];
	review: string | null;
}

export interface HandoffLabel {
	kind: 'handoff';
	event_id: string;
	label: 'good' | 'bad';
	violations: string[];
	/** The note has goal, facts, actions taken, blocker and next action. */
	qualified: boolean;
	note_style: NoteStyle;
}

export interface BuiltConversation {
	conversation: Record<string, unknown> & { id: string; source: string; created_at: string; events: Record<string, unknown>[] };
	labels: (DraftLabel | HandoffLabel)[];
	/** Customer messages that ask the topic's question (opening and restatements). */
	topicalMessageIds: string[];
	plan: ConversationPlan;
}
