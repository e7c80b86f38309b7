// Turns one Intercom conversation object into a canonical conversation. Pure: the adapter
// reads the files and the team/admin side-loads; this decides what each part means.
import type { Channel, ConversationInput } from '../../../../schema';
import { htmlToText } from './htmlToText';
import { intercomAuthors } from './intercomAuthors';
import { intercomPartEvents } from './intercomPartEvents';
import type { IntercomConversation } from './intercomSchemas';
import { intercomStatisticsEvents } from './intercomStatisticsEvents';
import { requiredIntercomTime } from './intercomTimestamp';

type EventInput = NonNullable<ConversationInput['events']>[number];

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

const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

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
	const created = requiredIntercomTime(conv.created_at, 'created_at');
	const authors = intercomAuthors(ctx);
	const { isCustomer, agentId } = authors;

	const conversation: ConversationInput = {
		id: conv.id,
		source: 'intercom',
		channel: CHANNELS[conv.source?.type?.toLowerCase() ?? ''] ?? 'other',
		created_at: created
	};
	if (conv.updated_at != null) conversation.updated_at = requiredIntercomTime(conv.updated_at, 'updated_at');
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
		if (authors.isAi(source.author)) {
			events.push({ id, at: created, type: 'message', author: 'ai', body });
			aiSpoke = true;
		} else if (isCustomer(source.author) || !source.author?.type) {
			events.push({ id, at: created, type: 'message', author: 'customer', body });
		} else events.push({ id, at: created, type: 'message', author: 'agent', body, ...agentId(source.author) });
	}

	const { partCount, aiMessages, handoffAt } = intercomPartEvents(conv, ctx, authors, events, aiSpoke);

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

	if (partCount === 0) events.push(...intercomStatisticsEvents(conv, created, ctx));
	conversation.events = events;
	return conversation;
}
