// The built server (`node build`) under hostile requests: raw paths SvelteKit cannot decode
// must get a 400 and leave the server serving; login bursts from one client get 429s counted
// before the slow hash; the client address comes from X-Forwarded-For (ADDRESS_HEADER,
// XFF_DEPTH) the way adapter-node reads it; a spray of invented user names does not lock a
// real admin out; `next` never leaves the site; GET /login answers scripts and health checks.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/lib/server/auth';
import { withWarehouse } from '../../src/lib/server/warehouse';
import { cleanup, ensureBuiltCopy, prepareWarehouse, startServer, type PreparedWarehouse, type RunningServer } from '../e2e/harness';

let build: string;
let wh: PreparedWarehouse;
let server: RunningServer;
const target = { username: 'target', password: '' };

beforeAll(async () => {
	build = ensureBuiltCopy();
	wh = await prepareWarehouse({ samples: false });
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
		const statuses = await Promise.all(Array.from({ length: 50 }, (_, i) => postLogin(target.username, `wrong-${i}`, '203.0.113.7').then((r) => r.status)));
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
		for (let i = 0; i < 31; i++) statuses.push((await postLogin(`nobody-${i}-${Math.random().toString(36).slice(2)}`, 'guess', '203.0.113.8')).status);
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
		for (const next of ['%2F%09%2Fevil.example', '%2F%5Cevil.example', '%2F%2Fevil.example', 'https%3A%2F%2Fevil.example%2F', '%2F.%2F%2Fevil.example']) {
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
