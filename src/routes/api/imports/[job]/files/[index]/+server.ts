// PUT /api/imports/{job}/files/{index}?offset=N: one chunk of an uploaded file, raw bytes.
// Chunks stay under adapter-node's default body limit, so uploads work without extra config.
// A chunk whose offset is not the file's current length gets 409 with the `expected` offset.
import { error, json } from '@sveltejs/kit';
import { requireRole } from '$lib/server/auth/requireRole';
import { ADMIN_ROLES } from '$lib/server/auth/roles';
import { withUserErrors } from '$lib/server/http/withUserErrors';
import { UploadOffsetError } from '$lib/server/imports/ImportJobs';
import { uploadJobs } from '$lib/server/imports/uploadJobs';
import type { RequestHandler } from './$types';

export const PUT: RequestHandler = async ({ locals, params, url, request }) => {
	requireRole(locals, ADMIN_ROLES);
	const index = Number(params.index);
	const offset = Number(url.searchParams.get('offset') ?? '0');
	if (!Number.isInteger(index) || index < 0 || !Number.isSafeInteger(offset) || offset < 0) error(400, 'bad file index or offset');
	const chunk = new Uint8Array(await request.arrayBuffer());
	// adapter-node drops the body of a request without a Content-Type: say so instead of storing nothing.
	if (chunk.byteLength === 0 && Number(request.headers.get('content-length') ?? '0') > 0) {
		error(400, 'send each chunk with Content-Type: application/octet-stream');
	}
	const written = await withUserErrors(() =>
		uploadJobs.appendChunk(params.job, index, offset, chunk).catch((e) => {
			if (e instanceof UploadOffsetError) return e;
			throw e;
		})
	);
	if (written instanceof UploadOffsetError)
		return json({ message: written.message, expected: written.expected }, { status: written.httpStatus });
	return json({ bytes: written });
};
