// Your account (every role): change your own password. The current password is checked under
// the same rate limits as a login, so a borrowed session can't be used to guess it. All your
// sessions end, and this browser gets a fresh one.
import { fail } from '@sveltejs/kit';
import { withAppDb } from '$lib/server/appWarehouse';
import { changeOwnPassword, checkNewPassword, MIN_PASSWORD_LENGTH } from '$lib/server/auth';
import { tooManyAttempts } from '$lib/server/auth/attemptLogin';
import { loginLimiter } from '$lib/server/auth/loginLimiter';
import { requireRole } from '$lib/server/auth/requireRole';
import { ROLES } from '$lib/server/auth/roles';
import { sessionCache } from '$lib/server/auth/SessionCache';
import { startSession } from '$lib/server/auth/startSession';
import { SupportLensError } from '$lib/server/errors';
import { clientAddress, missingAddressMessage } from '$lib/server/http/clientAddress';
import { setSessionCookie } from '$lib/server/http/sessionCookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireRole(locals, ROLES);
	return { username: user.username, minLength: MIN_PASSWORD_LENGTH };
};

export const actions: Actions = {
	password: async (event) => {
		const user = requireRole(event.locals, ROLES);
		const form = await event.request.formData();
		const current = String(form.get('current') ?? '');
		const next = String(form.get('new') ?? '');
		if (next !== String(form.get('repeat') ?? '')) return fail(400, { ok: false, message: 'The two new passwords differ.' });
		try {
			checkNewPassword(next, user.username, current);
		} catch (error) {
			if (error instanceof SupportLensError) return fail(400, { ok: false, message: `Not changed: ${error.message}.` });
			throw error;
		}
		const address = clientAddress(event);
		if (!address) return fail(400, { ok: false, message: missingAddressMessage() });
		const attempt = loginLimiter.begin(user.username, address, true);
		if (!attempt.allowed) return fail(429, { ok: false, message: tooManyAttempts(attempt.retryAfterMs).message });
		const outcome = await withAppDb((db) => changeOwnPassword(db, user.username, current, next, { actor: user.username, address }));
		if (outcome === 'wrong-password') return fail(400, { ok: false, message: 'Not changed: your current password is not right.' });
		attempt.succeeded();
		sessionCache.clear();
		const session = await withAppDb((db) => startSession(db, user, { address, audit: false }));
		setSessionCookie(event.cookies, session, event.url.protocol === 'https:');
		return { ok: true, message: 'Password changed. Your other sessions have ended.' };
	}
};
