// The conversation view: the whole timeline with draft diffs. Roles that may read transcripts only.
import { conversationTimeline } from '$lib/server/conversations/conversationTimeline';
import { loadConversation } from '$lib/server/conversations/loadConversation';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => conversationTimeline(await loadConversation(locals, params));
