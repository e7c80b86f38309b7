// Freshdesk API v2 JSON: tickets (list, search results, or one ticket with
// `include=conversations,stats`), conversations, satisfaction ratings, agents, groups and
// solution articles, as JSON documents, JSON Lines, or Airbyte/Singer record files. Tickets,
// their conversations and ratings are joined by ticket id in bounded memory (KeyedGroups).
import fs from 'node:fs';
import { formatIssues } from '../../../../schema';
import { invalidRecord } from '../shared/invalidRecord';
import { rawRecordText } from '../shared/rawRecordText';
import { newestRecord } from '../shared/newestRecord';
import { ratingRecord } from '../shared/ratingRecord';
import type { AdapterRecord, FileSample, FormatAdapter, RecordLocation } from '../../types';
import { htmlToText } from '../intercom/htmlToText';
import { envelopeVendor } from '../shared/streamEnvelope';
import { numberValue, vendorTime } from '../shared/vendorValues';
import { KeyedGroups } from '../zendesk/KeyedGroups';
import { isObject, readJsonRecords } from '../zendesk/readJsonRecords';
import { buildFreshdeskConversation, freshdeskCsat, FreshdeskRecordError, type FreshdeskContext } from './buildFreshdeskConversation';
import {
	freshdeskAgentSchema,
	freshdeskArticleSchema,
	freshdeskConversationSchema,
	freshdeskGroupSchema,
	freshdeskRatingSchema,
	freshdeskTicketSchema,
	type FreshdeskConversation,
	type FreshdeskRating,
	type FreshdeskTicket
} from './freshdeskSchemas';

type ItemKind = 'ticket' | 'conversation' | 'rating' | 'agent' | 'group' | 'article' | 'ignored' | 'unknown';

/** Airbyte/Singer stream → object kind; other streams (contacts, companies, …) have no canonical meaning. */
const STREAMS: Record<string, ItemKind> = {
	tickets: 'ticket',
	conversations: 'conversation',
	satisfaction_ratings: 'rating',
	agents: 'agent',
	groups: 'group',
	solution_articles: 'article'
};

type Item =
	| { k: 't'; v: FreshdeskTicket; loc: RecordLocation }
	| { k: 'c'; v: FreshdeskConversation; loc: RecordLocation }
	| { k: 'r'; v: FreshdeskRating; loc: RecordLocation };

function kindOf(v: Record<string, unknown>): ItemKind {
	if ('ticket_id' in v && isObject(v.ratings)) return 'rating';
	if ('ticket_id' in v && ('incoming' in v || 'private' in v || 'body_text' in v)) return 'conversation';
	if ('requester_id' in v && ('status' in v || 'source' in v)) return 'ticket';
	if (isObject(v.contact) && ('ticket_scope' in v || 'available' in v || 'occasional' in v)) return 'agent';
	if ('title' in v && ('folder_id' in v || 'category_id' in v || 'description_text' in v)) return 'article';
	if ('name' in v && ('escalate_to' in v || 'unassigned_for' in v || 'auto_ticket_assign' in v || 'agent_ids' in v)) return 'group';
	// Contacts, companies, roles, time entries: Freshdesk objects with no canonical meaning.
	if ('helpdesk_agent' in v || 'time_spent' in v || 'domains' in v || ('name' in v && 'default' in v)) return 'ignored';
	return 'unknown';
}

/** One parsed JSON value (an array, a search page, an object) → typed items. */
function* explode(
	value: unknown,
	location: RecordLocation,
	stream?: string
): Generator<{ kind: ItemKind; value: unknown; location: RecordLocation }> {
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) yield* explode(value[i], { ...location, record: `[${i}]` }, stream);
		return;
	}
	if (stream !== undefined) {
		yield { kind: STREAMS[stream] ?? 'ignored', value, location };
		return;
	}
	if (isObject(value) && Array.isArray(value.results)) {
		yield* explode(value.results, location); // search API: {"total", "results": […]}
		return;
	}
	yield { kind: isObject(value) ? kindOf(value) : 'unknown', value, location };
}

const MARKERS = [
	/"fr_escalated"\s*:/,
	/"responder_id"\s*:/,
	/"ticket_scope"\s*:/,
	/"description_text"\s*:/,
	/"unassigned_for"\s*:/,
	/"survey_id"\s*:/
];

