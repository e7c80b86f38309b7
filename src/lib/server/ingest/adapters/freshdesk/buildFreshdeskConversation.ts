// Turns one Freshdesk ticket, its conversations and its satisfaction rating into a canonical
// conversation. Pure: the adapter gathers the pieces; this decides what each one means.
import type { Channel, ConversationInput, Status } from '../../../../schema';
import { htmlToText } from '../intercom/htmlToText';
import { numberValue, vendorTime } from '../shared/vendorValues';
import type { FreshdeskConversation, FreshdeskRating, FreshdeskTicket } from './freshdeskSchemas';

type EventInput = NonNullable<ConversationInput['events']>[number];

/** A ticket that cannot be mapped; the message is the quarantine reason. */
export class FreshdeskRecordError extends Error {}

export interface FreshdeskContext {
	/** agent id → email (from the agents side-load), to match `--ai-author` emails. */
	agentEmails: Map<string, string>;
	/** group id → group name. */
	groups: Map<string, string>;
	/** Lower-cased ids and emails of the AI (AdapterOptions.aiAuthors). */
	aiAuthors: Set<string>;
}

/** Ticket `status` codes (2-5 are Freshdesk's own; 6 and up are custom "waiting" statuses). */
const STATUS_CODES: Record<number, Status> = { 2: 'open', 3: 'pending', 4: 'solved', 5: 'closed' };
const STATUS_NAMES: Record<string, Status> = { open: 'open', pending: 'pending', resolved: 'solved', closed: 'closed' };

/** Ticket `source` codes. */
const SOURCES: Record<number, Channel> = {
	1: 'email',
	2: 'web_form',
	3: 'voice',
	5: 'social',
	6: 'social',
	7: 'chat',
	8: 'in_app',
	9: 'web_form',
	10: 'email',
	12: 'chat',
	13: 'social'
};
/** Outbound email: the agent wrote first, the description is theirs. */
const OUTBOUND_EMAIL = 10;

const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

export function freshdeskStatus(ticket: Pick<FreshdeskTicket, 'status' | 'status_name'>): Status | undefined {
	const n = numberValue(ticket.status);
	if (n !== undefined) return STATUS_CODES[n] ?? (n >= 6 ? 'pending' : undefined);
	const name = (typeof ticket.status === 'string' ? ticket.status : ticket.status_name)?.trim().toLowerCase();
	if (!name) return undefined;
	return STATUS_NAMES[name] ?? (name.startsWith('waiting') ? 'pending' : undefined);
}

/** A rating's answer to the default question: 101..103 happy, 100 neutral, -101..-103 unhappy. */
export function freshdeskCsat(rating: FreshdeskRating): ConversationInput['csat'] | undefined {
	const answers = rating.ratings ?? {};
	const value = numberValue(answers.default_question ?? Object.values(answers)[0]);
	if (value === undefined) return undefined;
	return { rating: value > 100 ? 'good' : 'bad', ...(rating.feedback ? { comment: rating.feedback } : {}) };
}

function time(value: unknown, what: string): string {
	const t = vendorTime(value);
	if (!t) throw new FreshdeskRecordError(`${what} is not a valid timestamp: ${JSON.stringify(value)?.slice(0, 40)}`);
	return t;
}

function bodyText(html: string | null | undefined, plain: string | null | undefined): string {
	if (plain != null && plain.trim() !== '') return plain.trim();
	return html ? htmlToText(html) : '';
}

