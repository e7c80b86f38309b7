// The route side of reading one transcript: role check before any query, the {source}/{id}
// parameters checked, then loadConversation on a pooled connection, its typed errors
// answered with their status (400 bad address, 404 no such conversation).
import { withAppDb } from '../appWarehouse';
import { requireRole } from '../auth/requireRole';
import { TRANSCRIPT_ROLES, type SessionUser } from '../auth/roles';
import { conversationParams } from '../conversations/conversationParams';
import { loadConversation } from '../conversations/loadConversation';
import type { StoredConversation } from '../conversations/readConversation';
import { clientAddress } from './clientAddress';
import { withUserErrors } from './withUserErrors';

export interface ConversationRequest {
	locals: { user: SessionUser | null };
	params: Record<string, string>;
	getClientAddress: () => string;
}

export async function conversationRequest(event: ConversationRequest, how: 'page' | 'api' | 'csv'): Promise<StoredConversation> {
	const user = requireRole(event.locals, TRANSCRIPT_ROLES);
	return withUserErrors(() => {
		const wanted = conversationParams(event.params);
		return withAppDb((db) => loadConversation(db, { username: user.username, address: clientAddress(event) }, wanted, how));
	});
}
