// CSV: one row per event (grouped into conversations by conversation_id) or one row per
// conversation, with columns found by name or mapped with `--map field=Header`. Detected last:
// almost any text file with commas could be a CSV.
import fs from 'node:fs';
import { UsageError } from '../../../errors';
import type { AdapterRecord, FileSample, FormatAdapter, RecordLocation } from '../../types';
import { KeyedGroups } from '../zendesk/KeyedGroups';
import {
	conversationFieldsFromRow,
	conversationFromEventRows,
	conversationFromRow,
	eventFromRow,
	type Cell,
	type EventRow
} from './buildCsvConversation';
import { CSV_FIELDS, normalizeHeader, resolveColumns, type CsvColumns } from './csvFields';
import { CsvValueError } from './csvValues';
import { detectDelimiter, readCsvRows } from './readCsvRows';

const RAW_LIMIT = 2000;
/** Files up to this size group their rows in memory; larger ones spill to disk (parsed rows take ~8× their CSV size). */
const IN_MEMORY_BYTES = 16 * 1024 * 1024;
const KNOWN_HEADERS = new Set<string>([...CSV_FIELDS, 'id', 'ticket_id', 'created_at', 'message', 'timestamp']);

function firstLine(head: string): string {
	return head.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
}

function cellReader(cells: string[], columns: CsvColumns): Cell {
	return (field) => {
		const i = columns.index[field];
		if (i === undefined) return undefined;
		const v = cells[i]?.trim();
		return v === undefined || v === '' ? undefined : v;
	};
}

const rawRow = (cells: string[]) => cells.join(',').slice(0, RAW_LIMIT);

export const csvAdapter: FormatAdapter = {
	format: 'csv',

	detect({ path, head }: FileSample) {
		const line = firstLine(head);
		if (line === '' || /^\s*[[{]/.test(line)) return false;
		const delimiter = detectDelimiter(line);
		const cells = line.split(delimiter).map((c) => normalizeHeader(c.replace(/^"|"$/g, '')));
		if (cells.length < 2 || cells.some((c) => c.length > 64)) return false;
		// A .csv file with a header row is CSV; any other name needs a header we know.
		return path.toLowerCase().endsWith('.csv') || cells.some((c) => KNOWN_HEADERS.has(c));
	},

	async *read(files, options): AsyncGenerator<AdapterRecord> {
		for (const file of files) {
			const invalid = (line: number, reason: string, raw?: string): AdapterRecord => ({
				kind: 'invalid',
				location: { file, line },
				reason,
				raw
			});
			let columns: CsvColumns | undefined;
			let delimiter: string;
			{
				const fd = fs.openSync(file, 'r');
				try {
					const buf = Buffer.alloc(64 * 1024);
					delimiter = detectDelimiter(firstLine(buf.subarray(0, fs.readSync(fd, buf, 0, buf.length, 0)).toString('utf8')));
				} finally {
					fs.closeSync(fd);
				}
			}
			// Rows of one conversation are usually consecutive, but need not be: group them by id in
			// bounded memory (in memory for small files, hash-partitioned on disk for large ones).
			const size = fs.statSync(file).size;
			const groups = new KeyedGroups<EventRow>(size, IN_MEMORY_BYTES);
			let previousId: string | undefined;
			try {
				// Progress: reading the rows is the first half of the file's bytes, emitting the
				// grouped conversations the second (so the ETA keeps moving while groups come out).
				let halfCounted = 0;
				let rowCount = 0;
				for await (const row of readCsvRows(file, delimiter, (n) => {
					const half = Math.floor(n / 2);
					halfCounted += half;
					options.onBytes(half);
				})) {
					rowCount++;
					if ('error' in row) {
						yield invalid(row.line, row.error, row.raw);
						continue;
					}
					if (!columns) {
						const resolved = resolveColumns(row.cells, options.csvMapping);
						if (resolved.missingMapped.length) {
							throw new UsageError(
								`${file}: --map ${resolved.missingMapped.join(', ')}: no such column; its header is ${row.cells.join(', ').slice(0, 300)}`
							);
						}
						columns = resolved.columns;
						if (columns.index.conversation_id === undefined) {
							yield invalid(
								row.line,
								`no conversation id column (conversation_id or id) in the header; name it with --map conversation_id=<Header>`,
								rawRow(row.cells)
							);
							break;
						}
						continue;
					}
					if (row.cells.length !== columns.width) {
						yield invalid(row.line, `expected ${columns.width} columns as in the header, found ${row.cells.length}`, rawRow(row.cells));
						continue;
					}
					const cell = cellReader(row.cells, columns);
					const id = cell('conversation_id');
					if (!id) {
						yield invalid(row.line, 'conversation_id is empty', rawRow(row.cells));
						continue;
					}
					const location: RecordLocation = { file, line: row.line, record: `conversation ${id}` };
					try {
						if (columns.mode === 'conversation') {
							yield { kind: 'conversation', location, value: conversationFromRow(id, cell) };
						} else {
							const conv = conversationFieldsFromRow(cell);
							const event = eventFromRow(cell, columns.index.event_type !== undefined);
							// Conversation-level columns repeat on every row: keep them once per run of rows.
							await groups.add(id, { line: row.line, conv: id === previousId ? {} : conv, event });
							previousId = id;
						}
					} catch (error) {
						if (!(error instanceof CsvValueError)) throw error;
						yield { kind: 'invalid', location, reason: error.message, raw: rawRow(row.cells) };
					}
				}
				let rest = size - halfCounted;
				if (columns?.mode !== 'event') {
					options.onBytes(rest);
					continue;
				}
				const perRow = rest / Math.max(1, rowCount);
				for await (const [id, rows] of groups.groups()) {
					const share = Math.min(rest, Math.round(perRow * rows.length));
					rest -= share;
					options.onBytes(share);
					yield {
						kind: 'conversation',
						location: { file, line: rows[0].line, record: `conversation ${id}` },
						value: conversationFromEventRows(id, rows)
					};
				}
				options.onBytes(rest);
			} finally {
				groups.dispose();
			}
		}
	}
};
