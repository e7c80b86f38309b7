// Opens a session for a user who just proved who they are (login, or a password change that
// ended their old sessions): the httpOnly SameSite cookie, and a `login` row in the audit log.
import type { Cookies } from '@sveltejs/kit';
import { withAppDb } from '../appWarehouse';
import { recordAudit } from '../audit/recordAudit';
import type { SessionUser } from './roles';
import { createSession, SESSION_COOKIE } from './sessions';

export async function startSession(
	user: SessionUser,
	context: { cookies: Cookies; address?: string; secure: boolean; audit: boolean }
): Promise<void> {
	const { token, expires } = await withAppDb((db) =>
		db.transaction(async (tx) => {
			const session = await createSession(tx, user.username);
			if (context.audit) await recordAudit(tx, { actor: user.username, address: context.address }, { action: 'login', target: user.username });
			return session;
		})
	);
	context.cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: context.secure, expires });
}
