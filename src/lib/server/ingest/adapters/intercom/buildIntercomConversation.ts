// Turns one Intercom conversation object into a canonical conversation. Pure: the adapter
// reads the files and the team/admin side-loads; this decides what each part means.
import { formatIssues, normalizeTimestamp, type Channel, type ConversationInput, type Status } from '../../../../schema';
import { htmlToText } from './htmlToText';
import { intercomPartSchema, type IntercomAuthor, type IntercomConversation, type IntercomPart } from './intercomSchemas';

type EventInput = NonNullable<ConversationInput['events']>[number];

/** A conversation that cannot be mapped; the message is the quarantine reason. */
export class IntercomRecordError extends Error {}

export interface IntercomContext {
	/** team id → team name (from a `team.list` side-load); unknown ids stay ids. */
	teams: Map<string, string>;
	/** admin id → email (from an `admin.list` side-load), to match AI authors given by email. */
	admins: Map<string, string>;
	/** Lower-cased admin ids and emails of the AI (AdapterOptions.aiAuthors). */
	aiAuthors: Set<string>;
}

/** `source.type` (the channel the conversation started on) → canonical channel. */
const CHANNELS: Record<string, Channel> = {
	conversation: 'chat',
	chat: 'chat',
	messenger: 'chat',
	email: 'email',
	facebook: 'social',
	instagram: 'social',
	twitter: 'social',
	whatsapp: 'social',
	phone_call: 'voice',
	phone_switch: 'voice',
	call: 'voice',
	sms: 'sms',
	push: 'in_app',
	in_app: 'in_app',
	api: 'api'
};

/** Part types that are one canonical event (or two: an assignment or a note that also reopens). */
const MESSAGE_PARTS = new Set(['comment', 'quick_reply']);
const ASSIGNMENT_PARTS = new Set(['assignment', 'default_assignment', 'away_mode_assignment', 'assign_and_reopen', 'assign_and_unsnooze']);
const STATUS_PARTS: Record<string, Status> = {
	open: 'open',
	close: 'solved',
	snoozed: 'pending',
	unsnoozed: 'open',
	timer_unsnooze: 'open'
};
const REOPENING_PARTS = new Set(['assign_and_reopen', 'assign_and_unsnooze', 'note_and_reopen']);
/** Documented part types with no canonical meaning (attributes, participants, ratings, SLAs…). */
const IGNORED_PARTS = new Set([
	'conversation_rating_changed',
	'conversation_rating_remark_added',
	'attribute_collected',
	'participant_added',
	'participant_removed',
	'conversation_attribute_updated_by_admin',
	'conversation_attribute_updated_by_workflow',
	'conversation_attribute_updated_by_user',
	'ticket_attribute_updated_by_admin',
	'ticket_state_updated_by_admin',
	'title_changed',
	'priority_changed',
	'language_detection_details',
	'sla_applied',
	'sla_removed',
	'custom_action_started',
	'custom_action_finished',
	'operator_workflow_event',
	'channel_and_reply_time_expectation',
	'conversation_tags_updated',
	'conversation_sentiment_changed',
	'read_receipt',
	'email_forwarded',
	'event'
]);
/** An AI comment and note posted this close before its assignment are the hand-off's words. */
const HANDOFF_WINDOW_SECONDS = 5;
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const ANSWER_TYPES = new Set(['answered', 'clarifying', 'fallback']);

/** Unix seconds (Intercom) or an ISO string → canonical UTC ISO; null when impossible. */
export function intercomTimestamp(value: unknown): string | null {
	if (typeof value === 'number') {
		if (!Number.isFinite(value) || value < 0 || value > 4_102_444_800) return null; // up to 2100
		return new Date(Math.round(value * 1000)).toISOString();
	}
	if (typeof value === 'string') {
		if (/^\d{9,10}$/.test(value.trim())) return intercomTimestamp(Number(value));
		return normalizeTimestamp(value);
	}
	return null;
}

function requiredTime(value: unknown, what: string): string {
	const at = intercomTimestamp(value);
	if (!at) throw new IntercomRecordError(`${what} is not a valid timestamp: ${JSON.stringify(value)?.slice(0, 40)}`);
	return at;
}

