// The filtered conversation list as CSV (up to 10,000 rows); same roles as the page.
import { withAppDb } from '$lib/server/appWarehouse';
import { requireRole } from '$lib/server/auth/requireRole';
import { TRANSCRIPT_ROLES } from '$lib/server/auth/roles';
import { listConversations, listQuerySchema } from '$lib/server/conversations/listConversations';
import { csvResponse } from '$lib/server/http/csvResponse';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	requireRole(locals, TRANSCRIPT_ROLES);
	const query = { ...listQuerySchema.parse(Object.fromEntries(url.searchParams)), page: 1 };
	const { rows } = await withAppDb((db) => listConversations(db, query, 10_000));
	return csvResponse('conversations', ['source', 'id', 'created_at', 'channel', 'language', 'intent', 'subject'], rows);
};
