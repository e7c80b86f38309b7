// One login attempt, shared by the HTML form action and the plain POST used by scripts:
// count it against the rate limits before the slow hash, check the password, and open a
// session (the route sets its cookie).
import type { WarehouseConnection } from '../warehouse';
import { loginLimiter } from './loginLimiter';
import type { SessionUser } from './roles';
import { startSession, type NewSession } from './startSession';
import { checkLogin, loginAccount } from './users';

export type LoginResult =
	| { ok: true; user: SessionUser; session: NewSession }
	| { ok: false; status: 400 | 401 | 403 | 429; message: string; retryAfterSeconds?: number };

/** The 429 answer for a wait in milliseconds. */
export function tooManyAttempts(waitMs: number): LoginResult & { ok: false } {
	const minutes = Math.ceil(waitMs / 60_000);
	return {
		ok: false,
		status: 429,
		message: `Too many failed logins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
		retryAfterSeconds: Math.ceil(waitMs / 1000)
	};
}

export async function attemptLogin(db: WarehouseConnection, form: FormData, context: { address: string }): Promise<LoginResult> {
	const username = String(form.get('username') ?? '').trim();
	const password = String(form.get('password') ?? '');
	if (!username || !password) return { ok: false, status: 400, message: 'Enter your user name and password.' };

	const account = await loginAccount(db, username);
	// Counted now, before the hash: simultaneous guesses each see the ones before them.
	const attempt = loginLimiter.begin(username, context.address, account !== undefined);
	if (!attempt.allowed) return tooManyAttempts(attempt.retryAfterMs);
	const user = await checkLogin(account, password);
	if (!user) return { ok: false, status: 401, message: 'Wrong user name or password.' };
	if (user === 'disabled') return { ok: false, status: 403, message: 'This account is disabled. Ask an admin to enable it.' };
	attempt.succeeded();
	const session = await startSession(db, user, { address: context.address, audit: true });
	return { ok: true, user, session };
}