export function buildFreshdeskConversation(
	ticket: FreshdeskTicket,
	conversations: FreshdeskConversation[] | undefined,
	rating: FreshdeskRating | undefined,
	ctx: FreshdeskContext
): ConversationInput {
	const created = time(ticket.created_at, 'created_at');
	const sourceCode = numberValue(ticket.source);
	const c: ConversationInput = {
		id: ticket.id,
		source: 'freshdesk',
		channel: (sourceCode !== undefined && SOURCES[sourceCode]) || 'other',
		created_at: created
	};
	const updated = ticket.updated_at == null ? undefined : time(ticket.updated_at, 'updated_at');
	if (updated) c.updated_at = updated;
	if (ticket.subject) c.subject = ticket.subject;
	const priority = numberValue(ticket.priority);
	if (priority !== undefined && PRIORITIES[priority - 1]) c.priority = PRIORITIES[priority - 1];
	const kind = ticket.type ?? ticket.ticket_type;
	if (kind) c.intent = kind;
	// Custom fields named (cf_)language / (cf_)intent, as an admin would add them.
	for (const [key, value] of Object.entries(ticket.custom_fields ?? {})) {
		if (typeof value !== 'string' || value === '') continue;
		const name = key.toLowerCase().replace(/^cf_/, '');
		if (name === 'intent') c.intent = value;
		if (name === 'language' && LANGUAGE_TAG.test(value)) c.language = value;
	}
	if (ticket.tags?.length) c.tags = ticket.tags;
	if (ticket.requester_id) c.customer = { id: ticket.requester_id };

	const isAi = (userId: string | undefined) => {
		if (!userId) return false;
		const email = ctx.agentEmails.get(userId);
		return ctx.aiAuthors.has(userId.toLowerCase()) || (!!email && ctx.aiAuthors.has(email.toLowerCase()));
	};
	const events: EventInput[] = [];
	const description = bodyText(ticket.description ?? ticket.description_html, ticket.description_text);
	if (description) {
		const by = sourceCode === OUTBOUND_EMAIL ? ticket.responder_id : undefined;
		events.push(
			by === undefined
				? { id: `${ticket.id}-description`, at: created, type: 'message', author: 'customer', body: description }
				: isAi(by)
					? { id: `${ticket.id}-description`, at: created, type: 'message', author: 'ai', body: description }
					: { id: `${ticket.id}-description`, at: created, type: 'message', author: 'agent', agent_id: by, body: description }
		);
	}
	if (ticket.group_id || ticket.responder_id) {
		// Freshdesk's ticket holds only its current group and agent, not when they changed.
		events.push({
			id: `${ticket.id}-assignment`,
			at: created,
			type: 'assignment',
			...(ticket.group_id ? { queue: ctx.groups.get(ticket.group_id) ?? ticket.group_id } : {}),
			...(ticket.responder_id ? { agent_id: ticket.responder_id } : {})
		});
	}
	for (const conv of conversations ?? []) {
		const at = time(conv.created_at, `conversation ${conv.id} created_at`);
		const body = bodyText(conv.body, conv.body_text);
		const by = conv.user_id;
		const ai = isAi(by);
		if (conv.private) {
			events.push(
				ai
					? { id: conv.id, at, type: 'note', author: 'ai', body }
					: { id: conv.id, at, type: 'note', author: 'agent', body, ...(by ? { agent_id: by } : {}) }
			);
		} else if (conv.incoming || (by !== undefined && by === ticket.requester_id)) {
			events.push({ id: conv.id, at, type: 'message', author: 'customer', body });
		} else if (ai) {
			events.push({ id: conv.id, at, type: 'message', author: 'ai', body });
		} else {
			events.push({ id: conv.id, at, type: 'message', author: 'agent', body, ...(by ? { agent_id: by } : {}) });
		}
	}
	if (!conversations) {
		// The list endpoint has no conversations: the first reply is only a time in `stats`.
		c.history = 'partial';
		const first = vendorTime(ticket.stats?.first_responded_at);
		if (first)
			events.push({
				id: `${ticket.id}-first-reply`,
				at: first,
				type: 'message',
				author: 'agent',
				body: '',
				...(ticket.responder_id ? { agent_id: ticket.responder_id } : {})
			});
	}
	// Status history: `stats` keeps the latest resolve, close and reopen times.
	const statuses: { at: string; status: Status }[] = [];
	const stat = (value: unknown, status: Status) => {
		const at = vendorTime(value);
		if (at) statuses.push({ at, status });
	};
	stat(ticket.stats?.resolved_at, 'solved');
	stat(ticket.stats?.closed_at, 'closed');
	stat(ticket.stats?.reopened_at, 'open');
	statuses.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
	const current = freshdeskStatus(ticket);
	if (ticket.status != null && current === undefined) throw new FreshdeskRecordError(`unknown status ${JSON.stringify(ticket.status)}`);
	if (current && statuses.at(-1)?.status !== current) {
		const at = vendorTime(ticket.stats?.status_updated_at) ?? updated ?? created;
		statuses.push({ at, status: current });
	}
	for (const s of statuses) events.push({ id: `${ticket.id}-status-${s.status}-${s.at}`, at: s.at, type: 'status', status: s.status });
	c.events = events;
	const csat = rating ? freshdeskCsat(rating) : undefined;
	if (csat) c.csat = csat;
	return c;
}
