// The login page's form action (browsers posting the HTML form). Scripts that POST without
// asking for HTML reach ./+server.ts instead and get plain status codes.
import { fail, redirect } from '@sveltejs/kit';
import { homeFor } from '$lib/navLinks';
import { withAppDb } from '$lib/server/appWarehouse';
import { attemptLogin } from '$lib/server/auth/attemptLogin';
import { safeNext } from '$lib/server/auth/safeNext';
import { clientAddress, missingAddressMessage } from '$lib/server/http/clientAddress';
import { setSessionCookie } from '$lib/server/http/sessionCookie';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next'), homeFor(locals.user.role), url.origin));
	return {};
};

export const actions: Actions = {
	default: async (event) => {
		const { request, cookies, url, setHeaders } = event;
		const form = await request.formData();
		const username = String(form.get('username') ?? '');
		const address = clientAddress(event);
		if (!address) return fail(400, { username, message: missingAddressMessage() });
		const result = await withAppDb((db) => attemptLogin(db, form, { address }));
		if (!result.ok) {
			if (result.retryAfterSeconds) setHeaders({ 'Retry-After': String(result.retryAfterSeconds) });
			return fail(result.status, { username, message: result.message });
		}
		setSessionCookie(cookies, result.session, url.protocol === 'https:');
		redirect(303, safeNext(url.searchParams.get('next'), homeFor(result.user.role), url.origin));
	}
};
