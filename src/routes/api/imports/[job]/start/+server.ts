// POST /api/imports/{job}/start: every file is uploaded; queue the import.
import { json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/requireRole';
import { ADMIN_ROLES } from '$lib/server/auth/roles';
import { withUserErrors } from '$lib/server/http/withUserErrors';
import { uploadJobs } from '$lib/server/imports/uploadJobs';
import type { RequestHandler } from './$types';

export const POST: RequestHandler = async ({ locals, params }) => {
	requireRole(locals, ADMIN_ROLES);
	return json(await withUserErrors(() => uploadJobs.start(params.job)), { status: 202 });
};
