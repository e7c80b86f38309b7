// One login attempt, shared by the HTML form action and the plain POST used by scripts:
// rate limit per username+address, check the password, and set the session cookie.
import type { Cookies } from '@sveltejs/kit';
import { withAppDb } from '../appWarehouse';
import { loginLimiter } from './loginLimiter';
import type { SessionUser } from './roles';
import { createSession, SESSION_COOKIE } from './sessions';
import { authenticate } from './users';

export type LoginResult =
	| { ok: true; user: SessionUser }
	| { ok: false; status: 400 | 401 | 429; message: string; retryAfterSeconds?: number };

export async function attemptLogin(
	form: FormData,
	context: { cookies: Cookies; address: string; secure: boolean }
): Promise<LoginResult> {
	const username = String(form.get('username') ?? '').trim();
	const password = String(form.get('password') ?? '');
	if (!username || !password) return { ok: false, status: 400, message: 'Enter your user name and password.' };

	const wait = loginLimiter.retryAfterMs(username, context.address);
	if (wait > 0) {
		const minutes = Math.ceil(wait / 60_000);
		return {
			ok: false,
			status: 429,
			message: `Too many failed logins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
			retryAfterSeconds: Math.ceil(wait / 1000)
		};
	}
	const user = await withAppDb((db) => authenticate(db, username, password));
	if (!user) {
		loginLimiter.recordFailure(username, context.address);
		return { ok: false, status: 401, message: 'Wrong user name or password.' };
	}
	loginLimiter.recordSuccess(username, context.address);
	const { token, expires } = await withAppDb((db) => createSession(db, user.username));
	context.cookies.set(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: context.secure, expires });
	return { ok: true, user };
}

/** Only same-site paths, so a crafted ?next= can't send a fresh login to another site. */
export function safeNext(next: string | null, fallback: string): string {
	return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : fallback;
}
