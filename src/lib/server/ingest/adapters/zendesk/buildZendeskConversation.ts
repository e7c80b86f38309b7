// Turns one Zendesk ticket, its metric set and its audits into a canonical conversation.
// Pure: the adapter gathers the pieces; this decides what each audit event means.
import { normalizeTimestamp, PRIORITIES, type ConversationInput, type Status } from '../../../../schema';
import { channelFromZendesk } from './zendeskChannels';
import {
	zendeskAuditSchema,
	zendeskCommentSchema,
	type ZendeskAudit,
	type ZendeskAuditEvent,
	type ZendeskMetricSet,
	type ZendeskTicket,
	type ZendeskUser
} from './zendeskSchemas';
import { formatIssues } from '../../../../schema';
import { numberValue } from '../shared/vendorValues';

type EventInput = NonNullable<ConversationInput['events']>[number];

/** A ticket that cannot be mapped; the message is the quarantine reason. */
export class ZendeskRecordError extends Error {}

export interface ZendeskContext {
	users: Map<string, ZendeskUser>;
	/** group id → group name (from the `groups` side-load). */
	groups: Map<string, string>;
	/** Ids of the custom ticket fields titled "Intent" and "Language" (from `ticket_fields`). */
	fieldIds: { intent?: string; language?: string };
	/** Lower-cased user ids and emails of the AI (AdapterOptions.aiAuthors). */
	aiAuthors: Set<string>;
}

const STATUSES: Record<string, Status | null> = {
	new: 'new',
	open: 'open',
	pending: 'pending',
	hold: 'pending',
	solved: 'solved',
	closed: 'closed',
	deleted: null
};
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
/** The Zendesk system user: triggers, automations, the ticket lifecycle. */
const SYSTEM_USER = '-1';

type AuthorKind = 'ai' | 'customer' | 'agent' | 'system';

function timestamp(value: string | null | undefined, what: string): string {
	const normalized = value ? normalizeTimestamp(value) : null;
	if (!normalized) throw new ZendeskRecordError(`${what} is not a valid timestamp: "${String(value).slice(0, 40)}"`);
	return normalized;
}

function optionalTimestamp(value: string | null | undefined): string | undefined {
	return value ? (normalizeTimestamp(value) ?? undefined) : undefined;
}

function statusOf(value: unknown, where: string): Status | null {
	if (typeof value !== 'string' || !(value in STATUSES)) {
		throw new ZendeskRecordError(`${where}: unknown status ${JSON.stringify(value)}`);
	}
	return STATUSES[value];
}

function isComment(e: ZendeskAuditEvent): boolean {
	return e.type === 'Comment' || e.type === 'VoiceComment';
}

function fieldChange(events: ZendeskAuditEvent[], field: string): ZendeskAuditEvent | undefined {
	return events.find((e) => (e.type === 'Change' || e.type === 'Create') && e.field_name === field);
}

function idValue(value: unknown): string | undefined {
	if (typeof value === 'number') return String(value);
	if (typeof value === 'string' && value.trim() !== '') return value;
	return undefined;
}

