// Every KPI computed from Parquet files of `export conversations` (one file, or a folder written
// with --partition-by week) in a fresh in-memory DuckDB, by the KPI engine's own fact-table
// queries (there is no rollup there): the export's columns are shaped back into the
// conversation_facts relation those queries read.
// It is how the KPIs run beyond one machine (DuckDB over object storage, MotherDuck), and the
// check that a lake copy says exactly what the warehouse says.
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { UsageError } from '../errors';
import { queryFactKpis, type KpiQuery, type KpiResult, type KpiSettings } from '../kpi';
import { WarehouseConnection } from '../warehouse';

/** The Parquet files of an export: a folder's files at any depth (week=…/ subfolders), else the path or glob as given. */
export function exportParquetFiles(source: string): string {
	return fs.existsSync(source) && fs.statSync(source).isDirectory() ? path.join(source, '**', '*.parquet') : source;
}

/**
 * The view over an export that has conversation_facts' columns: `week` is the facts' Monday
 * (the export's `week_start`; its `week` is the ISO week name), and `fallback` is the export's
 * `unanswered` (= AI-involved and a fallback), the only way the KPIs read `fallback`.
 */
export function exportFactsViewSql(files: string): string {
	const literal = `'${files.replace(/'/g, "''")}'`;
	return `CREATE VIEW conversation_facts AS
	SELECT * REPLACE (week_start AS week), unanswered AS fallback
	FROM read_parquet(${literal}, hive_partitioning = true, union_by_name = true)`;
}

/** What `kpis --json` prints, from the export's files instead of the warehouse. */
export async function queryKpisOverExport(source: string, q: KpiQuery, settings: Partial<KpiSettings> = {}): Promise<KpiResult> {
	const files = exportParquetFiles(source);
	const config: Record<string, string> = {};
	if (process.env.SUPPORTLENS_DUCKDB_MEMORY) config.memory_limit = process.env.SUPPORTLENS_DUCKDB_MEMORY;
	const instance = await DuckDBInstance.create(':memory:', config);
	const db = new WarehouseConnection(await instance.connect());
	try {
		await db.run("SET TimeZone = 'UTC'");
		try {
			await db.run(exportFactsViewSql(files));
			await db.run('SELECT * FROM conversation_facts LIMIT 0');
		} catch (error) {
			throw notAnExport(source, error);
		}
		return await queryFactKpis(db, q, settings);
	} finally {
		db.close();
		instance.closeSync();
	}
}

function notAnExport(source: string, error: unknown): UsageError {
	const message = error instanceof Error ? error.message : String(error);
	if (/No files found/i.test(message)) return new UsageError(`no Parquet files at ${source}`, { field: 'parquet' });
	const column = /column "?(\w+)"? not found/i.exec(message);
	if (column) return new UsageError(`${source} is not a conversations export: it has no column ${column[1]}`, { field: 'parquet' });
	return new UsageError(`cannot read ${source} as a conversations export: ${message.split('\n')[0]}`, { field: 'parquet' });
}
