// The conversation view: the whole timeline with draft diffs and the KB articles cited.
// Roles that may read transcripts only.
import { withAppDb } from '$lib/server/appWarehouse';
import { citedKbIds, conversationTimeline } from '$lib/server/conversations/conversationTimeline';
import { kbArticleTitles } from '$lib/server/conversations/kbArticleTitles';
import { conversationRequest } from '$lib/server/http/conversationRequest';
import { eventGrades } from '$lib/server/grading/eventGrades';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const conversation = await conversationRequest(event, 'page');
	const kb = await withAppDb((db) => kbArticleTitles(db, citedKbIds(conversation)));
	// Each grade is shown next to the draft, reply or hand-off it grades.
	const grades = await withAppDb((db) => eventGrades(db, conversation.source, conversation.id));
	return { ...conversationTimeline(conversation, kb), grades };
};
