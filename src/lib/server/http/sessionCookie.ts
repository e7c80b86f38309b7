// The session cookie: httpOnly, SameSite=lax, Secure over HTTPS, expiring with the session.
import type { Cookies } from '@sveltejs/kit';
import { SESSION_COOKIE } from '../auth/sessions';
import type { NewSession } from '../auth/startSession';

export function setSessionCookie(cookies: Cookies, session: NewSession, secure: boolean): void {
	cookies.set(SESSION_COOKIE, session.token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: session.expires });
}
