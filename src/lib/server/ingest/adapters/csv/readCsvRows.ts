// Streams a CSV file's rows with the line each starts on, via csv-parse. Quoted fields may
// span lines; a broken row (unclosed quote, invalid UTF-8) comes back as an error with its line.
import fs from 'node:fs';
import { parse } from 'csv-parse';

export type CsvRow = { line: number; cells: string[] } | { line: number; error: string; raw: string };

const RAW_LIMIT = 2000;

/** The line a record starts on, from the line it ends on and its raw text (which may carry blank lines before it). */
function startLine(endLine: number, raw: string | undefined): number {
	if (!raw) return endLine;
	const body = raw.replace(/^(\r?\n)+/, '').replace(/\r?\n$/, '');
	let inner = 0;
	for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) inner++;
	return endLine - inner;
}

export function detectDelimiter(headerLine: string): string {
	let best = ',';
	let bestCount = 0;
	for (const d of [',', ';', '\t']) {
		const count = headerLine.split(d).length - 1;
		if (count > bestCount) {
			best = d;
			bestCount = count;
		}
	}
	return best;
}

export async function* readCsvRows(file: string, delimiter: string, onBytes: (n: number) => void): AsyncGenerator<CsvRow> {
	const skipped: CsvRow[] = [];
	const source = fs.createReadStream(file, { highWaterMark: 1 << 20 });
	source.on('data', (chunk) => onBytes(chunk.length));
	const parser = source.pipe(
		parse({
			delimiter,
			bom: true,
			info: true,
			raw: true,
			relax_column_count: true, // checked per row, so a short row is reported, not fatal
			relax_quotes: true, // a stray quote inside a field is text, not the end of the file
			skip_empty_lines: true,
			skip_records_with_error: true,
			on_skip: (error, raw) => {
				const end = (error as { lines?: number } | undefined)?.lines ?? 0;
				const why =
					error?.code === 'CSV_QUOTE_NOT_CLOSED'
						? 'a quoted field opened here is never closed (the rest of the file is inside it)'
						: (error?.message ?? 'unreadable row').replace(/\s+/g, ' ');
				skipped.push({ line: startLine(end, raw), error: why, raw: (raw ?? '').slice(0, RAW_LIMIT) });
				return undefined;
			}
		})
	);
	try {
		for await (const { record, info, raw } of parser as AsyncIterable<{ record: string[]; info: { lines: number }; raw: string }>) {
			while (skipped.length) yield skipped.shift()!;
			const line = startLine(info.lines, raw);
			if (record.some((cell) => cell.includes('\uFFFD'))) {
				yield { line, error: 'invalid UTF-8', raw: raw.slice(0, RAW_LIMIT) };
				continue;
			}
			yield { line, cells: record };
		}
		while (skipped.length) yield skipped.shift()!;
	} finally {
		source.destroy();
	}
}
