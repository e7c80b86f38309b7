// Every quarantined record, with the import run that first found it, as CSV (admin). A bad
// record re-imported unchanged is kept once, under the first run that met it.
import { withAppDb } from '$lib/server/appWarehouse';
import { requireRole } from '$lib/server/auth/requireRole';
import { ADMIN_ROLES } from '$lib/server/auth/roles';
import { csvResponse } from '$lib/server/http/csvResponse';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	requireRole(locals, ADMIN_ROLES);
	const rows = await withAppDb((db) =>
		db.all<Record<string, unknown>>('SELECT import_run_id, file, line, record, reason, raw FROM quarantine ORDER BY import_run_id DESC, file, line NULLS LAST, record')
	);
	return csvResponse('quarantine_all', ['import_run_id', 'file', 'line', 'record', 'reason', 'raw'], rows);
};
