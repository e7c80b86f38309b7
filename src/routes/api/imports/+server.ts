// POST /api/imports {files: [{name}]}: opens an upload (admin). GET lists recent uploads.
import { error, json } from '@sveltejs/kit';
import { z } from 'zod';
import { requireRole } from '$lib/server/auth/requireRole';
import { ADMIN_ROLES } from '$lib/server/auth/roles';
import { withUserErrors } from '$lib/server/http/withUserErrors';
import { uploadJobs } from '$lib/server/imports/uploadJobs';
import type { RequestHandler } from './$types';

const createSchema = z.object({
	files: z
		.array(z.object({ name: z.string().min(1).max(500) }))
		.min(1)
		.max(50)
});

export const POST: RequestHandler = async ({ locals, request }) => {
	const user = requireRole(locals, ADMIN_ROLES);
	const parsed = createSchema.safeParse(await request.json().catch(() => null));
	if (!parsed.success) error(400, 'send {"files": [{"name": "export.jsonl"}, …]} with 1 to 50 files');
	return json(await withUserErrors(() => uploadJobs.create(user.username, parsed.data.files)), { status: 201 });
};

export const GET: RequestHandler = async ({ locals }) => {
	requireRole(locals, ADMIN_ROLES);
	return json(uploadJobs.list());
};
