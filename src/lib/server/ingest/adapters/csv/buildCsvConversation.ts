// Turns CSV rows into canonical conversations. Pure: one row per event (`eventFromRow`, then
// `conversationFromEventRows` over a conversation's rows) or one row per conversation
// (`conversationFromRow`). Row-level problems throw CsvValueError: that row is quarantined.
import { eventSchema, EVENT_TYPES, formatIssues, type ConversationInput } from '../../../../schema';
import { CONVERSATION_FIELDS, type CsvField } from './csvFields';
import { csvChannel, csvList, csvNumber, csvTimestamp, CsvValueError } from './csvValues';

type EventInput = NonNullable<ConversationInput['events']>[number];
/** Reads a field of the current row: its trimmed text, or undefined when the column is absent or empty. */
export type Cell = (field: CsvField) => string | undefined;

export type ConversationFields = Partial<Record<(typeof CONVERSATION_FIELDS)[number], string>>;

/** One parsed row of a one-row-per-event file, as grouped by conversation id (JSON-safe: it may spill to disk). */
export interface EventRow {
	line: number;
	conv: ConversationFields;
	/** The event; `id` is '' when the row has no event_id (numbered by position later). */
	event: EventInput;
}

const AUTHORS: Record<string, 'customer' | 'ai' | 'agent'> = {
	customer: 'customer',
	user: 'customer',
	end_user: 'customer',
	contact: 'customer',
	requester: 'customer',
	lead: 'customer',
	ai: 'ai',
	bot: 'ai',
	assistant: 'ai',
	ai_agent: 'ai',
	fin: 'ai',
	agent: 'agent',
	admin: 'agent',
	human: 'agent',
	teammate: 'agent',
	staff: 'agent'
};

function author(value: string | undefined): string | undefined {
	if (value === undefined) return undefined;
	return AUTHORS[value.toLowerCase().replace(/[\s-]+/g, '_')] ?? value;
}

