// Reads one conversation for a logged-in user whose role may see transcripts; 403 for other
// roles (before any query), 404 when there is no such conversation. Every transcript read is
// written to the audit log (who, which conversation, how: page, api or csv, from where).
import { error } from '@sveltejs/kit';
import { withAppDb } from '../appWarehouse';
import { recordAudit } from '../audit/recordAudit';
import { requireRole } from '../auth/requireRole';
import { TRANSCRIPT_ROLES, type SessionUser } from '../auth/roles';
import { clientAddress } from '../http/clientAddress';
import { readConversation, type StoredConversation } from './readConversation';
import { conversationParams } from './conversationParams';

export interface ConversationRequest {
	locals: { user: SessionUser | null };
	params: Record<string, string>;
	getClientAddress: () => string;
}

export async function loadConversation(event: ConversationRequest, how: 'page' | 'api' | 'csv'): Promise<StoredConversation> {
	const user = requireRole(event.locals, TRANSCRIPT_ROLES);
	const { source, id } = conversationParams(event.params);
	const conversation = await withAppDb(async (db) => {
		const found = await readConversation(db, source, id);
		if (found) {
			await recordAudit(db, { actor: user.username, address: clientAddress(event) }, { action: 'transcript_viewed', target: `${source}/${id}`, detail: how });
		}
		return found;
	});
	if (!conversation) error(404, `no conversation ${id} from ${source}`);
	return conversation;
}
