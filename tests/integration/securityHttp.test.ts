// The built server (`node build`) under hostile requests: raw paths SvelteKit cannot decode
// must get a 400 and leave the server serving; login bursts from one client get 429s counted
// before the slow hash; the client address comes from X-Forwarded-For (ADDRESS_HEADER,
// XFF_DEPTH) the way adapter-node reads it; a spray of invented user names does not lock a
// real admin out; `next` never leaves the site; GET /login answers scripts and health checks;
// pages carry a Content-Security-Policy; disabling or deleting a user ends their sessions at
// once; users change their own password; transcript reads and user changes reach the audit log.
import http from 'node:http';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/lib/server/auth';
import { withWarehouse } from '../../src/lib/server/warehouse';
import { cleanup, ensureBuiltCopy, prepareWarehouse, startServer, type PreparedWarehouse, type RunningServer } from '../e2e/harness';

const FIXTURE = path.resolve(import.meta.dirname, '../e2e/fixtures/core_conversations.jsonl');
let build: string;
let wh: PreparedWarehouse;
let server: RunningServer;
const target = { username: 'target', password: '' };

beforeAll(async () => {
	build = ensureBuiltCopy();
	wh = await prepareWarehouse({ samples: false, fixtures: [FIXTURE] });
	await withWarehouse(wh.dbPath, async (w) => {
		target.password = await createUser(w.db, target.username, 'manager');
	});
	// One reverse proxy in front: it appends the client's address to X-Forwarded-For.
	server = await startServer(build, wh.dbPath, { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' });
});

afterAll(async () => {
	await server?.stop();
	cleanup(build, wh?.dir);
});

/** GET with the path sent byte for byte (fetch and URL would normalise or re-encode it). */
function rawGet(rawPath: string): Promise<{ status: number; body: string }> {
	const { hostname, port } = new URL(server.url);
	return new Promise((resolve, reject) => {
		const request = http.get({ host: hostname, port, path: rawPath, agent: false, headers: { Accept: 'text/html' } }, (response) => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', (d) => (body += d));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
		});
		request.setTimeout(30_000, () => request.destroy(new Error(`no answer to ${rawPath}`)));
		request.on('error', (error) => reject(new Error(`${rawPath}: ${error.message}\n${server.output()}`)));
	});
}

function postLogin(username: string, password: string, clientAddress: string, next = '') {
	return fetch(`${server.url}/login${next}`, {
		method: 'POST',
		headers: { Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': clientAddress },
		body: new URLSearchParams({ username, password }),
		redirect: 'manual'
	});
}

const admin = () => wh.users.admin;

describe('paths SvelteKit cannot decode', () => {
	it('get 400, the server keeps running, and a login still works', async () => {
		for (const raw of ['/%ff', '/%c0%ae%c0%ae/etc/passwd', '/conversations/%E0%A4', '/api/kpis/%ff', '/login/%E0%A4%A', '/%']) {
			const response = await rawGet(raw);
			expect([raw, response.status]).toEqual([raw, 400]);
		}
		expect(server.process.exitCode).toBeNull();
		const login = await postLogin(admin().username, admin().password, '198.51.100.1');
		expect(login.status).toBe(303);
		// a well-formed path still redirects a logged-out browser to the login page
		const page = await rawGet('/conversations/%C3%A9');
		expect(page.status).toBe(303);
	});
});

describe('login rate limit', () => {
	it('50 simultaneous wrong passwords from one client: 5 are checked (401), the other 45 get 429 before any hash', async () => {
		const statuses = await Promise.all(
			Array.from({ length: 50 }, (_, i) => postLogin(target.username, `wrong-${i}`, '203.0.113.7').then((r) => r.status))
		);
		expect(statuses.filter((s) => s === 401)).toHaveLength(5);
		expect(statuses.filter((s) => s === 429)).toHaveLength(45);
		// the account itself is not locked: its owner logs in from another address
		expect((await postLogin(target.username, target.password, '203.0.113.70')).status).toBe(303);
	});

	it('the client address is the last X-Forwarded-For entry (XFF_DEPTH=1): spoofed entries before it change nothing', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 7; i++) statuses.push((await postLogin(admin().username, 'nope', `10.9.8.${i}, 203.0.113.20`)).status);
		expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
		expect((await postLogin(admin().username, admin().password, '203.0.113.21')).status).toBe(303);
	});

	it('31 failures with invented user names block only that client; a real admin elsewhere logs in', async () => {
		const statuses: number[] = [];
		for (let i = 0; i < 31; i++)
			statuses.push((await postLogin(`nobody-${i}-${Math.random().toString(36).slice(2)}`, 'guess', '203.0.113.8')).status);
		expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
		expect(statuses[30]).toBe(429);
		expect((await postLogin(admin().username, admin().password, '203.0.113.9')).status).toBe(303);
		expect((await postLogin(admin().username, admin().password, '203.0.113.8')).status).toBe(429);
	});

	it('without the configured address header the login is refused with a clear 400, not a 500', async () => {
		const response = await fetch(`${server.url}/login`, {
			method: 'POST',
			headers: { Origin: server.url, 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ username: admin().username, password: admin().password }),
			redirect: 'manual'
		});
		expect(response.status).toBe(400);
		expect((await response.json()).message).toMatch(/x-forwarded-for/i);
	});
});

