// Zendesk: incremental ticket export pages (with the metric_sets, users and groups side-loads),
// ticket audits, and ticket fields, as JSON Lines or JSON documents, passed together in one
// import. Tickets and their audits are joined by ticket id in bounded memory (KeyedGroups):
// pass 1 reads every file (collectZendeskItem), pass 2 loads one ticket at a time (zendeskTicketRecords).
import fs from 'node:fs';
import type { AdapterRecord, FormatAdapter } from '../../types';
import { invalidRecord } from '../shared/invalidRecord';
import { collectZendeskItem, type ZendeskCollection, type ZendeskTicketItem } from './collectZendeskItem';
import { detectZendesk } from './detectZendesk';
import { explodeZendeskJson } from './explodeZendeskJson';
import { KeyedGroups } from './KeyedGroups';
import { readJsonRecords } from './readJsonRecords';
import { zendeskTicketRecords } from './zendeskTicketRecords';

export const zendeskAdapter: FormatAdapter = {
	format: 'zendesk',

	detect: detectZendesk,

	async *read(files, options): AsyncGenerator<AdapterRecord> {
		const totalBytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
		const state: ZendeskCollection = {
			ctx: {
				users: new Map(),
				groups: new Map(),
				fieldIds: {},
				aiAuthors: new Set(options.aiAuthors.map((a) => a.trim().toLowerCase()).filter(Boolean))
			},
			byTicket: new KeyedGroups<ZendeskTicketItem>(totalBytes),
			brokenTickets: new Set(),
			requestFiles: new Set(),
			sourceLocales: new Map()
		};
		try {
			for (const file of files) {
				for await (const rec of readJsonRecords(file, options.onBytes)) {
					if (!rec.ok) {
						yield invalidRecord(rec.location, rec.reason, rec.raw);
						continue;
					}
					for (const item of explodeZendeskJson(rec.value, rec.location, rec.stream)) yield* collectZendeskItem(item, state);
				}
			}
			for await (const [ticketId, items] of state.byTicket.groups()) {
				yield* zendeskTicketRecords(ticketId, items, state.ctx, state.brokenTickets);
			}
		} finally {
			state.byTicket.dispose();
		}
	}
};
