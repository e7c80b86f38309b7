// Zendesk: incremental ticket export pages (with the metric_sets, users and groups side-loads),
// ticket audits, and ticket fields, as JSON Lines or JSON documents, passed together in one
// import. Tickets and their audits are joined by ticket id in bounded memory (KeyedGroups).
import fs from 'node:fs';
import { formatIssues } from '../../../../schema';
import type { AdapterRecord, FileSample, FormatAdapter, RecordLocation } from '../../types';
import { htmlToText } from '../intercom/htmlToText';
import { envelopeVendor } from '../shared/streamEnvelope';
import { idText, vendorTime } from '../shared/vendorValues';
import { buildZendeskConversation, zendeskCsat, ZendeskRecordError, type ZendeskContext } from './buildZendeskConversation';
import { isLegacyExportRow, legacyExportRow } from './legacyTicketExport';
import { KeyedGroups } from './KeyedGroups';
import { isObject, readJsonRecords } from './readJsonRecords';
import {
	zendeskArticleSchema,
	zendeskAuditSchema,
	zendeskGroupSchema,
	zendeskRatingSchema,
	zendeskMetricSetSchema,
	zendeskTicketFieldSchema,
	zendeskTicketSchema,
	zendeskUserSchema,
	type ZendeskAudit,
	type ZendeskMetricSet,
	type ZendeskRating,
	type ZendeskTicket
} from './zendeskSchemas';

const RAW_LIMIT = 2000;

type ItemKind =
	| 'ticket'
	| 'audit'
	| 'metric_set'
	| 'user'
	| 'group'
	| 'ticket_field'
	| 'rating'
	| 'article'
	| 'legacy'
	| 'request'
	| 'comment'
	| 'ignored'
	| 'unknown';

/** Export page keys → what each array holds (plural: list endpoints; singular: show endpoints). */
const PAGE_KEYS: Record<string, ItemKind> = {
	tickets: 'ticket',
	ticket: 'ticket',
	audits: 'audit',
	audit: 'audit',
	metric_sets: 'metric_set',
	ticket_metrics: 'metric_set',
	ticket_metric: 'metric_set',
	users: 'user',
	user: 'user',
	groups: 'group',
	group: 'group',
	ticket_fields: 'ticket_field',
	ticket_field: 'ticket_field',
	satisfaction_ratings: 'rating',
	satisfaction_rating: 'rating',
	articles: 'article',
	article: 'article',
	translations: 'article',
	translation: 'article',
	requests: 'request',
	request: 'request'
};

/** Airbyte/Singer stream → object kind; other streams (organizations, brands, …) have no canonical meaning. */
const STREAMS: Record<string, ItemKind> = {
	tickets: 'ticket',
	ticket_audits: 'audit',
	ticket_metrics: 'metric_set',
	satisfaction_ratings: 'rating',
	users: 'user',
	groups: 'group',
	ticket_fields: 'ticket_field',
	articles: 'article',
	article_translations: 'article',
	ticket_comments: 'comment'
};

/** Grouped per ticket id: the ticket, its metric set, its audits, or a broken audit's reason. */
type Item =
	| { k: 't'; v: ZendeskTicket; loc: RecordLocation }
	| { k: 'm'; v: ZendeskMetricSet; loc: RecordLocation }
	| { k: 'a'; v: ZendeskAudit; loc: RecordLocation }
	| { k: 'r'; v: ZendeskRating; loc: RecordLocation }
	/** A comment from a sync tool's ticket_comments stream: the ticket's comments when it has no audits. */
	| { k: 'c'; v: unknown; at: string; loc: RecordLocation }
	| { k: 'x'; reason: string; loc: RecordLocation };

function kindOf(value: Record<string, unknown>): ItemKind {
	if ('ticket_id' in value && Array.isArray(value.events)) return 'audit';
	if ('ticket_id' in value && ('reopens' in value || 'replies' in value || 'solved_at' in value)) return 'metric_set';
	if ('requester_id' in value || 'via' in value || ('subject' in value && 'status' in value)) return 'ticket';
	return 'unknown';
}

function isPage(value: Record<string, unknown>): boolean {
	return Object.keys(value).some((k) => k in PAGE_KEYS && (Array.isArray(value[k]) || (isObject(value[k]) && !k.endsWith('s'))));
}

