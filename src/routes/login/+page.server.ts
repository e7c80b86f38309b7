// The login page's form action (browsers posting the HTML form). Scripts that POST without
// asking for HTML reach ./+server.ts instead and get plain status codes.
import { fail, redirect } from '@sveltejs/kit';
import { homeFor } from '$lib/navLinks';
import { attemptLogin, safeNext } from '$lib/server/auth/attemptLogin';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next'), homeFor(locals.user.role)));
	return {};
};

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress, url, setHeaders }) => {
		const form = await request.formData();
		const result = await attemptLogin(form, { cookies, address: getClientAddress(), secure: url.protocol === 'https:' });
		if (!result.ok) {
			if (result.retryAfterSeconds) setHeaders({ 'Retry-After': String(result.retryAfterSeconds) });
			return fail(result.status, { username: String(form.get('username') ?? ''), message: result.message });
		}
		redirect(303, safeNext(url.searchParams.get('next'), homeFor(result.user.role)));
	}
};