describe('after login', () => {
	it('?next= with a tab, backslashes or another host lands on a page of this site', async () => {
		for (const next of [
			'%2F%09%2Fevil.example',
			'%2F%5Cevil.example',
			'%2F%2Fevil.example',
			'https%3A%2F%2Fevil.example%2F',
			'%2F.%2F%2Fevil.example'
		]) {
			const response = await postLogin(admin().username, admin().password, '198.51.100.2', `?next=${next}`);
			expect([next, response.status]).toEqual([next, 303]);
			const location = response.headers.get('location')!;
			expect([next, new URL(location, server.url).origin]).toEqual([next, server.url]);
			expect(location).toMatch(/^\/(?![/\\\t])/);
		}
		const good = await postLogin(admin().username, admin().password, '198.51.100.2', '?next=%2Fusers%3Fx%3D1');
		expect(good.headers.get('location')).toBe('/users?x=1');
	});
});

describe('GET /login without asking for HTML', () => {
	it('answers 200 (curl, health checks), not 405', async () => {
		const response = await fetch(`${server.url}/login`, { headers: { Accept: '*/*' } });
		expect(response.status).toBe(200);
		expect(await response.text()).toMatch(/POST \/login/);
		expect((await fetch(`${server.url}/login`, { method: 'HEAD' })).status).toBe(200);
	});
});

/** Logs in from `clientAddress` and returns the Cookie header value. */
async function cookieFor(user: { username: string; password: string }, clientAddress = '198.51.100.50'): Promise<string> {
	const response = await postLogin(user.username, user.password, clientAddress);
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('supportlens_session='));
	if (response.status !== 303 || !cookie) throw new Error(`login as ${user.username}: HTTP ${response.status} ${await response.text()}`);
	return cookie.split(';')[0];
}

const get = (p: string, cookie: string, headers: Record<string, string> = {}) =>
	fetch(server.url + p, {
		headers: { ...(cookie ? { Cookie: cookie } : {}), 'X-Forwarded-For': '198.51.100.60', ...headers },
		redirect: 'manual'
	});

/** A form action the way `use:enhance` posts it; returns the status and the JSON answer ({type, status, data}). */
async function action(p: string, cookie: string, fields: Record<string, string>) {
	const response = await fetch(server.url + p, {
		method: 'POST',
		headers: {
			Cookie: cookie,
			Origin: server.url,
			Accept: 'application/json',
			'x-sveltekit-action': 'true',
			'X-Forwarded-For': '198.51.100.61'
		},
		body: new URLSearchParams(fields),
		redirect: 'manual'
	});
	return { status: response.status, body: await response.json(), cookies: response.headers.getSetCookie() };
}

describe('Content-Security-Policy', () => {
	it('every page carries one: scripts from this server with a nonce, no framing, forms post here only', async () => {
		const cookie = await cookieFor(admin());
		for (const p of ['/login', '/users', '/conversations/canonical/core-1', '/account']) {
			const response = await get(p, p === '/login' ? '' : cookie, { Accept: 'text/html' });
			expect([p, response.status]).toEqual([p, 200]);
			const csp = response.headers.get('content-security-policy') ?? '';
			expect([p, csp]).toEqual([p, expect.stringMatching(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/)]);
			for (const part of ["default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "form-action 'self'", "base-uri 'self'"])
				expect(csp).toContain(part);
		}
	});
});

describe('logged out, client-side navigation', () => {
	it("a data request is told to go to /login, in the form SvelteKit's client follows", async () => {
		const response = await fetch(`${server.url}/conversations/__data.json`, { redirect: 'manual' });
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ type: 'redirect', location: '/login?next=%2Fconversations' });
	});
});

