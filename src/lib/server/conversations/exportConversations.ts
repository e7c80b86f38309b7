// Writes one row per conversation (EXPORT_COLUMNS) for a filter to a file with DuckDB's own
// COPY … TO: CSV, Parquet or JSON Lines. DuckDB streams the rows to disk, so there is no row
// limit and memory stays flat; the CLI writes to the user's file (or, partitioned by week, to
// a folder of week=YYYY-Www/ subfolders, the hive layout other engines read), the dashboard to
// a temp file it then streams to the browser.
import { UsageError } from '../errors';
import type { KpiSettings } from '../kpi/kpiSettings';
import type { WarehouseConnection } from '../warehouse';
import { paramsUsedBy } from '../warehouse/paramsUsedBy';
import { conversationFilterSql } from './conversationFilterSql';
import { DERIVED_FLAGS, EXPORT_COLUMNS } from './exportColumns';
import type { ConversationFilter } from './parseConversationFilter';

export const EXPORT_FORMATS = ['csv', 'parquet', 'jsonl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const COPY_OPTIONS: Record<ExportFormat, string> = {
	csv: 'FORMAT csv, HEADER true',
	parquet: 'FORMAT parquet, COMPRESSION zstd',
	jsonl: 'FORMAT json'
};
export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
	csv: 'text/csv; charset=utf-8',
	parquet: 'application/vnd.apache.parquet',
	jsonl: 'application/x-ndjson'
};

/** Text columns a spreadsheet could run as a formula when opened from CSV (CSV injection). */
const TEXT_COLUMNS = new Set([
	'source',
	'id',
	'week',
	'channel',
	'queue',
	'language',
	'intent',
	'tier',
	'customer_id',
	'priority',
	'csat_rating'
]);

/** Columns a partitioned export may split its files by (an allow-list: spliced into COPY). */
export const EXPORT_PARTITIONS = ['week'] as const;
export type ExportPartition = (typeof EXPORT_PARTITIONS)[number];

export function parseExportPartition(value: string): ExportPartition {
	if (!(EXPORT_PARTITIONS as readonly string[]).includes(value))
		throw new UsageError(`cannot partition by "${value}": use ${EXPORT_PARTITIONS.join(', ')}`, { field: 'partition-by' });
	return value as ExportPartition;
}

export function parseExportFormat(value: string | null | undefined): ExportFormat {
	const format = value ?? 'csv';
	if (!(EXPORT_FORMATS as readonly string[]).includes(format))
		throw new UsageError(`unknown export format "${format}": use one of ${EXPORT_FORMATS.join(', ')}`);
	return format as ExportFormat;
}

/** The export's SELECT and its parameters. */
export function exportQuery(
	filter: ConversationFilter,
	format: ExportFormat,
	settings: Partial<KpiSettings> = {}
): { sql: string; params: Record<string, string | number> } {
	const { where, params } = conversationFilterSql(filter, settings);
	const flags = Object.entries(DERIVED_FLAGS)
		.map(([name, expr]) => `(${expr}) AS ${name}`)
		.join(', ');
	// Same apostrophe prefix as the dashboard's other CSV downloads (csvResponse).
	const cell = (name: string, sql: string) =>
		format === 'csv' && TEXT_COLUMNS.has(name)
			? `CASE WHEN regexp_matches(${sql}, '^[=+\\-@\\t\\r]') THEN '''' || ${sql} ELSE ${sql} END`
			: sql;
	const sql = `
		WITH f AS (SELECT *, ${flags} FROM conversation_facts ${where}),
		gq AS (
			SELECT source, conversation_id AS id, count(*) AS questions,
				arg_min(gap_id, asked_at) FILTER (WHERE gap_id IS NOT NULL) AS gap_id
			FROM gap_questions GROUP BY ALL
		),
		latest_grade AS (
			SELECT source, conversation_id AS id, kind, arg_max(score, graded_at) AS score
			FROM grades WHERE error IS NULL AND score IS NOT NULL
			GROUP BY source, conversation_id, event_id, kind
		),
		gr AS (
			SELECT source, id,
				avg(score) FILTER (WHERE kind = 'draft') AS draft_score,
				avg(score) FILTER (WHERE kind = 'reply') AS reply_score,
				avg(score) FILTER (WHERE kind = 'handoff') AS handoff_score,
				min(score) AS min_score, count(*) AS graded
			FROM latest_grade GROUP BY ALL
		)
		SELECT ${EXPORT_COLUMNS.map((c) => `${cell(c.name, c.sql)} AS ${c.name}`).join(',\n\t\t\t')}
		FROM f
		LEFT JOIN conversations c ON c.source = f.source AND c.id = f.id
		LEFT JOIN gq ON gq.source = f.source AND gq.id = f.id
		LEFT JOIN gr ON gr.source = f.source AND gr.id = f.id
		ORDER BY f.created_at, f.source, f.id`;
	return { sql, params: paramsUsedBy(sql, params) };
}

/**
 * COPY the export to `outPath`; returns the rows written. With `partitionBy`, `outPath` is a
 * folder (new or empty) that gets one subfolder per value, `week=2026-W45/data_0.parquet`, and
 * the files leave that column out (readers get it back from the folder name).
 */
export async function exportConversations(
	db: WarehouseConnection,
	filter: ConversationFilter,
	format: ExportFormat,
	outPath: string,
	settings: Partial<KpiSettings> = {},
	partitionBy?: ExportPartition
): Promise<number> {
	if (partitionBy && format === 'jsonl')
		throw new UsageError('a partitioned export is Parquet or CSV (DuckDB cannot partition JSON Lines)', { field: 'format' });
	const { sql, params } = exportQuery(filter, format, settings);
	// A file name can't be a bound parameter in COPY: quote it as an SQL string literal.
	const target = `'${outPath.replace(/'/g, "''")}'`;
	const options = partitionBy ? `${COPY_OPTIONS[format]}, PARTITION_BY (${partitionBy})` : COPY_OPTIONS[format];
	const result = await db.all<{ Count: number }>(`COPY (${sql}) TO ${target} (${options})`, params);
	return Number(result[0]?.Count ?? 0);
}
