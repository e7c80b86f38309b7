// "Download all": every conversation of the list's filter, one row each with every KPI fact,
// as CSV, Parquet or JSON Lines (?format=), streamed. Same roles as the list.
import { withAppDb } from '$lib/server/appWarehouse';
import { requireRole } from '$lib/server/auth/requireRole';
import { TRANSCRIPT_ROLES } from '$lib/server/auth/roles';
import { conversationExportDownload } from '$lib/server/conversations/conversationExportDownload';
import { parseExportFormat } from '$lib/server/conversations/exportConversations';
import { parseConversationFilter } from '$lib/server/conversations/parseConversationFilter';
import { withUserErrors } from '$lib/server/http/withUserErrors';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	requireRole(locals, TRANSCRIPT_ROLES);
	const { filter, format } = await withUserErrors(() => ({
		filter: parseConversationFilter(url.searchParams),
		format: parseExportFormat(url.searchParams.get('format'))
	}));
	return withAppDb((db) => conversationExportDownload(db, filter, format));
};
