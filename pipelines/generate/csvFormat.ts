// The CSV output: `csv/messages.csv`, one row per event with the default columns of the CSV
// adapter (conversation-level columns repeated on every row, lists `|`-separated). CSV can
// say everything the canonical shape says, so it reads back as written.
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { EVENT_ROW_FIELDS } from '../../src/lib/server/ingest/adapters/csv/csvFields';
import { ChunkedWriter } from './ChunkedWriter';
import { ensureFolder } from './ensureFolder';
import type { CanonicalRecord, ReadBack, SampleFormat } from './SampleFormat';

/** The CSV adapter's default event-row columns: what it reads without a --map. */
export const CSV_COLUMNS = EVENT_ROW_FIELDS;

type Ev = Record<string, unknown>;
const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const list = (v: unknown) => (Array.isArray(v) ? v.join('|') : '');
const same = (id: string) => id;

export function csvFormat(outDir: string): SampleFormat {
	ensureFolder(path.join(outDir, 'csv'));
	const writer = new ChunkedWriter(path.join(outDir, 'csv', 'messages.csv'));
	let headerWritten = false;
	return {
		source: 'csv',
		humanOnly: false,
		needsCustomerId: false,
		noDrafts: false,
		conversationId: (n) => `T-${String(500_000 + n)}`,
		customerId: (n) => `CUS-${String(n).padStart(6, '0')}`,
		async write(conv: CanonicalRecord): Promise<ReadBack> {
			const customer = (conv.customer ?? {}) as { id?: string; tier?: string; plan?: string };
			const csat = (conv.csat ?? {}) as { score?: number; scale?: number; rating?: string; comment?: string };
			const head = [
				conv.id,
				conv.created_at,
				text(conv.updated_at),
				text(conv.channel),
				text(conv.subject),
				text(conv.language),
				text(conv.intent),
				text(conv.priority),
				list(conv.tags),
				text(customer.id),
				text(customer.tier),
				text(customer.plan),
				text(csat.score),
				csat.score !== undefined ? text(csat.scale ?? 5) : '',
				text(csat.rating),
				text(csat.comment)
			];
			const rows = (conv.events as Ev[]).map((e) => [
				...head,
				text(e.id),
				text(e.at),
				text(e.type),
				text(e.author),
				text(e.agent_id),
				text(e.body),
				text(e.answer_type),
				text(e.confidence),
				list(e.kb_article_ids),
				text(e.queue),
				text(e.to_queue),
				text(e.reason),
				text(e.note),
				text(e.customer_message),
				text(e.final_body),
				text(e.review),
				text(e.status)
			]);
			if (!headerWritten) {
				await writer.write(stringify([[...CSV_COLUMNS]]));
				headerWritten = true;
			}
			await writer.write(stringify(rows));
			return { conversation: { ...conv, source: 'csv' }, eventId: same };
		},
		async close() {
			if (!headerWritten) await writer.write(stringify([[...CSV_COLUMNS]]));
			await writer.close();
		}
	};
}
