// POST /api/sync/{source}: "Sync now" (admin): queues a sync of a configured help desk; poll
// GET /api/imports/{job} for its progress, as for an upload.
import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/requireRole';
import { ADMIN_ROLES } from '$lib/server/auth/roles';
import { withUserErrors } from '$lib/server/http/withUserErrors';
import { startSyncJob } from '$lib/server/imports/startSyncJob';
import { parseSyncSource } from '$lib/server/sync';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals, params }) => {
	const user = requireRole(locals, ADMIN_ROLES);
	return json(await withUserErrors(() => startSyncJob(user.username, parseSyncSource(params.source))), { status: 202 });
};
