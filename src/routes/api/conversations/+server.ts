// GET /api/conversations: the conversation list as paginated JSON, with the list page's
// filters (kpi, cond, week, from, to, channel, queue, language, intent, tier, moved_from,
// moved_to, q, sort, page). Roles that may read transcripts; exec gets 403.
import { json } from '@sveltejs/kit';
import { withAppDb } from '$lib/server/appWarehouse';
import { requireRole } from '$lib/server/auth/requireRole';
import { TRANSCRIPT_ROLES } from '$lib/server/auth/roles';
import { conversationListPage } from '$lib/server/conversations/conversationListPage';
import { parseConversationListRequest } from '$lib/server/conversations/parseConversationFilter';
import { withUserErrors } from '$lib/server/http/withUserErrors';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	requireRole(locals, TRANSCRIPT_ROLES);
	const request = await withUserErrors(() => parseConversationListRequest(url.searchParams));
	return json(await withAppDb((db) => conversationListPage(db, request)));
};
