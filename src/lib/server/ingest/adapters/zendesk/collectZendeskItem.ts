// The Zendesk adapter's first pass, one item at a time: side-loads (users, groups, ticket
// fields) go into the context, articles and unreadable items are yielded at once, and tickets,
// metric sets, audits, ratings and comments are grouped by ticket id for the second pass.
import { formatIssues } from '../../../../schema';
import type { AdapterRecord, RecordLocation } from '../../types';
import { invalidRecord } from '../shared/invalidRecord';
import { rawRecordText } from '../shared/rawRecordText';
import { idText } from '../shared/vendorValues';
import { zendeskCsat, type ZendeskContext } from './buildZendeskConversation';
import type { ZendeskItemKind } from './explodeZendeskJson';
import type { KeyedGroups } from './KeyedGroups';
import { legacyExportRow } from './legacyTicketExport';
import { isObject } from './readJsonRecords';
import { zendeskArticleRecord } from './zendeskArticleRecord';
import {
	zendeskAuditSchema,
	zendeskGroupSchema,
	zendeskMetricSetSchema,
	zendeskRatingSchema,
	zendeskTicketFieldSchema,
	zendeskTicketSchema,
	zendeskUserSchema,
	type ZendeskAudit,
	type ZendeskMetricSet,
	type ZendeskRating,
	type ZendeskTicket
} from './zendeskSchemas';

/** Grouped per ticket id: the ticket, its metric set, its audits, or a broken audit's reason. */
export type ZendeskTicketItem =
	| { k: 't'; v: ZendeskTicket; loc: RecordLocation }
	| { k: 'm'; v: ZendeskMetricSet; loc: RecordLocation }
	| { k: 'a'; v: ZendeskAudit; loc: RecordLocation }
	| { k: 'r'; v: ZendeskRating; loc: RecordLocation }
	/** A comment from a sync tool's ticket_comments stream: the ticket's comments when it has no audits. */
	| { k: 'c'; v: unknown; at: string; loc: RecordLocation }
	| { k: 'x'; reason: string; loc: RecordLocation };

export interface ZendeskCollection {
	ctx: ZendeskContext;
	byTicket: KeyedGroups<ZendeskTicketItem>;
	/** Tickets that failed to parse: their audits and metric sets are not reported again. */
	brokenTickets: Set<string>;
	/** Files already said to hold requests (said once per file). */
	requestFiles: Set<string>;
	/** Article id → its source locale: the translation in that locale is the article itself. */
	sourceLocales: Map<string, string>;
}

function idOf(value: unknown, key: string): string | undefined {
	if (!isObject(value)) return undefined;
	const id = value[key];
	return typeof id === 'number' || (typeof id === 'string' && id.trim()) ? String(id) : undefined;
}

/** Legacy export rows become a ticket and its metric set; their headers name the intent and language fields. */
async function legacyTicket(value: unknown, location: RecordLocation, { ctx, byTicket }: ZendeskCollection): Promise<unknown> {
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
	return ticket;
}

export async function* collectZendeskItem(
	item: { kind: ZendeskItemKind; value: unknown; location: RecordLocation },
	state: ZendeskCollection
): AsyncGenerator<AdapterRecord> {
	const { kind, location } = item;
	const { ctx, byTicket } = state;
	if (kind === 'ignored') return;
	const value = kind === 'legacy' ? await legacyTicket(item.value, location, state) : item.value;
	const invalid = (reason: string) => invalidRecord(location, reason, rawRecordText(value));
	if (kind === 'rating') {
		const p = zendeskRatingSchema.safeParse(value);
		if (!p.success) yield invalid(`satisfaction rating: ${formatIssues(p.error)}`);
		// offered / unoffered: a survey sent or not, no answer to count
		else if (zendeskCsat(p.data)) await byTicket.add(p.data.ticket_id, { k: 'r', v: p.data, loc: location });
	} else if (kind === 'article') {
		const record = zendeskArticleRecord(value, location, state.sourceLocales);
		if (record) yield record;
	} else if (kind === 'request') {
		// Said once per file: a requests page is a view of tickets, not a broken record.
		if (state.requestFiles.has(location.file)) return;
		state.requestFiles.add(location.file);
		yield invalid('Zendesk requests (the end-user view of tickets) in this file are not read; export tickets (with their audits) instead');
	} else if (kind === 'user') {
		const p = zendeskUserSchema.safeParse(value);
		if (p.success) ctx.users.set(p.data.id, p.data);
		else yield invalid(`user: ${formatIssues(p.error)}`);
	} else if (kind === 'group') {
		const p = zendeskGroupSchema.safeParse(value);
		if (p.success) ctx.groups.set(p.data.id, p.data.name);
		else yield invalid(`group: ${formatIssues(p.error)}`);
	} else if (kind === 'ticket_field') {
		const p = zendeskTicketFieldSchema.safeParse(value);
		if (!p.success) return; // a field we can't read is one we don't use
		const title = p.data.title.trim().toLowerCase();
		if (title === 'intent') ctx.fieldIds.intent = p.data.id;
		if (title === 'language') ctx.fieldIds.language = p.data.id;
	} else if (kind === 'ticket' || kind === 'legacy') {
		const p = zendeskTicketSchema.safeParse(value);
		const id = idOf(value, 'id');
		if (p.success) await byTicket.add(p.data.id, { k: 't', v: p.data, loc: location });
		else {
			if (id) state.brokenTickets.add(id);
			yield invalidRecord(
				{ ...location, ...(id ? { record: `ticket ${id}` } : {}) },
				`ticket: ${formatIssues(p.error)}`,
				rawRecordText(value)
			);
		}
	} else if (kind === 'comment') {
		const ticketId = idOf(value, 'ticket_id');
		if (ticketId)
			await byTicket.add(idText(ticketId)!, { k: 'c', v: value, at: isObject(value) ? String(value.created_at ?? '') : '', loc: location });
		else yield invalid('ticket comment without a ticket_id; it cannot be joined to its ticket');
	} else if (kind === 'metric_set') {
		const p = zendeskMetricSetSchema.safeParse(value);
		if (p.success) await byTicket.add(p.data.ticket_id, { k: 'm', v: p.data, loc: location });
		else yield invalid(`metric set: ${formatIssues(p.error)}`);
	} else if (kind === 'audit') {
		const p = zendeskAuditSchema.safeParse(value);
		const ticketId = idOf(value, 'ticket_id');
		if (p.success) await byTicket.add(p.data.ticket_id, { k: 'a', v: p.data, loc: location });
		else if (ticketId) {
			// A broken audit leaves its ticket's history incomplete: quarantine the ticket.
			const where = location.line ? `${location.file}:${location.line}` : location.file;
			const reason = `audit ${idOf(value, 'id') ?? location.record ?? ''} (${where}): ${formatIssues(p.error)}`;
			await byTicket.add(ticketId, { k: 'x', reason, loc: location });
		} else yield invalid(`audit: ${formatIssues(p.error)}`);
	} else {
		yield invalid('not a Zendesk ticket, audit, metric set, user, group or export page');
	}
}
