// Opens a session for a user who just proved who they are (login, or a password change that
// ended their old sessions), with a `login` row in the audit log when asked. The route puts
// the token in the cookie (http/sessionCookie.ts).
import { recordAudit } from '../audit/recordAudit';
import type { WarehouseConnection } from '../warehouse';
import type { SessionUser } from './roles';
import { createSession } from './sessions';

export interface NewSession {
	token: string;
	expires: Date;
}

export async function startSession(
	db: WarehouseConnection,
	user: SessionUser,
	context: { address?: string; audit: boolean }
): Promise<NewSession> {
	return db.transaction(async (tx) => {
		const session = await createSession(tx, user.username);
		if (context.audit)
			await recordAudit(tx, { actor: user.username, address: context.address }, { action: 'login', target: user.username });
		return session;
	});
}