/** Splits one parsed JSON value (a page, a record, an array of either) into typed items. */
function* explode(
	value: unknown,
	location: RecordLocation,
	stream?: string
): Generator<{ kind: ItemKind; value: unknown; location: RecordLocation }> {
	if (stream !== undefined) {
		yield { kind: STREAMS[stream] ?? 'ignored', value, location };
		return;
	}
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) yield* explode(value[i], { ...location, record: `[${i}]` });
		return;
	}
	if (!isObject(value)) {
		yield { kind: 'unknown', value, location };
		return;
	}
	if (Array.isArray(value.results) && (isObject(value.field_headers) || value.results.some((r) => isObject(r) && isLegacyExportRow(r)))) {
		// The legacy exports/tickets page: {"results": […], "field_headers": {…}, …}
		const headers = isObject(value.field_headers) ? value.field_headers : {};
		for (let i = 0; i < value.results.length; i++) {
			yield { kind: 'legacy', value: { row: value.results[i], headers }, location: { ...location, record: `results[${i}]` } };
		}
		return;
	}
	if (isLegacyExportRow(value)) {
		yield { kind: 'legacy', value: { row: value, headers: {} }, location };
		return;
	}
	if (isPage(value)) {
		for (const [key, kind] of Object.entries(PAGE_KEYS)) {
			const held = value[key];
			if (Array.isArray(held)) {
				for (let i = 0; i < held.length; i++) yield { kind, value: held[i], location: { ...location, record: `${key}[${i}]` } };
			} else if (isObject(held) && !key.endsWith('s')) {
				yield { kind, value: held, location: { ...location, record: key } };
			}
		}
		return;
	}
	yield { kind: kindOf(value), value, location };
}

function rawOf(value: unknown): string {
	try {
		return (JSON.stringify(value) ?? '').slice(0, RAW_LIMIT);
	} catch {
		return '';
	}
}

function idOf(value: unknown, key: string): string | undefined {
	if (!isObject(value)) return undefined;
	const id = value[key];
	return typeof id === 'number' || (typeof id === 'string' && id.trim()) ? String(id) : undefined;
}

function newer(a: ZendeskTicket, b: ZendeskTicket): boolean {
	return Date.parse(a.updated_at ?? '') > Date.parse(b.updated_at ?? '');
}

