// Every request passes here: the session cookie becomes `locals.user`; without a session,
// pages redirect to /login and API routes answer 401 JSON. Role checks happen per route
// (requireRole). The warehouse is opened at start-up so the server holds it from the outset,
// and the schedules (vendor sync, weekly digest) start with it.
// `handle` returns responses and never throws: SvelteKit calls it outside its own try/catch
// for paths it cannot decode, where a throw would be an unhandled rejection.
import { json, type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { withAppDb } from '$lib/server/appWarehouse';
import { findSession, SESSION_COOKIE } from '$lib/server/auth';
import { loginUrl } from '$lib/server/auth/loginUrl';
import { sessionCache } from '$lib/server/auth/SessionCache';
import { SupportLensError } from '$lib/server/errors';
import { startDigestSchedule } from '$lib/server/digest';
import { publicError } from '$lib/server/http/httpError';
import { uploadJobs } from '$lib/server/imports/uploadJobs';
import { startSyncJob } from '$lib/server/imports/startSyncJob';
import { installProcessGuard } from '$lib/server/processGuard';
import { startSyncSchedule } from '$lib/server/sync/syncSchedule';

const PUBLIC_PATHS = new Set(['/login', '/logout', '/favicon.ico', '/robots.txt']);

export const init: ServerInit = async () => {
	installProcessGuard();
	try {
		// Opens the warehouse; first removes dead processes' temp folders, then marks imports a
		// crash cut short as failed.
		await uploadJobs.recover();
	} catch (error) {
		// Keep serving: the login page explains, and the next request tries to open it again.
		console.error(`supportlens: ${error instanceof Error ? error.message : String(error)}`);
	}
	// SUPPORTLENS_SYNC_EVERY: scheduled syncs of every configured help desk, queued like "Sync now".
	try {
		startSyncSchedule(process.env, (source) => {
			try {
				startSyncJob('schedule', source);
			} catch (error) {
				console.error(`supportlens: scheduled sync of ${source}: ${error instanceof Error ? error.message : String(error)}`);
			}
		});
	} catch (error) {
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

/**
 * The path decoded as SvelteKit decodes it, or null when its %-escapes are not UTF-8 (`/%ff`,
 * `/%c0%ae`): such a path can't be routed. (The result is used on purpose: the bundler drops a
 * bare `decodeURI()` call as free of side effects, and the check with it.)
 */
function decodedPath(path: string): string | null {
	try {
		return decodeURI(path);
	} catch {
		return null;
	}
}

const plain = (status: number, message: string, headers: Record<string, string> = {}) =>
	new Response(message, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers } });

export const handle: Handle = async ({ event, resolve }) => {
	const path = event.url.pathname;
	if (decodedPath(path) === null) return plain(400, 'Malformed URL: the path is not valid percent-encoded UTF-8');
	const token = event.cookies.get(SESSION_COOKIE);
	try {
		event.locals.user = token ? await lookUpSession(token) : null;
	} catch (error) {
		// The warehouse can't be opened (e.g. a CLI import holds it): say so, don't 500.
		if (!(error instanceof SupportLensError)) {
			console.error(error);
			return plain(500, 'Internal error');
		}
		const message = `SupportLens cannot open its warehouse: ${error.message}`;
		return path.startsWith('/api/') ? json({ message }, { status: 503 }) : plain(503, message, { 'Retry-After': '30' });
	}

	if (!event.locals.user && !PUBLIC_PATHS.has(path)) {
		if (path === '/api' || path.startsWith('/api/')) return json({ message: 'log in first: POST /login' }, { status: 401 });
		// Client-side navigation asks for data: the (app) layout's load redirects it the way
		// SvelteKit's client understands.
		if (!event.isDataRequest) return new Response(null, { status: 303, headers: { Location: loginUrl(event.url) } });
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
	if (error instanceof SupportLensError) return publicError(error);
	if (status === 404) return { message: 'Not found' };
	console.error(error);
	return { message: 'Internal error' };
};
