// GET /api/imports/{job}: an upload's status and the import pipeline's progress (polled by the
// Imports page); after a restart, what the warehouse recorded of its run.
import { error, json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/requireRole';
import { ADMIN_ROLES } from '$lib/server/auth/roles';
import { uploadJobs } from '$lib/server/imports/uploadJobs';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	requireRole(locals, ADMIN_ROLES);
	const job = await uploadJobs.lookUp(params.job);
	if (!job) error(404, `no upload ${params.job}`);
	return json(job);
};
