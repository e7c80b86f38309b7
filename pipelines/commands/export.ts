// `export conversations`: one row per conversation with every KPI fact, for a date range and
// filters, written by DuckDB's COPY as CSV, Parquet or JSON Lines (docs/export-columns.md);
// with --partition-by week, a folder of one subfolder per week (for engines beyond one machine).
import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../../src/lib/server/errors';
import { exportConversations, parseExportFormat, parseExportPartition } from '../../src/lib/server/conversations/exportConversations';
import { parseConversationFilter } from '../../src/lib/server/conversations/parseConversationFilter';
import { DIMENSIONS, isDimension } from '../../src/lib/server/kpi';
import { resolveDbPath, withWarehouse } from '../../src/lib/server/warehouse';
import { parseFlags, type Command } from '../command';
import { RANGE_FLAGS } from './sharedFlags';

const usage =
	'export conversations [--db PATH] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--where dim=value …] [--kpi KEY [--cond numerator|denominator|rest]]' +
	' [--format csv|parquet|jsonl] --out FILE | --partition-by week [--format …] --out FOLDER';

/** The flags as the conversation list's URL parameters, so both read one filter format. */
function filterParams(values: { from?: string; to?: string; where?: string[]; kpi?: string; cond?: string }): URLSearchParams {
	const params = new URLSearchParams();
	for (const name of ['from', 'to', 'kpi', 'cond'] as const) if (values[name] !== undefined) params.set(name, values[name]!);
	for (const item of values.where ?? []) {
		const m = /^([A-Za-z_]+)\s*[=:]\s*(.*)$/.exec(item);
		if (!m || !isDimension(m[1])) {
			throw new UsageError(`bad --where "${item}": expected dim=value with dim one of ${DIMENSIONS.join(', ')}`);
		}
		params.append(m[1], m[2]);
	}
	return params;
}

export const exportCommand: Command = {
	name: 'export',
	summary: 'export conversations: one row per conversation with every KPI fact (CSV, Parquet or JSON Lines)',
	usage,
	async run(argv) {
		const { values, positionals } = parseFlags(
			argv,
			{
				...RANGE_FLAGS,
				kpi: { type: 'string' },
				cond: { type: 'string' },
				format: { type: 'string' },
				'partition-by': { type: 'string' },
				out: { type: 'string' }
			},
			usage
		);
		if (positionals[0] !== 'conversations' || positionals.length > 1)
			throw new UsageError(`expected "export conversations"\nusage: ${usage}`);
		if (!values.out) throw new UsageError(`--out FILE is required\nusage: ${usage}`);
		const out = path.resolve(values.out);
		if (!fs.existsSync(path.dirname(out))) throw new UsageError(`cannot write ${values.out}: folder ${path.dirname(out)} does not exist`);
		const partitionBy = values['partition-by'] === undefined ? undefined : parseExportPartition(values['partition-by']);
		if (partitionBy) checkEmptyFolder(values.out, out);
		// A partitioned export is a dataset for another engine: Parquet unless told otherwise.
		const format = parseExportFormat(values.format ?? (partitionBy ? 'parquet' : formatFromName(out)));
		const filter = parseConversationFilter(filterParams(values));
		const dbPath = resolveDbPath(values.db);
		const rows = await withWarehouse(dbPath, (w) => exportConversations(w.db, filter, format, out, {}, partitionBy), {
			mustExist: true
		});
		const into = partitionBy ? `${values.out}${path.sep}${partitionBy}=…` : values.out;
		console.error(`wrote ${rows.toLocaleString('en')} conversation${rows === 1 ? '' : 's'} to ${into} (${format})`);
	}
};

/** A partitioned export writes into a new or empty folder, never over earlier files. */
function checkEmptyFolder(given: string, out: string): void {
	if (!fs.existsSync(out)) return;
	if (!fs.statSync(out).isDirectory()) throw new UsageError(`cannot write a partitioned export to ${given}: it is a file, not a folder`);
	if (fs.readdirSync(out).length > 0) throw new UsageError(`cannot write a partitioned export to ${given}: the folder is not empty`);
}

/** --format defaults to the --out file's extension, else CSV. */
function formatFromName(file: string): string {
	const ext = path.extname(file).slice(1).toLowerCase();
	return ext === 'parquet' || ext === 'jsonl' ? ext : 'csv';
}
