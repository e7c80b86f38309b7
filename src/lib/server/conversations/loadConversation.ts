// Reads one conversation for a user already allowed to see transcripts (the route checks the
// role before any query) and writes the read to the audit log (who, which conversation, how:
// page, api or csv, from where). No such conversation is a NotFoundError (404 on the server).
import { recordAudit } from '../audit/recordAudit';
import { NotFoundError } from '../errors';
import type { WarehouseConnection } from '../warehouse';
import { readConversation, type StoredConversation } from './readConversation';

export interface TranscriptReader {
	username: string;
	/** The client's address, when known, for the audit row. */
	address: string | undefined;
}

export async function loadConversation(
	db: WarehouseConnection,
	reader: TranscriptReader,
	conversation: { source: string; id: string },
	how: 'page' | 'api' | 'csv'
): Promise<StoredConversation> {
	const { source, id } = conversation;
	const found = await readConversation(db, source, id);
	if (!found) throw new NotFoundError(`no conversation ${id} from ${source}`);
	await recordAudit(
		db,
		{ actor: reader.username, address: reader.address },
		{ action: 'transcript_viewed', target: `${source}/${id}`, detail: how }
	);
	return found;
}
