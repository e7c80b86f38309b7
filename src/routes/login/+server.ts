// /login for scripts, tests and health checks (any request not asking for HTML). POST: form
// fields `username` and `password`; 303 with the session cookie on success, else
// 400/401/403/429 JSON. GET: 200 with a line on how to log in, so `curl` and load-balancer
// health checks get an answer instead of 405.
import { json, redirect, text, type RequestHandler } from '@sveltejs/kit';
import { homeFor } from '$lib/navLinks';
import { withAppDb } from '$lib/server/appWarehouse';
import { attemptLogin } from '$lib/server/auth/attemptLogin';
import { safeNext } from '$lib/server/auth/safeNext';
import { clientAddress, missingAddressMessage } from '$lib/server/http/clientAddress';
import { setSessionCookie } from '$lib/server/http/sessionCookie';

export const GET: RequestHandler = () =>
	text('SupportLens: open this page in a browser, or POST /login with form fields username and password.\n', {
		headers: { 'Content-Type': 'text/plain; charset=utf-8' }
	});

export const POST: RequestHandler = async (event) => {
	const { request, cookies, url } = event;
	const address = clientAddress(event);
	if (!address) return json({ message: missingAddressMessage() }, { status: 400 });
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return json({ message: 'send a form (application/x-www-form-urlencoded or multipart) with username and password' }, { status: 400 });
	}
	const result = await withAppDb((db) => attemptLogin(db, form, { address }));
	if (!result.ok) {
		const headers: Record<string, string> = result.retryAfterSeconds ? { 'Retry-After': String(result.retryAfterSeconds) } : {};
		return json({ message: result.message }, { status: result.status, headers });
	}
	setSessionCookie(cookies, result.session, url.protocol === 'https:');
	redirect(303, safeNext(url.searchParams.get('next'), homeFor(result.user.role), url.origin));
};
