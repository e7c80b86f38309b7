// The import history as CSV (admin).
import { withAppDb } from '$lib/server/appWarehouse';
import { requireRole } from '$lib/server/auth/requireRole';
import { ADMIN_ROLES } from '$lib/server/auth/roles';
import { csvResponse } from '$lib/server/http/csvResponse';
import { IMPORT_HISTORY_CSV_COLUMNS, importHistory } from '$lib/server/imports/importHistory';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	requireRole(locals, ADMIN_ROLES);
	const rows = await withAppDb((db) => importHistory(db, 100_000));
	return csvResponse('import_history', IMPORT_HISTORY_CSV_COLUMNS, rows);
};
