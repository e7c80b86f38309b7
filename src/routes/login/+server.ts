// POST /login for scripts and tests (any request not asking for HTML): form fields
// `username` and `password`; 303 with the session cookie on success, else 400/401/429 JSON.
import { json, redirect, type RequestHandler } from '@sveltejs/kit';
import { homeFor } from '$lib/navLinks';
import { attemptLogin, safeNext } from '$lib/server/auth/attemptLogin';

export const POST: RequestHandler = async ({ request, cookies, getClientAddress, url }) => {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return json({ message: 'send a form (application/x-www-form-urlencoded or multipart) with username and password' }, { status: 400 });
	}
	const result = await attemptLogin(form, { cookies, address: getClientAddress(), secure: url.protocol === 'https:' });
	if (!result.ok) {
		const headers: Record<string, string> = result.retryAfterSeconds ? { 'Retry-After': String(result.retryAfterSeconds) } : {};
		return json({ message: result.message }, { status: result.status, headers });
	}
	redirect(303, safeNext(url.searchParams.get('next'), homeFor(result.user.role)));
};
