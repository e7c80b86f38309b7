// The whole audit log as CSV, newest first (admin).
import { withAppDb } from '$lib/server/appWarehouse';
import { AUDIT_CSV_COLUMNS, listAudit } from '$lib/server/audit/listAudit';
import { requireRole } from '$lib/server/auth/requireRole';
import { ADMIN_ROLES } from '$lib/server/auth/roles';
import { csvResponse } from '$lib/server/http/csvResponse';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) => {
	requireRole(locals, ADMIN_ROLES);
	const rows = await withAppDb((db) => listAudit(db));
	return csvResponse('audit_log', AUDIT_CSV_COLUMNS, rows);
};
