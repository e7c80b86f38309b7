// An import run's row in import_runs over its life: written as 'running' before any record
// is read (committed at once, so a crash leaves it behind), completed by the merge's own
// transaction, or marked 'failed' with a reason for the history. A 'running' row of another
// process is a leftover — DuckDB lets one process write — so the next start marks it failed.
import type { Warehouse, WarehouseConnection } from '../warehouse';

export interface RunStart {
	origin: string;
	files: string[];
	formats?: string[];
	/** The upload this run imports, so its page can still say what happened after a restart. */
	jobId?: string;
}

const INTERRUPTED: Record<string, string> = {
	upload: 'the server stopped during this import; nothing from it was saved — upload the files again'
};
const INTERRUPTED_OTHER = 'the import process stopped before it finished; nothing from it was saved — run it again';

/** Marks other processes' 'running' runs failed (they were cut short); returns how many. */
export async function failInterruptedRuns(db: WarehouseConnection): Promise<number> {
	const rows = await db.all<{ id: number }>(
		`UPDATE import_runs SET status = 'failed', finished_at = now()::TIMESTAMP,
			error = CASE origin WHEN 'upload' THEN ? ELSE ? END
		 WHERE status = 'running' AND (pid IS NULL OR pid <> ?) RETURNING id`,
		[INTERRUPTED.upload, INTERRUPTED_OTHER, process.pid]
	);
	return rows.length;
}

/** Records a run as 'running' and returns its id (committed on its own connection). */
export async function beginImportRun(warehouse: Warehouse, run: RunStart): Promise<number> {
	return warehouse.withConnection(async (db) => {
		await failInterruptedRuns(db);
		const { id } = (await db.one<{ id: number }>(
			`INSERT INTO import_runs (id, started_at, finished_at, origin, files, formats, loaded, updated, unchanged, quarantined, status, pid, job_id)
			 VALUES (nextval('import_run_ids'), now()::TIMESTAMP, NULL, ?, from_json(?, '["VARCHAR"]'), from_json(?, '["VARCHAR"]'), 0, 0, 0, 0, 'running', ?, ?)
			 RETURNING id`,
			[run.origin, JSON.stringify(run.files), JSON.stringify(run.formats ?? []), process.pid, run.jobId ?? null]
		))!;
		return id;
	});
}

/** Marks a run failed with a reason users may see (no server paths); a finished run stays as it is. */
export async function failImportRun(warehouse: Warehouse, runId: number, reason: string): Promise<void> {
	await warehouse.withConnection((db) =>
		db.run(`UPDATE import_runs SET status = 'failed', error = ?, finished_at = now()::TIMESTAMP WHERE id = ? AND status = 'running'`, [
			reason,
			runId
		])
	);
}
