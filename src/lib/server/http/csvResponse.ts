// CSV downloads for every table and chart: RFC 4180 quoting by csv-stringify, a UTF-8 BOM
// so spreadsheet apps read accents right, and text cells that start like a formula prefixed
// with an apostrophe so a ticket body can't run as a spreadsheet formula (CSV injection).
import { stringify } from 'csv-stringify/sync';

export type CsvColumn = string | { key: string; header: string };

const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: unknown): string | number | boolean | null {
	if (value === null || value === undefined) return null;
	if (value instanceof Date) return value.toISOString();
	if (typeof value === 'number' || typeof value === 'boolean') return value;
	if (typeof value === 'bigint') return value.toString();
	if (Array.isArray(value)) return cell(value.join('|'));
	const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
	return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvText(columns: CsvColumn[], rows: Record<string, unknown>[]): string {
	const cols = columns.map((c) => (typeof c === 'string' ? { key: c, header: c } : c));
	return stringify(
		rows.map((row) => cols.map((c) => cell(row[c.key]))),
		{ header: true, columns: cols.map((c) => c.header), cast: { boolean: (b) => (b ? 'true' : 'false') } }
	);
}

function csvHeaders(filename: string): Record<string, string> {
	const safeName = filename.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'data';
	const name = safeName.endsWith('.csv') ? safeName : `${safeName}.csv`;
	return {
		'Content-Type': 'text/csv; charset=utf-8',
		'Content-Disposition': `attachment; filename="${name}"`,
		'Cache-Control': 'private, no-store'
	};
}

export function csvResponse(filename: string, columns: CsvColumn[], rows: Record<string, unknown>[]): Response {
	return new Response('\ufeff' + csvText(columns, rows), { headers: csvHeaders(filename) });
}

/**
 * The same CSV written batch by batch as `batches` yields rows, so a download of a million
 * rows never sits in memory whole; a client that goes away ends the iteration (and its query).
 */
export function csvStreamResponse(filename: string, columns: CsvColumn[], batches: AsyncIterable<Record<string, unknown>[]>): Response {
	const encoder = new TextEncoder();
	async function* chunks(): AsyncGenerator<Uint8Array> {
		yield encoder.encode('\ufeff' + csvText(columns, []));
		for await (const rows of batches) {
			if (!rows.length) continue;
			const text = csvText(columns, rows);
			yield encoder.encode(text.slice(text.indexOf('\n') + 1)); // the header went out once, first
		}
	}
	const source = chunks();
	const body = new ReadableStream<Uint8Array>({
		async pull(controller) {
			const next = await source.next();
			if (next.done) controller.close();
			else controller.enqueue(next.value);
		},
		async cancel() {
			await source.return(undefined);
		}
	});
	return new Response(body, { headers: csvHeaders(filename) });
}
