// Turns one Help Scout conversation, its threads and its satisfaction rating into a canonical
// conversation. Pure: the adapter gathers the pieces; this decides what each thread means.
import type { Channel, ConversationInput, Status } from '../../../../schema';
import { htmlToText } from '../intercom/htmlToText';
import { vendorTime } from '../shared/vendorValues';
import type { HelpscoutConversation, HelpscoutRating, HelpscoutThread } from './helpscoutSchemas';

type EventInput = NonNullable<ConversationInput['events']>[number];

export class HelpscoutRecordError extends Error {}

export interface HelpscoutContext {
	/** user id → email (users side-load), to match `--ai-author` emails. */
	userEmails: Map<string, string>;
	/** mailbox id → name: the conversation's queue. */
	mailboxes: Map<string, string>;
	aiAuthors: Set<string>;
}

/** Conversation and thread statuses; `nochange` and `spam` set none. */
const STATUSES: Record<string, Status> = { active: 'open', open: 'open', pending: 'pending', closed: 'closed' };
const CHANNELS: Record<string, Channel> = { email: 'email', chat: 'chat', phone: 'voice' };
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/** great → good; okay and not good → bad (the happiness score counts only great as happy). */
export function helpscoutCsat(r: HelpscoutRating): ConversationInput['csat'] | undefined {
	const rating = r.rating.trim().toLowerCase().replace(/[\s-]/g, '_');
	if (rating !== 'great' && rating !== 'okay' && rating !== 'not_good' && rating !== 'bad') return undefined;
	return { rating: rating === 'great' ? 'good' : 'bad', ...(r.comments ? { comment: r.comments } : {}) };
}

function time(value: unknown, what: string): string {
	const t = vendorTime(value);
	if (!t) throw new HelpscoutRecordError(`${what} is not a valid timestamp: ${JSON.stringify(value)?.slice(0, 40)}`);
	return t;
}

export function buildHelpscoutConversation(
	conv: HelpscoutConversation,
	threads: HelpscoutThread[] | undefined,
	rating: HelpscoutRating | undefined,
	ctx: HelpscoutContext
): ConversationInput {
	const created = time(conv.createdAt, 'createdAt');
	const c: ConversationInput = {
		id: conv.id,
		source: 'helpscout',
		channel: CHANNELS[conv.type ?? ''] ?? (conv.source?.type === 'web' ? 'web_form' : conv.source?.type === 'api' ? 'api' : 'other'),
		created_at: created
	};
	const updated = vendorTime(conv.userUpdatedAt);
	if (updated) c.updated_at = updated;
	if (conv.subject) c.subject = conv.subject;
	if (conv.tags?.length) c.tags = conv.tags.map((t) => t.tag);
	for (const field of conv.customFields ?? []) {
		const name = field.name?.trim().toLowerCase();
		const value = field.text ?? (typeof field.value === 'string' ? field.value : undefined);
		if (!value) continue;
		if (name === 'intent' || name === 'topic' || name === 'category') c.intent = value;
		if ((name === 'language' || name === 'locale') && LANGUAGE_TAG.test(value)) c.language = value;
	}
	if (conv.primaryCustomer?.id) c.customer = { id: conv.primaryCustomer.id };

	const authorOf = (p: HelpscoutThread['createdBy']): 'customer' | 'ai' | 'agent' => {
		if (p?.type === 'customer') return 'customer';
		const email = p?.email ?? (p?.id ? ctx.userEmails.get(p.id) : undefined);
		// API v3 names AI-powered users `system_user` (v2 says `user`); --ai-author names the rest.
		if (p?.type === 'system_user' || (p?.id && ctx.aiAuthors.has(p.id.toLowerCase())) || (email && ctx.aiAuthors.has(email.toLowerCase())))
			return 'ai';
		return 'agent';
	};
	const events: EventInput[] = [];
	const queue = conv.mailboxId ? (ctx.mailboxes.get(conv.mailboxId) ?? conv.mailboxId) : undefined;
	const mailbox: Extract<EventInput, { type: 'assignment' }> | undefined = queue
		? { id: `${conv.id}-mailbox`, at: created, type: 'assignment', queue }
		: undefined;
	if (mailbox) events.push(mailbox);
	let status: Status | undefined;
	let assignee: string | undefined;
	if (threads) {
		// The API lists threads newest first.
		const ordered = threads
			.filter((t) => t.state !== 'draft' && t.state !== 'underreview' && t.state !== 'hidden')
			.map((t) => ({ t, at: time(t.createdAt, `thread ${t.id} createdAt`) }))
			.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
		for (const { t, at } of ordered) {
			const body = t.body ? htmlToText(t.body) : '';
			const author = authorOf(t.createdBy);
			const agentId = author === 'agent' && t.createdBy?.id ? { agent_id: t.createdBy.id } : {};
			if (
				t.type === 'customer' ||
				t.type === 'message' ||
				t.type === 'reply' ||
				t.type === 'chat' ||
				t.type === 'phone' ||
				t.type === 'beaconchat'
			) {
				events.push({ id: t.id, at, type: 'message', author, body, ...agentId });
			} else if (t.type === 'note') {
				events.push(
					author === 'ai'
						? { id: t.id, at, type: 'note', author: 'ai', body }
						: { id: t.id, at, type: 'note', author: 'agent', body, ...agentId }
				);
			}
			// lineitem, forwardparent, forwardchild: only their status and assignee matter.
			const next = t.status ? STATUSES[t.status] : undefined;
			if (next && next !== status) {
				events.push({ id: `${t.id}-status`, at, type: 'status', status: next });
				status = next;
			}
			const to = t.assignedTo?.id;
			if (to && to !== assignee && t.assignedTo?.type !== 'team') {
				if (assignee === undefined && mailbox) mailbox.agent_id = to;
				else events.push({ id: `${t.id}-assignee`, at, type: 'assignment', agent_id: to });
				assignee = to;
			}
		}
	} else {
		c.history = 'partial';
	}
	const current = conv.status ? STATUSES[conv.status] : undefined;
	if (conv.status && !current && conv.status !== 'spam') throw new HelpscoutRecordError(`unknown status ${JSON.stringify(conv.status)}`);
	if (current && current !== status) {
		const at = current === 'closed' ? (vendorTime(conv.closedAt) ?? updated ?? created) : (updated ?? created);
		events.push({ id: `${conv.id}-status`, at, type: 'status', status: current });
	}
	c.events = events;
	const csat = rating ? helpscoutCsat(rating) : undefined;
	if (csat) c.csat = csat;
	return c;
}
