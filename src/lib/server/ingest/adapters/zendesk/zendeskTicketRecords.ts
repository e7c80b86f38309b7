// The Zendesk adapter's second pass, one ticket at a time: its newest copy, metric set, audits
// (or a sync tool's comments) and newest rating become a rating record and a conversation, or
// one readable reason why the ticket cannot load.
import type { AdapterRecord } from '../../types';
import { invalidRecord } from '../shared/invalidRecord';
import { rawRecordText } from '../shared/rawRecordText';
import { ratingRecord } from '../shared/ratingRecord';
import { buildZendeskConversation, zendeskCsat, ZendeskRecordError, type ZendeskContext } from './buildZendeskConversation';
import type { ZendeskTicketItem } from './collectZendeskItem';
import type { ZendeskAudit, ZendeskMetricSet, ZendeskTicket } from './zendeskSchemas';

type Of<K extends ZendeskTicketItem['k']> = Extract<ZendeskTicketItem, { k: K }>;

function newer(a: ZendeskTicket, b: ZendeskTicket): boolean {
	return Date.parse(a.updated_at ?? '') > Date.parse(b.updated_at ?? '');
}

export function* zendeskTicketRecords(
	ticketId: string,
	items: ZendeskTicketItem[],
	ctx: ZendeskContext,
	brokenTickets: Set<string>
): Generator<AdapterRecord> {
	let ticketItem: Of<'t'> | undefined;
	let metricSet: ZendeskMetricSet | undefined;
	const audits = new Map<string, ZendeskAudit>();
	let broken: Of<'x'> | undefined;
	const ratings: Of<'r'>[] = [];
	const comments: Of<'c'>[] = [];
	for (const item of items) {
		if (item.k === 't') {
			// The incremental export repeats a ticket that changed during the export: keep the newest.
			if (!ticketItem || newer(item.v, ticketItem.v)) ticketItem = item;
		} else if (item.k === 'm') metricSet = item.v;
		else if (item.k === 'a') audits.set(item.v.id, item.v);
		else if (item.k === 'c') comments.push(item);
		else if (item.k === 'r') ratings.push(item);
		else broken ??= item;
	}
	const rating = ratingRecord(ratings, {
		source: 'zendesk',
		conversationId: ticketId,
		noun: 'ticket',
		ratedAt: (r) => r.updated_at ?? r.created_at,
		csat: zendeskCsat
	});
	if (rating) yield rating;
	if (!ticketItem) {
		if (brokenTickets.has(ticketId)) return;
		// Metric sets, ratings or comments of tickets not exported: nothing more to load.
		if (items.every((i) => i.k === 'm' || i.k === 'r' || i.k === 'c')) return;
		yield invalidRecord(
			{ ...items[0].loc, record: `ticket ${ticketId}` },
			`audits for ticket ${ticketId} but the ticket itself is not in the files given`
		);
		return;
	}
	const ticket = ticketItem.v;
	const location = { ...ticketItem.loc, record: `ticket ${ticketId}` };
	if (ticket.status === 'deleted') return; // deleted in Zendesk: nothing to analyse
	if (broken) {
		yield invalidRecord(location, broken.reason, rawRecordText(ticket));
		return;
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
		yield invalidRecord(location, `ticket ${ticketId}: ${error.message}`, rawRecordText(ticket));
	}
}
