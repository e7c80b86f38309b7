// The dashboard's HTTP contract for logins and roles, against the built server (`node build`)
// on a temp warehouse: redirects and 401s when logged out, cookie flags, failed-login rate
// limit, per-role 403s on the conversation page, its API route and its CSV and on the gap pages
// and their CSVs (a gap mined from six unanswered questions), and logout. (Uploads, the admin
// pages and the CLI while the server runs: importsHttp.test.ts; HTTPS cookies and graceful
// shutdown, each on a server of its own: serverLifecycle.test.ts.)
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/lib/server/auth';
import { listGaps, mineGaps } from '../../src/lib/server/gaps';
import { importConversations } from '../../src/lib/server/ingest';
import { withWarehouse } from '../../src/lib/server/warehouse';
import {
	cleanup,
	ensureBuiltCopy,
	loginCookie,
	prepareWarehouse,
	startServer,
	type PreparedWarehouse,
	type RunningServer
} from '../e2e/harness';

const FIXTURE = path.resolve(import.meta.dirname, '../e2e/fixtures/core_conversations.jsonl');
let build: string;
let wh: PreparedWarehouse;
let server: RunningServer;
let throwaway: { username: string; password: string };
let gap: { id: number; size: number };
const cookies: Record<string, string> = {};

/** An unanswered customer question (the AI fell back): what the gap miner clusters. */
function unanswered(id: string, text: string, day: number) {
	const at = new Date(Date.UTC(2026, 9, 5 + day, 9)).toISOString();
	return {
		id,
		source: 'canonical',
		channel: 'chat',
		created_at: at,
		language: 'en',
		events: [
			{ id: 'e1', at, type: 'message', author: 'customer', body: text },
			{ id: 'e2', at, type: 'message', author: 'ai', body: 'Sorry, I cannot help with that.', answer_type: 'fallback' }
		]
	};
}
const GIFT_CARD_QUESTIONS = [
	'how do I redeem a gift card',
	'my gift card code is not accepted',
	'can I pay with a gift card online',
	'where do I enter the gift card code',
	'gift card balance check',
	'gift card not working at checkout'
];

beforeAll(async () => {
	build = ensureBuiltCopy();
	wh = await prepareWarehouse({ samples: false, fixtures: [FIXTURE] });
	throwaway = { username: 'victim', password: '' };
	await withWarehouse(wh.dbPath, async (w) => {
		throwaway.password = await createUser(w.db, 'victim', 'manager');
		await importConversations(
			w,
			GIFT_CARD_QUESTIONS.map((t, i) => unanswered(`gift-${i}`, t, i))
		);
		await mineGaps(w.db, { embedder: 'lexical' });
		gap = (await listGaps(w.db))[0];
	});
	server = await startServer(build, wh.dbPath);
	for (const [role, user] of Object.entries(wh.users)) cookies[role] = await loginCookie(server.url, user);
});

afterAll(async () => {
	await server?.stop();
	cleanup(build, wh?.dir);
});

const get = (p: string, cookie?: string, headers: Record<string, string> = {}) =>
	fetch(server.url + p, { headers: { ...(cookie ? { Cookie: cookie } : {}), ...headers }, redirect: 'manual' });

function postLogin(username: string, password: string, origin = server.url) {
	return fetch(`${server.url}/login`, {
		method: 'POST',
		headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ username, password }),
		redirect: 'manual'
	});
}

describe('logged out', () => {
	it('pages redirect to /login keeping where you were going; API routes answer 401 JSON', async () => {
		const page = await get('/conversations/canonical/core-1?x=1');
		expect(page.status).toBe(303);
		expect(page.headers.get('location')).toBe('/login?next=%2Fconversations%2Fcanonical%2Fcore-1%3Fx%3D1');
		const api = await get('/api/conversations/canonical/core-1');
		expect(api.status).toBe(401);
		expect(await api.json()).toEqual({ message: expect.stringMatching(/log in/) });
		expect((await get('/login', undefined, { Accept: 'text/html' })).status).toBe(200);
	});

	it('a forged or expired cookie is the same as none', async () => {
		expect((await get('/api/conversations/canonical/core-1', 'supportlens_session=' + 'A'.repeat(43))).status).toBe(401);
	});
});

describe('POST /login', () => {
	it('sets an httpOnly SameSite=Lax session cookie, not Secure over http, and redirects home', async () => {
		const response = await postLogin(wh.users.manager.username, wh.users.manager.password);
		expect(response.status).toBe(303);
		expect(response.headers.get('location')).toBe('/');
		const cookie = response.headers.getSetCookie().find((c) => c.startsWith('supportlens_session='))!;
		expect(cookie).toMatch(/HttpOnly/);
		expect(cookie).toMatch(/SameSite=Lax/);
		expect(cookie).not.toMatch(/Secure/);
	});

	it('a kb_owner lands on the gap pages, their work', async () => {
		const response = await postLogin(wh.users.kb_owner.username, wh.users.kb_owner.password);
		expect(response.headers.get('location')).toBe('/gaps');
	});

	it('refuses a cross-site form post', async () => {
		const response = await postLogin(wh.users.manager.username, wh.users.manager.password, 'http://evil.example');
		expect(response.status).toBe(403);
		expect(response.headers.getSetCookie()).toEqual([]);
	});

	it('wrong passwords get 401, and after 5 failures the pair is refused with 429 even with the right password', async () => {
		for (let i = 0; i < 5; i++) expect((await postLogin('victim', 'wrong-' + i)).status).toBe(401);
		const blocked = await postLogin('victim', throwaway.password);
		expect(blocked.status).toBe(429);
		expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
		expect((await blocked.json()).message).toMatch(/Too many failed logins/);
		// other users from the same address are not locked out
		expect((await postLogin(wh.users.admin.username, wh.users.admin.password)).status).toBe(303);
	});

	it('the HTML form shows the failure message on the page', async () => {
		const response = await fetch(`${server.url}/login`, {
			method: 'POST',
			headers: { Origin: server.url, Accept: 'text/html', 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ username: 'nobody', password: 'x' })
		});
		expect(response.status).toBe(401);
		expect(await response.text()).toContain('Wrong user name or password.');
	});
});

