// The conversation view's model: the canonical conversation plus, for each draft, its word
// diff against the final text. Plain data only, so the page renders it as escaped text.
import type { StoredConversation } from './readConversation';
import type { KbRef } from './kbArticleTitles';
import { wordDiff } from './wordDiff';
import type { TimelineItem } from '../../conversations/types';

export type { TimelineItem };

export interface ConversationTimeline {
	conversation: Omit<StoredConversation, 'events'>;
	items: TimelineItem[];
	counts: Record<string, number>;
	/** KB articles cited by the AI, by id; filled by the page load. */
	kb: Record<string, KbRef>;
}

/** Every KB article id the conversation's events cite. */
export function citedKbIds(conversation: StoredConversation): string[] {
	return conversation.events.flatMap((e) => ('kb_article_ids' in e && e.kb_article_ids ? e.kb_article_ids : []));
}

export function conversationTimeline(conversation: StoredConversation, kb: Record<string, KbRef> = {}): ConversationTimeline {
	const { events, ...rest } = conversation;
	const counts: Record<string, number> = {};
	const items = events.map((event): TimelineItem => {
		counts[event.type] = (counts[event.type] ?? 0) + 1;
		if (event.type === 'draft' && typeof event.final_body === 'string') {
			return { ...event, diff: wordDiff(event.body, event.final_body) };
		}
		return event;
	});
	return { conversation: rest, items, counts, kb };
}

/** One row per event for the conversation's CSV download. */
export function timelineCsvRows(conversation: StoredConversation): Record<string, unknown>[] {
	return conversation.events.map((e) => {
		const r = e as Record<string, unknown>;
		return {
			conversation_source: conversation.source,
			conversation_id: conversation.id,
			event_id: e.id,
			at: e.at,
			type: e.type,
			author: r.author ?? null,
			agent_id: r.agent_id ?? null,
			body: r.body ?? null,
			final_body: r.final_body ?? null,
			review: r.review ?? null,
			edit_magnitude: e.type === 'draft' && typeof e.final_body === 'string' ? wordDiff(e.body, e.final_body).editMagnitude : null,
			answer_type: r.answer_type ?? null,
			confidence: r.confidence ?? null,
			kb_article_ids: r.kb_article_ids ?? null,
			queue: r.queue ?? r.to_queue ?? null,
			reason: r.reason ?? null,
			note: r.note ?? null,
			customer_message: r.customer_message ?? null,
			status: r.status ?? null
		};
	});
}

export const TIMELINE_CSV_COLUMNS = [
	'conversation_source',
	'conversation_id',
	'event_id',
	'at',
	'type',
	'author',
	'agent_id',
	'body',
	'final_body',
	'review',
	'edit_magnitude',
	'answer_type',
	'confidence',
	'kb_article_ids',
	'queue',
	'reason',
	'note',
	'customer_message',
	'status'
];
