// Every request passes here: the session cookie becomes `locals.user`; without a session,
// pages redirect to /login and API routes answer 401 JSON. Role checks happen per route
// (requireRole). The warehouse is opened at start-up so the server holds it from the outset,
// and the weekly digest's schedule starts with it.
import { json, redirect, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { appWarehouse, withAppDb } from '$lib/server/appWarehouse';
import { findSession, SESSION_COOKIE } from '$lib/server/auth';
import { sessionCache } from '$lib/server/auth/SessionCache';
import { SupportLensError } from '$lib/server/errors';
import { startDigestSchedule } from '$lib/server/digest';

const PUBLIC_PATHS = new Set(['/login', '/logout', '/favicon.ico', '/robots.txt']);

export const init: ServerInit = async () => {
	try {
		await appWarehouse();
	} catch (error) {
		// Keep serving: the login page explains, and the next request tries to open it again.
		console.error(`supportlens: ${error instanceof Error ? error.message : String(error)}`);
	}
	try {
		startDigestSchedule(withAppDb);
	} catch (error) {
		// A bad digest setting must not take the dashboard down: say which and serve on.
		console.error(`supportlens: weekly digest not scheduled: ${error instanceof Error ? error.message : String(error)}`);
	}
};

async function lookUpSession(token: string) {
	const cached = sessionCache.get(token);
	if (cached !== undefined) return cached;
	const user = await withAppDb((db) => findSession(db, token));
	sessionCache.set(token, user);
	return user;
}

export const handle: Handle = async ({ event, resolve }) => {
	const path = event.url.pathname;
	const token = event.cookies.get(SESSION_COOKIE);
	try {
		event.locals.user = token ? await lookUpSession(token) : null;
	} catch (error) {
		// The warehouse can't be opened (e.g. a CLI import holds it): say so, don't 500.
		if (!(error instanceof SupportLensError)) throw error;
		const message = `SupportLens cannot open its warehouse: ${error.message}`;
		return path.startsWith('/api/') ? json({ message }, { status: 503 }) : new Response(message, { status: 503, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '30' } });
	}

	if (!event.locals.user && !PUBLIC_PATHS.has(path)) {
		if (path === '/api' || path.startsWith('/api/')) return json({ message: 'log in first: POST /login' }, { status: 401 });
		const next = path === '/' ? '' : `?next=${encodeURIComponent(path + event.url.search)}`;
		redirect(303, `/login${next}`);
	}
	const response = await resolve(event);
	// Pages hold customer text: keep them out of shared caches and framed views.
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Referrer-Policy', 'same-origin');
	if (!response.headers.has('Cache-Control')) response.headers.set('Cache-Control', 'private, no-store');
	return response;
};

export const handleError: HandleServerError = ({ error, status }) => {
	if (error instanceof SupportLensError) return { message: error.message };
	if (status === 404) return { message: 'Not found' };
	console.error(error);
	return { message: 'Internal error' };
};
