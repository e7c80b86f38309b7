// The conversation's timeline as CSV, one row per event; same roles as the page.
import { csvResponse } from '$lib/server/http/csvResponse';
import { conversationRequest } from '$lib/server/http/conversationRequest';
import { TIMELINE_CSV_COLUMNS, timelineCsvRows } from '$lib/server/conversations/conversationTimeline';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const conversation = await conversationRequest(event, 'csv');
	return csvResponse(`conversation_${conversation.source}_${conversation.id}`, TIMELINE_CSV_COLUMNS, timelineCsvRows(conversation));
};