function attribute(attrs: Record<string, unknown> | null | undefined, names: string[]): string | undefined {
	if (!attrs) return undefined;
	for (const [key, value] of Object.entries(attrs)) {
		if (
			names.includes(
				key
					.trim()
					.toLowerCase()
					.replace(/[\s-]+/g, '_')
			) &&
			typeof value === 'string' &&
			value.trim()
		) {
			return value.trim();
		}
	}
	return undefined;
}

function articleId(source: { url?: string | null; title?: string | null }): string | undefined {
	const match = source.url ? /\/articles\/(\d+)/.exec(source.url) : null;
	return match?.[1] ?? source.url?.trim() ?? source.title?.trim() ?? undefined;
}

export function buildIntercomConversation(conv: IntercomConversation, ctx: IntercomContext): ConversationInput {
	const created = requiredTime(conv.created_at, 'created_at');
	const isAiAuthor = (author: IntercomAuthor | null | undefined): boolean => {
		if (!author) return false;
		if (author.type === 'bot') return true;
		const id = author.id?.toLowerCase();
		const email = (author.email ?? (author.id ? ctx.admins.get(author.id) : undefined))?.toLowerCase();
		return (!!id && ctx.aiAuthors.has(id)) || (!!email && ctx.aiAuthors.has(email));
	};
	const isCustomer = (author: IntercomAuthor | null | undefined) =>
		author?.type === 'user' || author?.type === 'lead' || author?.type === 'contact';
	const agentId = (author: IntercomAuthor | null | undefined) => (author?.type === 'admin' && author.id ? { agent_id: author.id } : {});

	const conversation: ConversationInput = {
		id: conv.id,
		source: 'intercom',
		channel: CHANNELS[conv.source?.type?.toLowerCase() ?? ''] ?? 'other',
		created_at: created
	};
	if (conv.updated_at != null) conversation.updated_at = requiredTime(conv.updated_at, 'updated_at');
	const subject = conv.title?.trim() || (conv.source?.subject ? htmlToText(conv.source.subject) : '');
	if (subject) conversation.subject = subject;
	const attrs = conv.custom_attributes;
	const language = attribute(attrs, ['language', 'locale', 'language_code']);
	if (language && LANGUAGE_TAG.test(language)) conversation.language = language;
	const intent = attribute(attrs, ['intent', 'conversation_intent', 'topic', 'category']);
	if (intent) conversation.intent = intent;
	if (conv.priority === 'priority') conversation.priority = 'high';
	else if (conv.priority === 'not_priority') conversation.priority = 'normal';
	const tagList = Array.isArray(conv.tags) ? conv.tags : (conv.tags?.tags ?? []);
	const tags = tagList.map((t) => (typeof t === 'string' ? t : t.name)).filter((t) => t.trim() !== '');
	if (tags.length) conversation.tags = tags;

	const contacts = Array.isArray(conv.contacts) ? conv.contacts : (conv.contacts?.contacts ?? []);
	const customerId = contacts[0]?.id ?? contacts[0]?.external_id ?? (isCustomer(conv.source?.author) ? conv.source?.author?.id : undefined);
	const tier = attribute(attrs, ['tier', 'customer_tier']);
	const plan = attribute(attrs, ['plan', 'customer_plan']);
	if (customerId || tier || plan) {
		conversation.customer = { ...(customerId ? { id: customerId } : {}), ...(tier ? { tier } : {}), ...(plan ? { plan } : {}) };
	}

	// CSAT: the customer's rating of the conversation; Fin's own rating only when there is none.
	const rating = conv.conversation_rating?.rating ?? conv.ai_agent?.rating;
	if (typeof rating === 'number' && rating >= 1 && rating <= 5) {
		const remark = conv.conversation_rating?.rating != null ? conv.conversation_rating.remark : conv.ai_agent?.rating_remark;
		conversation.csat = { score: rating, scale: 5, ...(remark ? { comment: remark } : {}) };
	}

	const events: EventInput[] = [];
	let aiSpoke = false;
	const source = conv.source;
	if (source && (source.body != null || source.author)) {
		const body = htmlToText(source.body ?? '');
		const id = `source-${source.id ?? conv.id}`;
		if (isAiAuthor(source.author)) {
			events.push({ id, at: created, type: 'message', author: 'ai', body });
			aiSpoke = true;
		} else if (isCustomer(source.author) || !source.author?.type) {
			events.push({ id, at: created, type: 'message', author: 'customer', body });
		} else events.push({ id, at: created, type: 'message', author: 'agent', body, ...agentId(source.author) });
	}

	const rawParts = Array.isArray(conv.conversation_parts) ? conv.conversation_parts : (conv.conversation_parts?.conversation_parts ?? []);
	const parts: { part: IntercomPart; at: string; ai: boolean }[] = rawParts.map((raw, i) => {
		const parsed = intercomPartSchema.safeParse(raw);
		if (!parsed.success) throw new IntercomRecordError(`conversation_parts[${i}]: ${formatIssues(parsed.error)}`);
		const part = parsed.data;
		const at = requiredTime(part.created_at, `part ${part.id} created_at`);
		return { part, at, ai: part.from_ai_agent === true || isAiAuthor(part.author) };
	});

	const aiMessages: { event: Extract<EventInput, { type: 'message' }>; part: IntercomPart }[] = [];
	let handoffAt: string | undefined;
	for (let i = 0; i < parts.length; i++) {
		const { part, at, ai } = parts[i];
		const type = part.part_type;
		const body = htmlToText(part.body ?? '');
		if (MESSAGE_PARTS.has(type)) {
			if (ai) {
				const event: Extract<EventInput, { type: 'message' }> = { id: part.id, at, type: 'message', author: 'ai', body };
				if (part.answer_type && ANSWER_TYPES.has(part.answer_type)) event.answer_type = part.answer_type as 'answered';
				else if (part.is_ai_answer === true) event.answer_type = 'answered';
				if (typeof part.confidence === 'number') event.confidence = part.confidence;
				events.push(event);
				aiMessages.push({ event, part });
				aiSpoke = true;
			} else if (isCustomer(part.author)) events.push({ id: part.id, at, type: 'message', author: 'customer', body });
			else events.push({ id: part.id, at, type: 'message', author: 'agent', body, ...agentId(part.author) });
		} else if (type === 'note' || type === 'note_and_reopen') {
			events.push(
				ai
					? { id: part.id, at, type: 'note', author: 'ai', body }
					: { id: part.id, at, type: 'note', author: 'agent', body, ...agentId(part.author) }
			);
		} else if (ASSIGNMENT_PARTS.has(type)) {
			const target = part.assigned_to;
			const targetId = target?.id ?? undefined;
			if (target?.type === 'team' && targetId && ai && aiSpoke) {
				// The AI handing the conversation to a team. Its note and its last words to the
				// customer, posted just before, belong to the hand-off rather than the transcript.
				let note = body || undefined;
				let told: string | undefined;
				const consumed = new Set<IntercomPart>();
				const moment = Date.parse(at) / 1000;
				for (let j = i - 1; j >= 0; j--) {
					const prev = parts[j];
					if (!prev.ai || moment - Date.parse(prev.at) / 1000 > HANDOFF_WINDOW_SECONDS) break;
					if (prev.part.part_type === 'note' && note === undefined) {
						note = htmlToText(prev.part.body ?? '');
						consumed.add(prev.part);
					} else if (
						MESSAGE_PARTS.has(prev.part.part_type) &&
						told === undefined &&
						prev.part.is_ai_answer !== true &&
						!prev.part.answer_type
					) {
						told = htmlToText(prev.part.body ?? '');
						consumed.add(prev.part);
					} else break;
				}
				for (const p of consumed) {
					const k = events.findIndex((e) => e.id === p.id);
					if (k >= 0) events.splice(k, 1);
					const m = aiMessages.findIndex((x) => x.part === p);
					if (m >= 0) aiMessages.splice(m, 1);
				}
				const state = conv.ai_agent?.resolution_state;
				events.push({
					id: part.id,
					at,
					type: 'handoff',
					author: 'ai',
					to_queue: ctx.teams.get(targetId) ?? targetId,
					...(state ? { reason: state } : {}),
					...(note ? { note } : {}),
					...(told ? { customer_message: told } : {})
				});
				handoffAt ??= at;
			} else {
				if (target?.type === 'team' && targetId) {
					events.push({ id: part.id, at, type: 'assignment', queue: ctx.teams.get(targetId) ?? targetId });
				} else if (target?.type === 'admin' && targetId) {
					events.push({ id: part.id, at, type: 'assignment', agent_id: targetId });
				}
				// Assigned to nobody (or a bot): no queue or agent to record. A body on an
				// assignment is the teammate's internal note to the assignee.
				if (body) {
					const author = ai ? ({ author: 'ai' } as const) : ({ author: 'agent', ...agentId(part.author) } as const);
					events.push({ id: `${part.id}-note`, at, type: 'note', body, ...author });
				}
			}
		} else if (type in STATUS_PARTS) {
			events.push({ id: part.id, at, type: 'status', status: STATUS_PARTS[type] });
		} else if (!IGNORED_PARTS.has(type)) {
			throw new IntercomRecordError(`part ${part.id}: unknown part_type ${JSON.stringify(type)}`);
		}
		if (REOPENING_PARTS.has(type)) events.push({ id: `${part.id}-open`, at, type: 'status', status: 'open' });
	}

	// Fin's outcome, where parts don't say it: no answer delivered at all (last_answer_type null)
	// makes its last message before the hand-off a fallback; an answer makes its last one answered.
	const ai = conv.ai_agent;
	if (ai && aiMessages.length && !aiMessages.some((m) => m.event.answer_type)) {
		const before = aiMessages.filter((m) => !handoffAt || m.event.at <= handoffAt);
		const last = (before.length ? before : aiMessages).at(-1)!.event;
		if (ai.last_answer_type) last.answer_type = 'answered';
		else if (ai.resolution_state === 'routed_to_team' || ai.resolution_state === 'abandoned' || handoffAt) last.answer_type = 'fallback';
	}
	// Fin's cited content sources go on its answers.
	const cited = (ai?.content_sources?.content_sources ?? []).map(articleId).filter((id): id is string => !!id);
	if (cited.length) for (const m of aiMessages) if (m.event.answer_type === 'answered') m.event.kb_article_ids = [...new Set(cited)];

	if (parts.length === 0) events.push(...eventsFromStatistics(conv, created, ctx));
	conversation.events = events;
	return conversation;
}

