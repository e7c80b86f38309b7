// /logout: ends the session on the server and clears the cookie. POST from the user menu;
// GET works too so a bookmarked link logs out (SameSite=Lax keeps other sites from doing it
// by POST, and a forced logout is harmless).
import { redirect, type RequestHandler } from '@sveltejs/kit';
import { withAppDb } from '$lib/server/appWarehouse';
import { deleteSession, SESSION_COOKIE } from '$lib/server/auth';
import { sessionCache } from '$lib/server/auth/SessionCache';

const logout: RequestHandler = async ({ cookies, url }) => {
	const token = cookies.get(SESSION_COOKIE);
	if (token) await withAppDb((db) => deleteSession(db, token));
	sessionCache.clear();
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' });
	redirect(303, '/login');
};

export const GET = logout;
export const POST = logout;