export function buildZendeskConversation(
	ticket: ZendeskTicket,
	metricSet: ZendeskMetricSet | undefined,
	audits: ZendeskAudit[] | undefined,
	ctx: ZendeskContext
): ConversationInput {
	const requester = ticket.requester_id ?? undefined;
	const isAi = (id: string | undefined): boolean => {
		if (id === undefined) return false;
		if (ctx.aiAuthors.has(id.toLowerCase())) return true;
		const email = ctx.users.get(id)?.email;
		return !!email && ctx.aiAuthors.has(email.toLowerCase());
	};
	const authorKind = (id: string | undefined): AuthorKind => {
		if (id === undefined || id === SYSTEM_USER) return 'system';
		if (isAi(id)) return 'ai';
		if (id === requester || ctx.users.get(id)?.role === 'end-user') return 'customer';
		return 'agent';
	};
	const groupName = (id: string) => ctx.groups.get(id) ?? id;

	const created = timestamp(ticket.created_at, 'created_at');
	const conversation: ConversationInput = {
		id: ticket.id,
		source: 'zendesk',
		channel: channelFromZendesk(ticket.via?.channel),
		created_at: created
	};
	const updated = optionalTimestamp(ticket.updated_at);
	if (ticket.updated_at && !updated) throw new ZendeskRecordError(`updated_at is not a valid timestamp: "${ticket.updated_at}"`);
	if (updated) conversation.updated_at = updated;
	const subject = ticket.subject ?? ticket.raw_subject;
	if (subject) conversation.subject = subject;
	if (ticket.priority && (PRIORITIES as readonly string[]).includes(ticket.priority)) {
		conversation.priority = ticket.priority as (typeof PRIORITIES)[number];
	}
	if (ticket.tags?.length) conversation.tags = ticket.tags;
	for (const field of ticket.custom_fields ?? []) {
		if (typeof field.value !== 'string' || field.value === '') continue;
		if (field.id === ctx.fieldIds.intent) conversation.intent = field.value;
		if (field.id === ctx.fieldIds.language && LANGUAGE_TAG.test(field.value)) conversation.language = field.value;
	}
	if (requester) {
		const fields = ctx.users.get(requester)?.user_fields ?? {};
		const customer: NonNullable<ConversationInput['customer']> = { id: requester };
		if (typeof fields.tier === 'string' && fields.tier) customer.tier = fields.tier;
		if (typeof fields.plan === 'string' && fields.plan) customer.plan = fields.plan;
		conversation.customer = customer;
	}

	const events: EventInput[] = [];
	let auditRating: { score?: string | null; comment?: string | null } | undefined;

	const commentEvent = (id: string, at: string, by: string | undefined, body: string, isPublic: boolean): EventInput => {
		const kind = authorKind(by);
		if (!isPublic) {
			return kind === 'ai'
				? { id, at, type: 'note', author: 'ai', body }
				: { id, at, type: 'note', author: 'agent', body, ...(kind === 'agent' ? { agent_id: by } : {}) };
		}
		if (kind === 'customer') return { id, at, type: 'message', author: 'customer', body };
		if (kind === 'ai') return { id, at, type: 'message', author: 'ai', body };
		return { id, at, type: 'message', author: 'agent', body, ...(kind === 'agent' ? { agent_id: by } : {}) };
	};
	const bodyOf = (e: { body?: string | null; plain_body?: string | null; html_body?: string | null }, where: string) => {
		const body = e.body ?? e.plain_body ?? e.html_body;
		if (typeof body !== 'string') throw new ZendeskRecordError(`${where}: a comment without a body`);
		return body;
	};

	const embeddedAudits = ticket.audits?.map((raw, i) => {
		const parsed = zendeskAuditSchema.safeParse(raw);
		if (!parsed.success) throw new ZendeskRecordError(`audits[${i}]: ${formatIssues(parsed.error)}`);
		return parsed.data;
	});
	const allAudits = audits?.length ? audits : embeddedAudits;

	if (allAudits?.length) {
		const ordered = allAudits
			.map((audit) => ({ audit, at: timestamp(audit.created_at, `audit ${audit.id} created_at`) }))
			.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
		for (const { audit, at } of ordered) {
			const author = audit.author_id ?? undefined;
			const where = `audit ${audit.id}`;
			const eventId = (e: ZendeskAuditEvent) => {
				if (e.id == null) throw new ZendeskRecordError(`${where}: a ${e.type} event has no id`);
				return e.id;
			};
			const groupChange = fieldChange(audit.events, 'group_id');
			const assigneeChange = fieldChange(audit.events, 'assignee_id');
			const consumed = new Set<ZendeskAuditEvent>();
			const groupId = groupChange ? idValue(groupChange.value) : undefined;
			if (groupChange && groupId && isAi(author)) {
				// The AI moving a ticket to a group is its hand-off; its comments in the same audit
				// are the hand-off note (private) and what it told the customer (public).
				const byAi = (e: ZendeskAuditEvent) => isComment(e) && isAi(e.author_id ?? author);
				const note = audit.events.find((e) => byAi(e) && e.public === false);
				const told = audit.events.find((e) => byAi(e) && e.public !== false);
				events.push({
					id: eventId(groupChange),
					at,
					type: 'handoff',
					author: 'ai',
					to_queue: groupName(groupId),
					...(note ? { note: bodyOf(note, where) } : {}),
					...(told ? { customer_message: bodyOf(told, where) } : {})
				});
				for (const e of [groupChange, note, told, assigneeChange]) if (e) consumed.add(e);
			}
			for (const e of audit.events) {
				if (consumed.has(e)) continue;
				if (isComment(e)) {
					events.push(commentEvent(eventId(e), at, e.author_id ?? author, bodyOf(e, where), e.public !== false));
				} else if (e.type === 'Create' || e.type === 'Change') {
					if (e.field_name === 'status') {
						const status = statusOf(e.value, where);
						if (status) events.push({ id: eventId(e), at, type: 'status', status });
					} else if (e.field_name === 'group_id') {
						const group = idValue(e.value);
						if (!group) continue; // un-grouped: no queue to record
						const agent = assigneeChange ? idValue(assigneeChange.value) : undefined;
						events.push({ id: eventId(e), at, type: 'assignment', queue: groupName(group), ...(agent ? { agent_id: agent } : {}) });
					} else if (e.field_name === 'assignee_id' && !groupChange) {
						const agent = idValue(e.value);
						if (agent) events.push({ id: eventId(e), at, type: 'assignment', agent_id: agent });
					}
					// Other field changes (priority, tags, custom fields…) are ticket-level state.
				} else if (e.type === 'SatisfactionRating') {
					auditRating = { score: e.score, comment: e.comment };
				}
				// Every other audit event type (Notification, Cc, Push, TicketSharingEvent, …) has
				// no canonical meaning and is skipped.
			}
		}
	} else {
		// No audit trail: what the ticket and its metric set still tell.
		const comments = ticket.comments?.map((raw, i) => {
			const parsed = zendeskCommentSchema.safeParse(raw);
			if (!parsed.success) throw new ZendeskRecordError(`comments[${i}]: ${formatIssues(parsed.error)}`);
			return parsed.data;
		});
		if (comments?.length) {
			for (const c of comments) {
				const at = timestamp(c.created_at, `comment ${c.id} created_at`);
				events.push(commentEvent(c.id, at, c.author_id ?? undefined, bodyOf(c, `comment ${c.id}`), c.public !== false));
			}
		} else {
			// Neither audits nor comments: the outcome is known, the history is not.
			conversation.history = 'partial';
			if (ticket.description) {
				events.push({ id: `${ticket.id}-description`, at: created, type: 'message', author: 'customer', body: ticket.description });
			}
			// The metric set's first reply time stands for the first public reply (its text is not here).
			const replyMinutes = numberValue(metricSet?.reply_time_in_minutes?.calendar);
			if (replyMinutes !== undefined && replyMinutes >= 0) {
				if (!ticket.description) events.push({ id: `${ticket.id}-request`, at: created, type: 'message', author: 'customer', body: '' });
				const at = new Date(Date.parse(created) + replyMinutes * 60_000).toISOString();
				events.push({
					id: `${ticket.id}-first-reply`,
					at,
					type: 'message',
					author: 'agent',
					body: '',
					...(ticket.assignee_id ? { agent_id: ticket.assignee_id } : {})
				});
			}
		}
		if (ticket.group_id) {
			const at = optionalTimestamp(metricSet?.initially_assigned_at ?? metricSet?.assigned_at) ?? created;
			events.push({
				id: `${ticket.id}-group`,
				at,
				type: 'assignment',
				queue: groupName(ticket.group_id),
				...(ticket.assignee_id ? { agent_id: ticket.assignee_id } : {})
			});
		}
		const status = ticket.status ? statusOf(ticket.status, 'ticket status') : null;
		if (status) {
			const done = status === 'solved' || status === 'closed';
			const at = (done ? optionalTimestamp(metricSet?.solved_at) : undefined) ?? (status === 'new' ? created : (updated ?? created));
			events.push({ id: `${ticket.id}-status`, at, type: 'status', status });
		}
	}
	conversation.events = events;

	const csat = zendeskCsat(ticket.satisfaction_rating) ?? zendeskCsat(auditRating);
	if (csat) conversation.csat = csat;
	return conversation;
}

/** good / bad (also `good_with_comment`…) → a CSAT; `offered`, `unoffered` and others → none. */
export function zendeskCsat(
	rating: { score?: string | null; comment?: string | null } | null | undefined
): ConversationInput['csat'] | undefined {
	const score = rating?.score?.toLowerCase();
	if (!score?.startsWith('good') && !score?.startsWith('bad')) return undefined;
	return { rating: score.startsWith('good') ? 'good' : 'bad', ...(rating?.comment ? { comment: rating.comment } : {}) };
}
