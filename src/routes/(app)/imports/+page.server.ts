// The Imports page (admin): import history from import_runs and the uploads this server runs.
import { withAppDb } from '$lib/server/appWarehouse';
import { requireRole } from '$lib/server/auth/requireRole';
import { ADMIN_ROLES } from '$lib/server/auth/roles';
import { importHistory } from '$lib/server/imports/importHistory';
import { uploadJobs } from '$lib/server/imports/uploadJobs';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, depends }) => {
	requireRole(locals, ADMIN_ROLES);
	depends('app:imports');
	const runs = await withAppDb((db) => importHistory(db));
	return { runs, jobs: uploadJobs.list().filter((j) => j.status !== 'done') };
};