/**
 * A conversation from the list endpoint has no parts: its assignment, closes and reopens are
 * rebuilt from `statistics` and the current state. A reopen's exact time is not in the
 * statistics; it is placed one second after the first close.
 */
function eventsFromStatistics(conv: IntercomConversation, created: string, ctx: IntercomContext): EventInput[] {
	const stats = conv.statistics;
	const events: EventInput[] = [];
	const at = (value: unknown) => intercomTimestamp(value) ?? undefined;
	const team = conv.team_assignee_id && conv.team_assignee_id !== '0' ? conv.team_assignee_id : undefined;
	const admin = conv.admin_assignee_id && conv.admin_assignee_id !== '0' ? conv.admin_assignee_id : undefined;
	if (team || admin) {
		events.push({
			id: `${conv.id}-assignment`,
			at: at(stats?.last_assignment_at) ?? at(stats?.first_assignment_at) ?? created,
			type: 'assignment',
			...(team ? { queue: ctx.teams.get(team) ?? team } : {}),
			...(admin ? { agent_id: admin } : {})
		});
	}
	const firstClose = at(stats?.first_close_at);
	const lastClose = at(stats?.last_close_at);
	if (firstClose) {
		events.push({ id: `${conv.id}-close-1`, at: firstClose, type: 'status', status: 'solved' });
		if ((stats?.count_reopens ?? 0) > 0) {
			const reopen = new Date(Date.parse(firstClose) + 1000).toISOString();
			events.push({ id: `${conv.id}-reopen`, at: reopen, type: 'status', status: 'open' });
			if (lastClose && lastClose > reopen) events.push({ id: `${conv.id}-close-2`, at: lastClose, type: 'status', status: 'solved' });
		}
	}
	const state = conv.state ?? (conv.open === false ? 'closed' : conv.open ? 'open' : undefined);
	const updated = at(conv.updated_at) ?? created;
	if (state === 'closed' && !firstClose) events.push({ id: `${conv.id}-state`, at: updated, type: 'status', status: 'solved' });
	else if (state === 'snoozed') events.push({ id: `${conv.id}-state`, at: updated, type: 'status', status: 'pending' });
	else if (state === 'open' && firstClose) events.push({ id: `${conv.id}-state`, at: updated, type: 'status', status: 'open' });
	return events;
}