export const freshdeskAdapter: FormatAdapter = {
	format: 'freshdesk',
	detect({ head }: FileSample) {
		const vendor = /^\s*\{\s*"(stream|type)"/.test(head) ? envelopeVendor(head) : undefined;
		if (vendor) return vendor === 'freshdesk';
		if (/"incoming"\s*:\s*(true|false)/.test(head) && /"private"\s*:/.test(head) && /"ticket_id"\s*:/.test(head)) return true;
		return MARKERS.some((re) => re.test(head)) && !/"via"\s*:\s*\{/.test(head);
	},
	async *read(files, options): AsyncGenerator<AdapterRecord> {
		const ctx: FreshdeskContext = {
			agentEmails: new Map(),
			groups: new Map(),
			aiAuthors: new Set(options.aiAuthors.map((a) => a.trim().toLowerCase()).filter(Boolean))
		};
		const totalBytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
		const byTicket = new KeyedGroups<Item>(totalBytes);
		try {
			for (const file of files) {
				for await (const rec of readJsonRecords(file, options.onBytes)) {
					if (!rec.ok) {
						yield invalidRecord(rec.location, rec.reason, rec.raw);
						continue;
					}
					for (const { kind, value, location } of explode(rec.value, rec.location, rec.stream)) {
						if (kind === 'ignored') continue;
						if (kind === 'ticket') {
							const p = freshdeskTicketSchema.safeParse(value);
							if (p.success) await byTicket.add(p.data.id, { k: 't', v: p.data, loc: location });
							else
								yield invalidRecord(
									location,
									`Freshdesk ticket: ${formatIssues(p.error)}; fix or drop this record and import the file again`,
									rawRecordText(value)
								);
						} else if (kind === 'conversation') {
							const p = freshdeskConversationSchema.safeParse(value);
							if (p.success && p.data.ticket_id) await byTicket.add(p.data.ticket_id, { k: 'c', v: p.data, loc: location });
							else
								yield invalidRecord(
									location,
									`Freshdesk conversation: ${p.success ? 'no ticket_id' : formatIssues(p.error)}`,
									rawRecordText(value)
								);
						} else if (kind === 'rating') {
							const p = freshdeskRatingSchema.safeParse(value);
							if (p.success) await byTicket.add(p.data.ticket_id, { k: 'r', v: p.data, loc: location });
							else yield invalidRecord(location, `Freshdesk satisfaction rating: ${formatIssues(p.error)}`, rawRecordText(value));
						} else if (kind === 'agent') {
							const p = freshdeskAgentSchema.safeParse(value);
							const email = p.success ? (p.data.contact?.email ?? p.data.email) : undefined;
							if (p.success && email) ctx.agentEmails.set(p.data.id, email);
						} else if (kind === 'group') {
							const p = freshdeskGroupSchema.safeParse(value);
							if (p.success) ctx.groups.set(p.data.id, p.data.name);
							else yield invalidRecord(location, `Freshdesk group: ${formatIssues(p.error)}`, rawRecordText(value));
						} else if (kind === 'article') {
							const p = freshdeskArticleSchema.safeParse(value);
							if (!p.success) {
								yield invalidRecord(location, `Freshdesk solution article: ${formatIssues(p.error)}`, rawRecordText(value));
								continue;
							}
							const a = p.data;
							if (numberValue(a.status) === 1) continue; // a draft: customers never saw it
							const updated = vendorTime(a.updated_at);
							yield {
								kind: 'kb_article',
								location: { ...location, record: `article ${a.id}` },
								value: {
									// Translations share the article id; the language tells them apart.
									id: a.language ? `${a.id}-${a.language}` : a.id,
									title: a.title,
									body: a.description_text?.trim() || htmlToText(a.description ?? ''),
									...(a.language ? { locale: a.language } : {}),
									...(updated ? { updated_at: updated } : {}),
									translation_group: a.id
								}
							};
						} else {
							yield invalidRecord(
								location,
								'not a Freshdesk ticket, conversation, satisfaction rating, agent, group or solution article; leave this file out or pass --format',
								rawRecordText(value)
							);
						}
					}
				}
			}
			for await (const [ticketId, items] of byTicket.groups()) {
				const ticket = newestRecord(
					items.filter((i) => i.k === 't'),
					(i) => vendorTime(i.v.updated_at)
				);
				const conversations = new Map<string, FreshdeskConversation>();
				for (const item of items) if (item.k === 'c') conversations.set(item.v.id, item.v);
				const rating = ratingRecord(
					items.filter((i) => i.k === 'r'),
					{
						source: 'freshdesk',
						conversationId: ticketId,
						noun: 'ticket',
						ratedAt: (r) => r.updated_at ?? r.created_at,
						csat: freshdeskCsat
					}
				);
				if (rating) yield rating;
				if (!ticket) {
					const first = items[0];
					if (items.every((i) => i.k === 'r')) continue;
					yield invalidRecord(
						{ ...first.loc, record: `ticket ${ticketId}` },
						`${first.k === 'r' ? 'a satisfaction rating' : 'conversations'} for Freshdesk ticket ${ticketId}, but the ticket itself is not in the files given; import them together with the ticket`
					);
					continue;
				}
				const t = ticket.v;
				if (t.deleted || t.spam) continue; // deleted or spam in Freshdesk: nothing to analyse
				const location = { ...ticket.loc, record: `ticket ${ticketId}` };
				// Conversations embedded in the ticket (include=conversations) and separate ones merge by id.
				let failed = false;
				for (const [i, raw] of (t.conversations ?? []).entries()) {
					const p = freshdeskConversationSchema.safeParse(raw);
					if (!p.success) {
						yield invalidRecord(
							location,
							`Freshdesk ticket ${ticketId}: conversations[${i}]: ${formatIssues(p.error)}; fix or drop it and import again`,
							rawRecordText(t)
						);
						failed = true;
						break;
					}
					conversations.set(p.data.id, p.data);
				}
				if (failed) continue;
				// No conversations anywhere (the list endpoint): a partial history.
				const convs = t.conversations || conversations.size ? [...conversations.values()] : undefined;
				const embeddedRating = t.satisfaction_rating
					? freshdeskRatingSchema.safeParse({ ticket_id: t.id, id: `${t.id}-rating`, ...(t.satisfaction_rating as object) })
					: undefined;
				try {
					const value = buildFreshdeskConversation(t, convs, embeddedRating?.success ? embeddedRating.data : undefined, ctx);
					yield { kind: 'conversation', location, value };
				} catch (error) {
					if (!(error instanceof FreshdeskRecordError)) throw error;
					yield invalidRecord(location, `Freshdesk ticket ${ticketId}: ${error.message}`, rawRecordText(t));
				}
			}
		} finally {
			byTicket.dispose();
		}
	}
};
