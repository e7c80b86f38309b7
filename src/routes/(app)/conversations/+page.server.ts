// /conversations: the conversation list, filtered by the URL (the drill-down format of
// conversationListHref: a KPI condition, week or dates, dimensions, a reroute flow, a search),
// sorted and paged. Roles that may read transcripts.
import { withAppDb } from '$lib/server/appWarehouse';
import { requireRole } from '$lib/server/auth/requireRole';
import { TRANSCRIPT_ROLES } from '$lib/server/auth/roles';
import { conversationListPage } from '$lib/server/conversations/conversationListPage';
import { listFilterOptions } from '$lib/server/conversations/listFilterOptions';
import { parseConversationListRequest } from '$lib/server/conversations/parseConversationFilter';
import { withUserErrors } from '$lib/server/http/withUserErrors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, TRANSCRIPT_ROLES);
	const request = await withUserErrors(() => parseConversationListRequest(url.searchParams));
	return withAppDb(async (db) => ({
		list: await conversationListPage(db, request),
		options: await listFilterOptions(db),
		back: request.back
	}));
};