const API_URL = /"url"\s*:\s*"https?:\/\/[a-z0-9-]+\.zendesk\.com\/api\/v2\//i;
const PAGE_ARRAY = /"(tickets|audits|metric_sets|ticket_metrics|ticket_fields|satisfaction_ratings)"\s*:\s*\[/;
/** A show endpoint's single object, or a Help Center / requests page: `{"ticket": {…}}`, `{"articles": [{…"html_url"`. */
const SHOW_OBJECT =
	/^\s*\{\s*"(ticket|audit|ticket_metric|satisfaction_rating|user|group|request|requests|users|groups|article|translations)"\s*:\s*[[{]/;
const LEGACY = /"generated_timestamp"\s*:[^,]+,\s*"req_name"|"results"\s*:\s*\[\s*\{\s*"generated_timestamp"/;
const HELP_CENTER = /"articles"\s*:\s*\[[^\]]*"html_url"\s*:\s*"[^"]*\/hc\//;

export const zendeskAdapter: FormatAdapter = {
	format: 'zendesk',

	detect({ head }: FileSample) {
		if (/^\s*\{\s*"(stream|type)"\s*:/.test(head) && envelopeVendor(head) !== undefined) return envelopeVendor(head) === 'zendesk';
		if (PAGE_ARRAY.test(head) || API_URL.test(head) || LEGACY.test(head) || HELP_CENTER.test(head)) return true;
		if (SHOW_OBJECT.test(head) && !/"(mailboxId|conversation_parts|responder_id)"/.test(head)) return true;
		const first =
			head
				.split('\n')
				.find((l) => l.trim() !== '')
				?.trim() ?? '';
		if (!first.startsWith('{')) return false;
		// A JSON Lines record: an audit (ticket_id + events) or a ticket (requester_id + via).
		return (
			(/"ticket_id"\s*:/.test(first) && /"events"\s*:\s*\[/.test(first)) ||
			(/"requester_id"\s*:/.test(first) && /"via"\s*:\s*\{/.test(first))
		);
	},

	async *read(files, options): AsyncGenerator<AdapterRecord> {
		const ctx: ZendeskContext = {
			users: new Map(),
			groups: new Map(),
			fieldIds: {},
			aiAuthors: new Set(options.aiAuthors.map((a) => a.trim().toLowerCase()).filter(Boolean))
		};
		const totalBytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
		const byTicket = new KeyedGroups<Item>(totalBytes);
		const brokenTickets = new Set<string>();
		const requestFiles = new Set<string>();
		/** Article id → its source locale: the translation in that locale is the article itself. */
		const sourceLocales = new Map<string, string>();
		const invalid = (location: RecordLocation, reason: string, raw?: string): AdapterRecord => ({ kind: 'invalid', location, reason, raw });

		try {
			// Pass 1: read every file; keep side-loads in memory, group tickets/metrics/audits by ticket.
			for (const file of files) {
				for await (const rec of readJsonRecords(file, options.onBytes)) {
					if (!rec.ok) {
						yield invalid(rec.location, rec.reason, rec.raw);
						continue;
					}
					for (const item of explode(rec.value, rec.location, rec.stream)) {
						const { kind, location } = item;
						let value = item.value;
						if (kind === 'ignored') continue;
						if (kind === 'legacy') {
							// Legacy export rows become a ticket and its metric set.
							const { row, headers } = value as { row: Record<string, unknown>; headers: Record<string, unknown> };
							for (const [key, title] of Object.entries(headers)) {
								const t = typeof title === 'string' ? title.trim().toLowerCase() : '';
								if (key.startsWith('field_') && (t === 'intent' || t === 'language')) ctx.fieldIds[t] = key.slice('field_'.length);
							}
							const titles = Object.fromEntries(Object.entries(headers).filter(([, t]) => typeof t === 'string')) as Record<string, string>;
							const { ticket, metricSet } = legacyExportRow(isObject(row) ? row : {}, titles);
							const g = idText(isObject(row) ? row.group_id : undefined);
							const groupName = isObject(row) && typeof row.group_name === 'string' && row.group_name !== '-' ? row.group_name : undefined;
							if (g && groupName) ctx.groups.set(g, groupName);
							const m = zendeskMetricSetSchema.safeParse(metricSet);
							if (m.success) await byTicket.add(m.data.ticket_id, { k: 'm', v: m.data, loc: location });
							value = ticket;
						}
						if (kind === 'rating') {
							const p = zendeskRatingSchema.safeParse(value);
							if (!p.success) yield invalid(location, `satisfaction rating: ${formatIssues(p.error)}`, rawOf(value));
							// offered / unoffered: a survey sent or not, no answer to count
							else if (zendeskCsat(p.data)) await byTicket.add(p.data.ticket_id, { k: 'r', v: p.data, loc: location });
						} else if (kind === 'article') {
							const p = zendeskArticleSchema.safeParse(value);
							if (!p.success) {
								yield invalid(location, `Help Center article: ${formatIssues(p.error)}`, rawOf(value));
								continue;
							}
							const a = p.data;
							if (a.draft) continue; // not published: customers never saw it
							// Translations share their source article's id as translation_group.
							const group = a.source_id ?? a.id;
							if (!a.source_id && a.source_locale) sourceLocales.set(a.id, a.source_locale.toLowerCase());
							// The translations list repeats the article in its source locale: already loaded above.
							if (a.source_id && a.locale && sourceLocales.get(a.source_id) === a.locale.toLowerCase()) continue;
							const isSource = !a.source_id && (!a.source_locale || !a.locale || a.locale === a.source_locale);
							const updated = vendorTime(a.updated_at);
							yield {
								kind: 'kb_article',
								location: { ...location, record: `article ${group}${a.locale ? ` ${a.locale}` : ''}` },
								value: {
									id: isSource ? group : `${group}-${a.locale ?? a.id}`,
									title: a.title,
									body: htmlToText(a.body ?? ''),
									...(a.html_url ? { url: a.html_url } : {}),
									...(a.locale ? { locale: a.locale } : {}),
									...(updated ? { updated_at: updated } : {}),
									translation_group: group
								}
							};
						} else if (kind === 'request') {
							// Said once per file: a requests page is a view of tickets, not a broken record.
							if (requestFiles.has(location.file)) continue;
							requestFiles.add(location.file);
							yield invalid(
								location,
								'Zendesk requests (the end-user view of tickets) in this file are not read; export tickets (with their audits) instead',
								rawOf(value)
							);
						} else if (kind === 'user') {
							const p = zendeskUserSchema.safeParse(value);
							if (p.success) ctx.users.set(p.data.id, p.data);
							else yield invalid(location, `user: ${formatIssues(p.error)}`, rawOf(value));
						} else if (kind === 'group') {
							const p = zendeskGroupSchema.safeParse(value);
							if (p.success) ctx.groups.set(p.data.id, p.data.name);
							else yield invalid(location, `group: ${formatIssues(p.error)}`, rawOf(value));
						} else if (kind === 'ticket_field') {
							const p = zendeskTicketFieldSchema.safeParse(value);
							if (!p.success) continue; // a field we can't read is one we don't use
							const title = p.data.title.trim().toLowerCase();
							if (title === 'intent') ctx.fieldIds.intent = p.data.id;
							if (title === 'language') ctx.fieldIds.language = p.data.id;
						} else if (kind === 'ticket' || kind === 'legacy') {
							const p = zendeskTicketSchema.safeParse(value);
							const id = idOf(value, 'id');
							if (p.success) await byTicket.add(p.data.id, { k: 't', v: p.data, loc: location });
							else {
								if (id) brokenTickets.add(id);
								yield invalid({ ...location, ...(id ? { record: `ticket ${id}` } : {}) }, `ticket: ${formatIssues(p.error)}`, rawOf(value));
							}
						} else if (kind === 'comment') {
							const ticketId = idOf(value, 'ticket_id');
							if (ticketId)
								await byTicket.add(idText(ticketId)!, {
									k: 'c',
									v: value,
									at: isObject(value) ? String(value.created_at ?? '') : '',
									loc: location
								});
							else yield invalid(location, 'ticket comment without a ticket_id; it cannot be joined to its ticket', rawOf(value));
						} else if (kind === 'metric_set') {
							const p = zendeskMetricSetSchema.safeParse(value);
							if (p.success) await byTicket.add(p.data.ticket_id, { k: 'm', v: p.data, loc: location });
							else yield invalid(location, `metric set: ${formatIssues(p.error)}`, rawOf(value));
						} else if (kind === 'audit') {
							const p = zendeskAuditSchema.safeParse(value);
							const ticketId = idOf(value, 'ticket_id');
							if (p.success) await byTicket.add(p.data.ticket_id, { k: 'a', v: p.data, loc: location });
							else if (ticketId) {
								// A broken audit leaves its ticket's history incomplete: quarantine the ticket.
								const where = location.line ? `${location.file}:${location.line}` : location.file;
								const reason = `audit ${idOf(value, 'id') ?? location.record ?? ''} (${where}): ${formatIssues(p.error)}`;
								await byTicket.add(ticketId, { k: 'x', reason, loc: location });
							} else yield invalid(location, `audit: ${formatIssues(p.error)}`, rawOf(value));
						} else {
							yield invalid(location, 'not a Zendesk ticket, audit, metric set, user, group or export page', rawOf(value));
						}
					}
				}
			}

			// Pass 2: one conversation per ticket.
			for await (const [ticketId, items] of byTicket.groups()) {
				let ticketItem: Extract<Item, { k: 't' }> | undefined;
				let metricSet: ZendeskMetricSet | undefined;
				const audits = new Map<string, ZendeskAudit>();
				let broken: Extract<Item, { k: 'x' }> | undefined;
				let rating: Extract<Item, { k: 'r' }> | undefined;
				const comments: Extract<Item, { k: 'c' }>[] = [];
				for (const item of items) {
					if (item.k === 't') {
						// The incremental export repeats a ticket that changed during the export: keep the newest.
						if (!ticketItem || newer(item.v, ticketItem.v)) ticketItem = item;
					} else if (item.k === 'm') metricSet = item.v;
					else if (item.k === 'a') audits.set(item.v.id, item.v);
					else if (item.k === 'c') comments.push(item);
					else if (item.k === 'r') {
						if (
							!rating ||
							(vendorTime(item.v.updated_at ?? item.v.created_at) ?? '') >= (vendorTime(rating.v.updated_at ?? rating.v.created_at) ?? '')
						)
							rating = item;
					} else broken ??= item;
				}
				if (rating) {
					// Ratings are stored apart and applied to the ticket in the warehouse, whichever
					// import brings the ticket: the same result, and the same content hash, either way.
					const at = vendorTime(rating.v.updated_at ?? rating.v.created_at);
					yield {
						kind: 'rating',
						location: { ...rating.loc, record: `rating of ticket ${ticketId}` },
						source: 'zendesk',
						conversation_id: ticketId,
						...(at ? { rated_at: at } : {}),
						csat: zendeskCsat(rating.v)
					};
				}
				if (!ticketItem) {
					if (brokenTickets.has(ticketId)) continue;
					const first = items[0];
					if (items.every((i) => i.k === 'm' || i.k === 'r' || i.k === 'c')) continue; // metric sets, ratings or comments of tickets not exported: nothing more to load
					yield invalid(
						{ ...first.loc, record: `ticket ${ticketId}` },
						`audits for ticket ${ticketId} but the ticket itself is not in the files given`
					);
					continue;
				}
				const ticket = ticketItem.v;
				const location = { ...ticketItem.loc, record: `ticket ${ticketId}` };
				if (ticket.status === 'deleted') continue; // deleted in Zendesk: nothing to analyse
				if (broken) {
					yield invalid(location, broken.reason, rawOf(ticket));
					continue;
				}
				try {
					// Without audits (or embedded comments) the ticket loads as a partial history.
					const withComments =
						comments.length && !ticket.comments?.length
							? { ...ticket, comments: comments.sort((a, b) => (a.at < b.at ? -1 : 1)).map((c) => c.v) }
							: ticket;
					const value = buildZendeskConversation(withComments, metricSet, audits.size ? [...audits.values()] : undefined, ctx);
					yield { kind: 'conversation', location, value };
				} catch (error) {
					if (!(error instanceof ZendeskRecordError)) throw error;
					yield invalid(location, `ticket ${ticketId}: ${error.message}`, rawOf(ticket));
				}
			}
		} finally {
			byTicket.dispose();
		}
	}
};
