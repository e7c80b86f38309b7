// Reroutes: queue-to-queue flows of the latest mining run and what each flow is about.
import { withAppDb } from '$lib/server/appWarehouse';
import { requireRole, TRANSCRIPT_ROLES } from '$lib/server/auth';
import { latestGapRun, rerouteFlows } from '$lib/server/gaps';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requireRole(locals, TRANSCRIPT_ROLES);
	return withAppDb(async (db) => ({ run: await latestGapRun(db), flows: await rerouteFlows(db) }));
};
