// Import history and quarantined records for the Imports page and its CSV downloads.
import type { Warehouse, WarehouseConnection } from '../warehouse';

export interface ImportRunRow {
	id: number;
	started_at: Date;
	/** null while the run is still going. */
	finished_at: Date | null;
	origin: string;
	files: string[];
	formats: string[];
	loaded: number;
	updated: number;
	unchanged: number;
	quarantined: number;
	status: 'running' | 'done' | 'failed';
	/** Why a failed run failed, in words a user may see. */
	error: string | null;
	[key: string]: unknown;
}

export const IMPORT_HISTORY_CSV_COLUMNS = [
	'id',
	'started_at',
	'finished_at',
	'status',
	'error',
	'origin',
	'files',
	'formats',
	'loaded',
	'updated',
	'unchanged',
	'quarantined'
];

export async function importHistory(db: WarehouseConnection, limit = 100): Promise<ImportRunRow[]> {
	return db.all<ImportRunRow>(
		`SELECT id, started_at, finished_at, status, error, origin, files, formats, loaded, updated, unchanged, quarantined
		 FROM import_runs ORDER BY id DESC LIMIT ?`,
		[limit]
	);
}

export interface QuarantineRow {
	file: string;
	line: number | null;
	record: string | null;
	reason: string;
	/** The start of the offending text (at most 2 KB; none past the first 10,000 records of a run). */
	raw: string | null;
	/** The offending text's full length in bytes. */
	raw_bytes: number | null;
	[key: string]: unknown;
}

export async function quarantinedRecords(db: WarehouseConnection, runId: number, limit = 1_000_000): Promise<QuarantineRow[]> {
	return db.all<QuarantineRow>(
		`SELECT file, line, record, reason, raw, raw_bytes FROM quarantine WHERE import_run_id = ?
		 ORDER BY file, line NULLS LAST, record LIMIT ?`,
		[runId, limit]
	);
}

export const QUARANTINE_CSV_COLUMNS = ['file', 'line', 'record', 'reason', 'raw_bytes', 'raw'];

/**
 * Every quarantined record (of one run, or all with their run id), in batches as DuckDB
 * streams them, on a connection of its own that is closed when the iteration ends or stops.
 */
export async function* quarantineBatches(warehouse: Warehouse, runId: number | null): AsyncGenerator<Record<string, unknown>[]> {
	const db = await warehouse.connect();
	try {
		const result =
			runId === null
				? await db.raw.stream(
						`SELECT import_run_id, file, line, record, reason, raw_bytes, raw FROM quarantine
						 ORDER BY import_run_id DESC, file, line NULLS LAST, record`
					)
				: await db.raw.stream(
						`SELECT file, line, record, reason, raw_bytes, raw FROM quarantine WHERE import_run_id = ?
						 ORDER BY file, line NULLS LAST, record`,
						[runId]
					);
		for await (const rows of result.yieldRowObjectJs()) yield rows;
	} finally {
		db.close();
	}
}