describe('disabling and deleting users', () => {
	it('a disabled user is logged out at once and cannot log in; enabled again, they can', async () => {
		const adminCookie = await cookieFor(admin());
		const victim = wh.users.manager;
		const victimCookie = await cookieFor(victim);
		expect((await get('/api/conversations/canonical/core-1', victimCookie)).status).toBe(200);
		const done = await action('/users?/disable', adminCookie, { username: victim.username });
		expect([done.status, done.body.type]).toEqual([200, 'success']);
		expect((await get('/api/conversations/canonical/core-1', victimCookie)).status).toBe(401);
		const refused = await postLogin(victim.username, victim.password, '198.51.100.62');
		expect([refused.status, (await refused.json()).message]).toEqual([403, 'This account is disabled. Ask an admin to enable it.']);
		await action('/users?/enable', adminCookie, { username: victim.username });
		expect((await postLogin(victim.username, victim.password, '198.51.100.62')).status).toBe(303);
	});

	it('a deleted user is logged out at once; an admin cannot delete or disable themself from the page', async () => {
		const adminCookie = await cookieFor(admin());
		const exec = wh.users.exec;
		const execCookie = await cookieFor(exec);
		expect((await get('/api/kpis', execCookie)).status).toBe(200);
		expect((await action('/users?/delete', adminCookie, { username: exec.username })).body.type).toBe('success');
		expect((await get('/api/kpis', execCookie)).status).toBe(401);
		const self = await action('/users?/delete', adminCookie, { username: admin().username });
		expect([self.body.type, self.body.status, self.body.data]).toEqual([
			'failure',
			400,
			expect.stringContaining('you cannot delete yourself here; ask another admin')
		]);
	});

	it('only admins may act on users or read the audit log', async () => {
		const managerCookie = await cookieFor(wh.users.manager, '198.51.100.63');
		const refused = await action('/users?/disable', managerCookie, { username: admin().username });
		expect([refused.status, refused.body.type]).toEqual([403, 'error']);
		expect((await get('/users/audit.csv', managerCookie)).status).toBe(403);
	});
});

describe('changing your own password', () => {
	it('needs the current password; afterwards old sessions end, this browser stays logged in, the old password is dead', async () => {
		const user = wh.users.kb_owner;
		const otherBrowser = await cookieFor(user, '198.51.100.70');
		const cookie = await cookieFor(user, '198.51.100.71');
		const wrong = await action('/account?/password', cookie, {
			current: 'not-my-password',
			new: 'correct horse battery',
			repeat: 'correct horse battery'
		});
		expect([wrong.body.type, wrong.body.status, wrong.body.data]).toEqual([
			'failure',
			400,
			expect.stringContaining('your current password is not right')
		]);
		const changed = await action('/account?/password', cookie, {
			current: user.password,
			new: 'correct horse battery',
			repeat: 'correct horse battery'
		});
		expect([changed.status, changed.body.type]).toEqual([200, 'success']);
		const fresh = changed.cookies.find((c) => c.startsWith('supportlens_session='))!.split(';')[0];
		expect((await get('/api/conversations/canonical/core-1', fresh)).status).toBe(200);
		expect((await get('/api/conversations/canonical/core-1', otherBrowser)).status).toBe(401);
		expect((await get('/api/conversations/canonical/core-1', cookie)).status).toBe(401);
		expect((await postLogin(user.username, user.password, '198.51.100.72')).status).toBe(401);
		expect((await postLogin(user.username, 'correct horse battery', '198.51.100.72')).status).toBe(303);
		user.password = 'correct horse battery';
	});
});

describe('audit log', () => {
	it('lists each transcript read (page, API, CSV) and each user change with who and from where, as CSV', async () => {
		const cookie = await cookieFor(wh.users.kb_owner, '198.51.100.80');
		for (const p of [
			'/conversations/canonical/core-1',
			'/api/conversations/canonical/core-1',
			'/conversations/canonical/core-1/timeline.csv'
		]) {
			expect((await get(p, cookie, { 'X-Forwarded-For': '198.51.100.81' })).status).toBe(200);
		}
		expect((await get('/api/conversations/canonical/nope', cookie)).status).toBe(404); // nothing read, nothing logged
		const csv = await get('/users/audit.csv', await cookieFor(admin()));
		expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const rows: Record<string, string>[] = parse((await csv.text()).replace(/^\ufeff/, ''), { columns: true });
		const views = rows.filter((r) => r.action === 'transcript_viewed' && r.actor === wh.users.kb_owner.username);
		expect(views.slice(0, 3).map((r) => [r.target, r.detail, r.address])).toEqual([
			['canonical/core-1', 'csv', '198.51.100.81'],
			['canonical/core-1', 'api', '198.51.100.81'],
			['canonical/core-1', 'page', '198.51.100.81']
		]);
		expect(views.some((r) => r.target.includes('nope'))).toBe(false);
		const changes = rows.filter((r) => ['user_disabled', 'user_enabled', 'user_deleted', 'password_changed'].includes(r.action));
		expect(changes.map((r) => `${r.actor} ${r.action} ${r.target}`).reverse()).toEqual([
			`${admin().username} user_disabled ${wh.users.manager.username}`,
			`${admin().username} user_enabled ${wh.users.manager.username}`,
			`${admin().username} user_deleted ${wh.users.exec.username}`,
			`${wh.users.kb_owner.username} password_changed ${wh.users.kb_owner.username}`
		]);
		expect(rows.some((r) => r.action === 'login' && r.actor === admin().username && r.address === '198.51.100.50')).toBe(true);
		expect(Object.keys(rows[0])).toEqual(['time', 'actor', 'action', 'target', 'detail', 'address']);
	});
});
