// Zendesk: incremental ticket export pages (with the metric_sets, users and groups side-loads),
// ticket audits, and ticket fields, as JSON Lines or JSON documents, passed together in one
// import. Tickets and their audits are joined by ticket id in bounded memory (KeyedGroups).
import fs from 'node:fs';
import { formatIssues } from '../../../../schema';
import type { AdapterRecord, FileSample, FormatAdapter, RecordLocation } from '../../types';
import { buildZendeskConversation, ZendeskRecordError, type ZendeskContext } from './buildZendeskConversation';
import { KeyedGroups } from './KeyedGroups';
import { isObject, readJsonRecords } from './readJsonRecords';
import {
	zendeskAuditSchema,
	zendeskGroupSchema,
	zendeskMetricSetSchema,
	zendeskTicketFieldSchema,
	zendeskTicketSchema,
	zendeskUserSchema,
	type ZendeskAudit,
	type ZendeskMetricSet,
	type ZendeskTicket
} from './zendeskSchemas';

const RAW_LIMIT = 2000;

type ItemKind = 'ticket' | 'audit' | 'metric_set' | 'user' | 'group' | 'ticket_field' | 'unknown';

/** Export page keys → what each array holds (plural: list endpoints; singular: show endpoints). */
const PAGE_KEYS: Record<string, ItemKind> = {
	tickets: 'ticket', ticket: 'ticket', audits: 'audit', audit: 'audit', metric_sets: 'metric_set',
	ticket_metrics: 'metric_set', ticket_metric: 'metric_set', users: 'user', user: 'user', groups: 'group',
	group: 'group', ticket_fields: 'ticket_field', ticket_field: 'ticket_field'
};

/** Grouped per ticket id: the ticket, its metric set, its audits, or a broken audit's reason. */
type Item =
	| { k: 't'; v: ZendeskTicket; loc: RecordLocation }
	| { k: 'm'; v: ZendeskMetricSet; loc: RecordLocation }
	| { k: 'a'; v: ZendeskAudit; loc: RecordLocation }
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
function* explode(value: unknown, location: RecordLocation): Generator<{ kind: ItemKind; value: unknown; location: RecordLocation }> {
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) yield* explode(value[i], { ...location, record: `[${i}]` });
		return;
	}
	if (!isObject(value)) {
		yield { kind: 'unknown', value, location };
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
const PAGE_ARRAY = /"(tickets|audits|metric_sets|ticket_metrics|ticket_fields)"\s*:\s*\[/;

export const zendeskAdapter: FormatAdapter = {
	format: 'zendesk',

	detect({ head }: FileSample) {
		if (PAGE_ARRAY.test(head) || API_URL.test(head)) return true;
		const first = head.split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
		if (!first.startsWith('{')) return false;
		// A JSON Lines record: an audit (ticket_id + events) or a ticket (requester_id + via).
		return (/"ticket_id"\s*:/.test(first) && /"events"\s*:\s*\[/.test(first)) ||
			(/"requester_id"\s*:/.test(first) && /"via"\s*:\s*\{/.test(first));
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
		let sawAudits = false;
		const invalid = (location: RecordLocation, reason: string, raw?: string): AdapterRecord => ({ kind: 'invalid', location, reason, raw });

		try {
			// Pass 1: read every file; keep side-loads in memory, group tickets/metrics/audits by ticket.
			for (const file of files) {
				for await (const rec of readJsonRecords(file, options.onBytes)) {
					if (!rec.ok) {
						yield invalid(rec.location, rec.reason, rec.raw);
						continue;
					}
					for (const item of explode(rec.value, rec.location)) {
						const { kind, value, location } = item;
						if (kind === 'user') {
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
						} else if (kind === 'ticket') {
							const p = zendeskTicketSchema.safeParse(value);
							const id = idOf(value, 'id');
							if (p.success) await byTicket.add(p.data.id, { k: 't', v: p.data, loc: location });
							else {
								if (id) brokenTickets.add(id);
								yield invalid({ ...location, ...(id ? { record: `ticket ${id}` } : {}) }, `ticket: ${formatIssues(p.error)}`, rawOf(value));
							}
						} else if (kind === 'metric_set') {
							const p = zendeskMetricSetSchema.safeParse(value);
							if (p.success) await byTicket.add(p.data.ticket_id, { k: 'm', v: p.data, loc: location });
							else yield invalid(location, `metric set: ${formatIssues(p.error)}`, rawOf(value));
						} else if (kind === 'audit') {
							sawAudits = true;
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
				for (const item of items) {
					if (item.k === 't') {
						// The incremental export repeats a ticket that changed during the export: keep the newest.
						if (!ticketItem || newer(item.v, ticketItem.v)) ticketItem = item;
					} else if (item.k === 'm') metricSet = item.v;
					else if (item.k === 'a') audits.set(item.v.id, item.v);
					else broken ??= item;
				}
				if (!ticketItem) {
					if (brokenTickets.has(ticketId)) continue;
					const first = items[0];
					if (items.every((i) => i.k === 'm')) continue; // metric sets of tickets not exported: nothing to load
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
				const embedded = (ticket.audits?.length ?? 0) > 0 || (ticket.comments?.length ?? 0) > 0;
				if (sawAudits && audits.size === 0 && !embedded) {
					yield invalid(
						location,
						`ticket ${ticketId} has no audits in the files given (its history would be incomplete); export its audits, or import the tickets alone`,
						rawOf(ticket)
					);
					continue;
				}
				try {
					const value = buildZendeskConversation(ticket, metricSet, audits.size ? [...audits.values()] : undefined, ctx);
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
