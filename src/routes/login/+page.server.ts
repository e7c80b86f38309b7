// POST /login: a form with `username` and `password`. Success sets the session cookie
// (httpOnly, SameSite=Lax, Secure over https) and redirects; failures are rate-limited per
// username and address.
import { fail, redirect } from '@sveltejs/kit';
import { withAppDb } from '$lib/server/appWarehouse';
import { authenticate, createSession, SESSION_COOKIE, type Role } from '$lib/server/auth';
import { homeFor } from '$lib/navLinks';
import { loginLimiter } from '$lib/server/auth/loginLimiter';
import type { Actions, PageServerLoad } from './$types';

/** Only same-site paths, so a crafted ?next= can't send a fresh login to another site. */
function safeNext(next: string | null, role: Role): string {
	return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : homeFor(role);
}

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next'), locals.user.role));
	return {};
};

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress, url, setHeaders }) => {
		const form = await request.formData();
		const username = String(form.get('username') ?? '').trim();
		const password = String(form.get('password') ?? '');
		if (!username || !password) return fail(400, { username, message: 'Enter your user name and password.' });

		const address = getClientAddress();
		const wait = loginLimiter.retryAfterMs(username, address);
		if (wait > 0) {
			const minutes = Math.ceil(wait / 60_000);
			setHeaders({ 'Retry-After': String(Math.ceil(wait / 1000)) });
			return fail(429, { username, message: `Too many failed logins. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.` });
		}
		const user = await withAppDb((db) => authenticate(db, username, password));
		if (!user) {
			loginLimiter.recordFailure(username, address);
			return fail(400, { username, message: 'Wrong user name or password.' });
		}
		loginLimiter.recordSuccess(username, address);
		const { token, expires } = await withAppDb((db) => createSession(db, user.username));
		cookies.set(SESSION_COOKIE, token, {
			path: '/',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			expires
		});
		redirect(303, safeNext(url.searchParams.get('next'), user.role));
	}
};
