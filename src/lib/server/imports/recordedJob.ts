// What the warehouse recorded of an upload this process no longer knows (one cut short by a
// restart): its latest import run, as the job pages poll.
import type { Warehouse } from '../warehouse';
import type { JobStatus, PublicJob } from '../../imports/types';

export async function recordedJob(warehouse: Warehouse, id: string): Promise<PublicJob | undefined> {
	const run = await warehouse.withConnection((db) =>
		db.one<{ id: number; status: JobStatus; error: string | null; files: string[]; started_at: Date }>(
			`SELECT id, status, error, files, started_at FROM import_runs WHERE job_id = ? ORDER BY id DESC LIMIT 1`,
			[id]
		)
	);
	if (!run) return undefined;
	return {
		id,
		status: run.status,
		username: '',
		kind: 'upload',
		label: null,
		detail: null,
		createdAt: run.started_at.toISOString(),
		files: run.files.map((name) => ({ name, bytes: 0 })),
		progress: null,
		summary: null,
		error: run.error,
		runId: run.id
	};
}
