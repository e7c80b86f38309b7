// Reads one conversation for a logged-in user whose role may see transcripts; 403 for other
// roles (before any query), 404 when there is no such conversation.
import { error } from '@sveltejs/kit';
import { withAppDb } from '../appWarehouse';
import { requireRole } from '../auth/requireRole';
import { TRANSCRIPT_ROLES, type SessionUser } from '../auth/roles';
import { readConversation, type StoredConversation } from '../warehouse';
import { conversationParams } from './conversationParams';

export async function loadConversation(locals: { user: SessionUser | null }, params: Record<string, string>): Promise<StoredConversation> {
	requireRole(locals, TRANSCRIPT_ROLES);
	const { source, id } = conversationParams(params);
	const conversation = await withAppDb((db) => readConversation(db, source, id));
	if (!conversation) error(404, `no conversation ${id} from ${source}`);
	return conversation;
}
