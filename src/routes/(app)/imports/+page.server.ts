// The Imports page (admin): import history from import_runs and the uploads this server runs.
import { withAppDb } from '$lib/server/appWarehouse';
import { requireRole } from '$lib/server/auth/requireRole';
import { ADMIN_ROLES } from '$lib/server/auth/roles';
import { importHistory, quarantinedRecords } from '$lib/server/imports/importHistory';
import { syncPanel } from '$lib/server/imports/syncPanel';
import { uploadJobs } from '$lib/server/imports/uploadJobs';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, depends }) => {
	requireRole(locals, ADMIN_ROLES);
	depends('app:imports');
	const active = uploadJobs.list().filter((j) => j.status === 'queued' || j.status === 'running');
	const { runs, latestQuarantine, syncSources } = await withAppDb(async (db) => {
		const runs = await importHistory(db);
		// A preview of what the newest run with quarantined records refused, and why.
		const run = runs.find((r) => r.quarantined > 0);
		const rows = run ? await quarantinedRecords(db, run.id, 10) : [];
		return {
			runs,
			latestQuarantine: run && rows.length ? { runId: run.id, total: run.quarantined, rows } : null,
			syncSources: await syncPanel(db, active)
		};
	});
	return { runs, latestQuarantine, syncSources, jobs: active.filter((j) => j.kind === 'upload') };
};
