// /conversations: find a conversation by id or subject, newest first. Roles that may read transcripts.
import { withAppDb } from '$lib/server/appWarehouse';
import { requireRole } from '$lib/server/auth/requireRole';
import { TRANSCRIPT_ROLES } from '$lib/server/auth/roles';
import { listConversations, listQuerySchema, PAGE_SIZE } from '$lib/server/conversations/listConversations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, TRANSCRIPT_ROLES);
	const query = listQuerySchema.parse(Object.fromEntries(url.searchParams));
	const { rows, total, channels } = await withAppDb(async (db) => ({
		...(await listConversations(db, query)),
		channels: (await db.all<{ channel: string }>('SELECT DISTINCT channel FROM conversations ORDER BY channel')).map((r) => r.channel)
	}));
	return { query, rows, total, channels, pageSize: PAGE_SIZE };
};
