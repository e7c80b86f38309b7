// The records one import run quarantined, with file, line/record and reason, as CSV (admin), streamed.
import { error } from '@sveltejs/kit';
import { appWarehouse } from '$lib/server/appWarehouse';
import { requireRole } from '$lib/server/auth/requireRole';
import { ADMIN_ROLES } from '$lib/server/auth/roles';
import { csvStreamResponse } from '$lib/server/http/csvResponse';
import { QUARANTINE_CSV_COLUMNS, quarantineBatches } from '$lib/server/imports/importHistory';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	requireRole(locals, ADMIN_ROLES);
	const runId = Number(params.run);
	if (!Number.isSafeInteger(runId) || runId < 1) error(400, 'an import run is a positive number');
	return csvStreamResponse(`quarantine_run_${runId}`, QUARANTINE_CSV_COLUMNS, quarantineBatches(await appWarehouse(), runId));
};