describe('roles', () => {
	const page = '/conversations/canonical/core-1';
	const urls = [
		page,
		`/api${page}`,
		`${page}/timeline.csv`,
		'/conversations',
		'/conversations/export?format=csv',
		'/conversations/export?format=parquet',
		'/api/conversations?kpi=reopen_rate'
	];

	it("every role may open the overview, and every role's navigation links to it", async () => {
		const mainNav = (html: string) => html.match(/<nav aria-label="Main"[^>]*>([\s\S]*?)<\/nav>/)?.[1] ?? '';
		for (const role of ['admin', 'manager', 'kb_owner', 'exec']) {
			const overview = await get('/', cookies[role]);
			expect([role, overview.status]).toEqual([role, 200]);
			expect(mainNav(await overview.text()), role).toMatch(/<a href="\/"[^>]*>Overview<\/a>/);
		}
		const gaps = await (await get('/gaps', cookies.kb_owner)).text();
		expect(mainNav(gaps)).toMatch(/<a href="\/"[^>]*>Overview<\/a>/);
		expect(mainNav(gaps)).not.toContain('href="/review"');
	});

	it('exec gets 403 on the conversation page, its API route, its CSV and the conversation list', async () => {
		for (const url of urls) expect([url, (await get(url, cookies.exec)).status]).toEqual([url, 403]);
	});

	it('exec gets 403 on the gap list, its CSV, a gap page and the CSV of its questions; a KB owner downloads them all', async () => {
		const gapUrls = ['/gaps', '/gaps/gaps.csv', `/gaps/${gap.id}`, `/gaps/${gap.id}/members.csv`];
		for (const url of gapUrls) expect([url, (await get(url, cookies.exec)).status]).toEqual([url, 403]);
		for (const url of gapUrls) expect([url, (await get(url, cookies.kb_owner)).status]).toEqual([url, 200]);
		const rows = (await (await get(`/gaps/${gap.id}/members.csv`, cookies.kb_owner)).text()).trim().split('\n');
		expect(rows[0]).toBe('gap_id,source,conversation_id,event_id,text,similarity,link');
		expect(rows).toHaveLength(1 + gap.size);
		expect(rows.map((r) => r.split(',')[2])).toEqual(expect.arrayContaining(GIFT_CARD_QUESTIONS.map((_, i) => `gift-${i}`)));
	});

	it('kb_owner, manager and admin may read them', async () => {
		for (const role of ['kb_owner', 'manager', 'admin']) {
			for (const url of urls) expect([role, url, (await get(url, cookies[role])).status]).toEqual([role, url, 200]);
		}
	});

	it('the API returns the canonical conversation', async () => {
		const body = await (await get(`/api${page}`, cookies.manager)).json();
		expect(body).toMatchObject({
			id: 'core-1',
			source: 'canonical',
			channel: 'chat',
			subject: 'Charged twice for my order',
			tags: ['billing', 'refund']
		});
		expect(body.events.map((e: { id: string; type: string }) => `${e.id}:${e.type}`)).toEqual([
			'e1:message',
			'e2:message',
			'e3:handoff',
			'e4:assignment',
			'e5:note',
			'e6:draft',
			'e7:message',
			'e8:status'
		]);
		expect(body.events[5]).toMatchObject({
			final_body: 'Your refund was issued today; you will see it within 5 business days.',
			review: 'edited'
		});
	});

	it('the CSV has one row per event with the draft edit magnitude', async () => {
		const response = await get(`${page}/timeline.csv`, cookies.kb_owner);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		const text = await response.text();
		expect(text.trim().split('\n')).toHaveLength(1 + 8);
		expect(text).toMatch(/^canonical,core-1,e6,2026-10-05T09:04:00\.000Z,draft,ai,agent-7,.*,edited,0\.\d+,/m);
	});

	it('an unknown conversation is 404, saying which; an unknown upload too', async () => {
		const response = await get('/api/conversations/canonical/nope', cookies.admin);
		expect(response.status).toBe(404);
		expect(await response.json()).toEqual({ message: 'no conversation nope from canonical' });
		const start = await fetch(`${server.url}/api/imports/no-such-job/start`, {
			method: 'POST',
			headers: { Cookie: cookies.admin, Origin: server.url }
		});
		expect([start.status, (await start.json()).message]).toEqual([404, 'no upload no-such-job']);
	});
});

describe('logout', () => {
	it('ends the session on the server', async () => {
		const cookie = await loginCookie(server.url, wh.users.manager);
		expect((await get('/api/conversations/canonical/core-1', cookie)).status).toBe(200);
		const out = await fetch(`${server.url}/logout`, {
			method: 'POST',
			headers: { Cookie: cookie, Origin: server.url },
			redirect: 'manual'
		});
		expect(out.status).toBe(303);
		expect(out.headers.getSetCookie()[0]).toMatch(/supportlens_session=;.*Max-Age=0/);
		expect((await get('/api/conversations/canonical/core-1', cookie)).status).toBe(401);
	});
});
