// The CSV adapter's fields (canonical names a column maps to), the header names each field is
// found under by default, and the resolution of a file's header row into field → column index.
import type { CsvMapping } from '../../types';

/** The conversation-level fields, repeated on every row of a one-row-per-event file. */
export const CONVERSATION_FIELDS = [
	'conversation_created_at',
	'conversation_updated_at',
	'channel',
	'subject',
	'language',
	'intent',
	'priority',
	'tags',
	'customer_id',
	'customer_tier',
	'customer_plan',
	'csat_score',
	'csat_scale',
	'csat_rating',
	'csat_comment'
] as const;

/** One row per event: the default columns, the ones the generator writes (the adapters README, "CSV", maps each to the canonical field). */
export const EVENT_ROW_FIELDS = [
	'conversation_id',
	...CONVERSATION_FIELDS,
	'event_id',
	'event_at',
	'event_type',
	'author',
	'agent_id',
	'body',
	'answer_type',
	'confidence',
	'kb_article_ids',
	'queue',
	'to_queue',
	'reason',
	'note',
	'customer_message',
	'final_body',
	'review',
	'status'
] as const;

/** One row per conversation: these, besides the conversation-level fields above. */
export const CONVERSATION_ROW_FIELDS = ['question', 'answer', 'answer_author', 'answered_at', 'handoff_at', 'solved_at'] as const;

export const CSV_FIELDS = [...EVENT_ROW_FIELDS, ...CONVERSATION_ROW_FIELDS] as const;
export type CsvField = (typeof CSV_FIELDS)[number];

/** Other header names a field is recognised by (after lower-casing and spaces → "_"). */
const ALIASES: Partial<Record<CsvField, string[]>> = {
	conversation_id: ['id', 'ticket_id', 'conversation', 'case_id'],
	conversation_created_at: ['created_at', 'created', 'opened_at', 'date'],
	conversation_updated_at: ['updated_at', 'updated', 'last_updated_at'],
	subject: ['title'],
	csat_score: ['csat', 'rating_score', 'satisfaction_score'],
	csat_rating: ['rating', 'satisfaction'],
	event_at: ['timestamp', 'sent_at', 'message_at'],
	event_type: ['type', 'kind'],
	author: ['author_type', 'sender', 'from'],
	agent_id: ['assignee_id', 'agent'],
	body: ['message', 'text', 'content'],
	kb_article_ids: ['articles', 'kb_articles', 'citations'],
	queue: ['group', 'team'],
	question: ['first_message', 'description', 'customer_message_text'],
	answer: ['reply', 'response', 'first_reply'],
	answer_author: ['answered_by', 'responder'],
	answered_at: ['replied_at', 'first_reply_at', 'first_response_at'],
	solved_at: ['closed_at', 'resolved_at']
};

export const normalizeHeader = (h: string) =>
	h
		.trim()
		.toLowerCase()
		.replace(/[\s-]+/g, '_');

export interface CsvColumns {
	/** field → column index, for the fields this file has. */
	index: Partial<Record<CsvField, number>>;
	/** One row per event (the file has an event_at, event_type or event_id column), or per conversation. */
	mode: 'event' | 'conversation';
	width: number;
}

/**
 * Matches a header row to fields: a `--map` entry names its header exactly (case and spacing
 * aside); otherwise the field's own name, then its aliases. In one-row-per-conversation files,
 * `body` is the question. Returns the header names a mapping asked for but the file lacks.
 */
export function resolveColumns(header: string[], mapping: CsvMapping = {}): { columns: CsvColumns; missingMapped: string[] } {
	const positions = new Map<string, number>();
	header.forEach((h, i) => {
		const key = normalizeHeader(h.replace(/^\uFEFF/, ''));
		if (!positions.has(key)) positions.set(key, i);
	});
	const index: Partial<Record<CsvField, number>> = {};
	const claimed = new Set<number>();
	const missingMapped: string[] = [];
	for (const [field, name] of Object.entries(mapping)) {
		const at = positions.get(normalizeHeader(name));
		if (at === undefined) missingMapped.push(`${field}=${name}`);
		else {
			index[field as CsvField] = at;
			claimed.add(at);
		}
	}
	// Own names first (so a file with both `id` and `conversation_id` keeps each where it belongs), then aliases.
	for (const pass of ['own', 'alias'] as const) {
		for (const field of CSV_FIELDS) {
			if (index[field] !== undefined) continue;
			const names = pass === 'own' ? [field] : (ALIASES[field] ?? []);
			for (const name of names) {
				const at = positions.get(name);
				if (at !== undefined && !claimed.has(at)) {
					index[field] = at;
					claimed.add(at);
					break;
				}
			}
		}
	}
	const mode = index.event_at !== undefined || index.event_type !== undefined || index.event_id !== undefined ? 'event' : 'conversation';
	if (mode === 'conversation' && index.question === undefined && index.body !== undefined) {
		index.question = index.body;
		delete index.body;
	}
	return { columns: { index, mode, width: header.length }, missingMapped };
}
