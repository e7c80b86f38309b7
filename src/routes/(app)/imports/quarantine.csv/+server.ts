// Every quarantined record, with the import run that first found it, as CSV (admin), streamed
// as it is read. A bad record re-imported unchanged is kept once, under the first run that met it.
import { appWarehouse } from '$lib/server/appWarehouse';
import { requireRole } from '$lib/server/auth/requireRole';
import { ADMIN_ROLES } from '$lib/server/auth/roles';
import { csvStreamResponse } from '$lib/server/http/csvResponse';
import { QUARANTINE_CSV_COLUMNS, quarantineBatches } from '$lib/server/imports/importHistory';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	requireRole(locals, ADMIN_ROLES);
	return csvStreamResponse('quarantine_all', ['import_run_id', ...QUARANTINE_CSV_COLUMNS], quarantineBatches(await appWarehouse(), null));
};