/** Spreads only the fields that have a value. */
function present<T extends Record<string, unknown>>(fields: T): Partial<T> {
	return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function checked(event: Record<string, unknown>): EventInput {
	const parsed = eventSchema.safeParse({ ...event, id: event.id || 'x' });
	if (!parsed.success) throw new CsvValueError(formatIssues(parsed.error));
	return event as EventInput;
}

export function conversationFieldsFromRow(cell: Cell): ConversationFields {
	const conv: ConversationFields = {};
	for (const field of CONVERSATION_FIELDS) {
		const value = cell(field);
		if (value !== undefined) conv[field] = value;
	}
	// Check what would otherwise only fail later, far from this row's line.
	if (conv.conversation_created_at) conv.conversation_created_at = csvTimestamp(conv.conversation_created_at, 'conversation_created_at');
	if (conv.conversation_updated_at) conv.conversation_updated_at = csvTimestamp(conv.conversation_updated_at, 'conversation_updated_at');
	if (conv.csat_score) csvNumber(conv.csat_score, 'csat_score');
	if (conv.csat_scale) csvNumber(conv.csat_scale, 'csat_scale');
	return conv;
}

export function eventFromRow(cell: Cell, hasTypeColumn: boolean): EventInput {
	const rawType = cell('event_type');
	const type = hasTypeColumn ? rawType?.toLowerCase() : 'message';
	if (!type) throw new CsvValueError('event_type is empty');
	if (!(EVENT_TYPES as readonly string[]).includes(type)) {
		throw new CsvValueError(`unknown event_type "${rawType}"; expected one of ${EVENT_TYPES.join(', ')}`);
	}
	const atText = cell('event_at');
	if (!atText) throw new CsvValueError('event_at is empty');
	const base = { id: cell('event_id') ?? '', at: csvTimestamp(atText, 'event_at'), type };
	const confidence = cell('confidence');
	const kb = cell('kb_article_ids');
	switch (type) {
		case 'message':
			return checked({
				...base,
				author: author(cell('author')),
				body: cell('body') ?? '',
				...present({
					agent_id: cell('agent_id'),
					answer_type: cell('answer_type')?.toLowerCase(),
					confidence: confidence === undefined ? undefined : csvNumber(confidence, 'confidence'),
					kb_article_ids: kb === undefined ? undefined : csvList(kb)
				})
			});
		case 'handoff':
			return checked({
				...base,
				author: author(cell('author')) ?? 'ai',
				to_queue: cell('to_queue') ?? cell('queue'),
				...present({ reason: cell('reason'), note: cell('note'), customer_message: cell('customer_message') })
			});
		case 'assignment':
			return checked({ ...base, ...present({ queue: cell('queue'), agent_id: cell('agent_id') }) });
		case 'draft':
			return checked({
				...base,
				author: 'ai',
				body: cell('body') ?? '',
				...present({
					agent_id: cell('agent_id'),
					final_body: cell('final_body'),
					review: cell('review')?.toLowerCase(),
					kb_article_ids: kb === undefined ? undefined : csvList(kb)
				})
			});
		case 'note':
			return checked({
				...base,
				author: author(cell('author')) ?? 'agent',
				body: cell('body') ?? cell('note') ?? '',
				...present({ agent_id: cell('agent_id') })
			});
		default:
			return checked({ ...base, status: cell('status')?.toLowerCase() });
	}
}

/** The conversation-level part, from field values (the first non-empty value of each across its rows). */
function conversationShell(id: string, conv: ConversationFields, createdFallback: string): ConversationInput {
	const c: ConversationInput = { id, source: 'csv', created_at: conv.conversation_created_at ?? createdFallback };
	if (conv.conversation_updated_at) c.updated_at = conv.conversation_updated_at;
	if (conv.channel) c.channel = csvChannel(conv.channel) as ConversationInput['channel'];
	if (conv.subject) c.subject = conv.subject;
	if (conv.language) c.language = conv.language;
	if (conv.intent) c.intent = conv.intent;
	if (conv.priority) c.priority = conv.priority.toLowerCase() as ConversationInput['priority'];
	if (conv.tags) c.tags = csvList(conv.tags);
	if (conv.customer_id || conv.customer_tier || conv.customer_plan) {
		c.customer = present({ id: conv.customer_id, tier: conv.customer_tier, plan: conv.customer_plan });
	}
	const comment = conv.csat_comment ? { comment: conv.csat_comment } : {};
	if (conv.csat_score) {
		c.csat = { score: Number(conv.csat_score), ...(conv.csat_scale ? { scale: Number(conv.csat_scale) } : {}), ...comment };
	} else if (conv.csat_rating) {
		c.csat = { rating: conv.csat_rating.toLowerCase() as 'good', ...comment };
	}
	return c;
}

export function conversationFromEventRows(id: string, rows: EventRow[]): ConversationInput {
	const conv: ConversationFields = {};
	for (const row of rows) for (const [k, v] of Object.entries(row.conv)) conv[k as keyof ConversationFields] ??= v;
	const events = rows.map((row, i) => (row.event.id ? row.event : { ...row.event, id: `${id}-${i + 1}` }));
	const earliest = events.reduce((min, e) => (e.at < min ? e.at : min), events[0].at);
	return { ...conversationShell(id, conv, earliest), events };
}

/**
 * One row per conversation: the question is the customer's first message at created_at; the
 * answer is a reply (by the AI when answer_author says so or the row has an answer_type or
 * confidence, else by an agent) at answered_at; a review makes the answer an AI draft instead;
 * to_queue is an AI hand-off, queue an assignment, status a status at solved_at.
 */
export function conversationFromRow(id: string, cell: Cell): ConversationInput {
	const conv = conversationFieldsFromRow(cell);
	if (!conv.conversation_created_at) throw new CsvValueError('conversation_created_at (or created_at) is empty');
	const created = conv.conversation_created_at;
	const time = (field: CsvField) => {
		const v = cell(field);
		return v === undefined ? undefined : csvTimestamp(v, field);
	};
	const answeredAt = time('answered_at') ?? created;
	const events: Record<string, unknown>[] = [];
	const question = cell('question');
	if (question !== undefined) events.push({ id: `${id}-question`, at: created, type: 'message', author: 'customer', body: question });
	const answer = cell('answer');
	const confidence = cell('confidence');
	const kb = cell('kb_article_ids');
	const answerFields = present({
		kb_article_ids: kb === undefined ? undefined : csvList(kb),
		agent_id: cell('agent_id')
	});
	if (answer !== undefined && cell('review')) {
		events.push({
			id: `${id}-draft`,
			at: answeredAt,
			type: 'draft',
			author: 'ai',
			body: answer,
			review: cell('review')?.toLowerCase(),
			...present({ final_body: cell('final_body') }),
			...answerFields
		});
	} else if (answer !== undefined) {
		const by = author(cell('answer_author')) ?? (cell('answer_type') !== undefined || confidence !== undefined ? 'ai' : 'agent');
		events.push({
			id: `${id}-answer`,
			at: answeredAt,
			type: 'message',
			author: by,
			body: answer,
			...answerFields,
			...present({
				answer_type: cell('answer_type')?.toLowerCase(),
				confidence: confidence === undefined ? undefined : csvNumber(confidence, 'confidence')
			})
		});
	}
	const handoffAt = time('handoff_at') ?? answeredAt;
	const toQueue = cell('to_queue');
	if (toQueue !== undefined) {
		events.push({
			id: `${id}-handoff`,
			at: handoffAt,
			type: 'handoff',
			author: 'ai',
			to_queue: toQueue,
			...present({ reason: cell('reason'), note: cell('note'), customer_message: cell('customer_message') })
		});
	}
	const queue = cell('queue');
	if (queue !== undefined) events.push({ id: `${id}-assignment`, at: handoffAt, type: 'assignment', queue });
	const status = cell('status');
	if (status !== undefined) {
		events.push({
			id: `${id}-status`,
			at: time('solved_at') ?? conv.conversation_updated_at ?? answeredAt,
			type: 'status',
			status: status.toLowerCase()
		});
	}
	return { ...conversationShell(id, conv, created), events: events.map(checked) };
}
