// Import history and quarantined records for the Imports page and its CSV downloads.
import type { WarehouseConnection } from '../warehouse';

export interface ImportRunRow {
	id: number;
	started_at: Date;
	finished_at: Date;
	origin: string;
	files: string[];
	formats: string[];
	loaded: number;
	updated: number;
	unchanged: number;
	quarantined: number;
	[key: string]: unknown;
}

export async function importHistory(db: WarehouseConnection, limit = 100): Promise<ImportRunRow[]> {
	return db.all<ImportRunRow>(
		`SELECT id, started_at, finished_at, origin, files, formats, loaded, updated, unchanged, quarantined
		 FROM import_runs ORDER BY id DESC LIMIT ?`,
		[limit]
	);
}

export interface QuarantineRow {
	file: string;
	line: number | null;
	record: string | null;
	reason: string;
	raw: string | null;
	[key: string]: unknown;
}

export async function quarantinedRecords(db: WarehouseConnection, runId: number, limit = 1_000_000): Promise<QuarantineRow[]> {
	return db.all<QuarantineRow>(
		`SELECT file, line, record, reason, raw FROM quarantine WHERE import_run_id = ?
		 ORDER BY file, line NULLS LAST, record LIMIT ?`,
		[runId, limit]
	);
}

export const QUARANTINE_CSV_COLUMNS = ['file', 'line', 'record', 'reason', 'raw'];
