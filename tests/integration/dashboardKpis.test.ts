// The dashboard's KPI figures against the CLI on the same warehouse: GET /api/kpis returns
// exactly what `kpis --json` prints, and the overview page (its cards, its CSV downloads)
// shows the same numbers for the same filters. Also the HTTP contract: 400 on bad
// parameters, 401 without a session, and which roles may see the overview and the review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { latestWeek } from '../../src/lib/server/review';
import { resolvePeriod, previousPeriod } from '../../src/lib/server/overview';
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
import { runCli } from '../helpers/runCli';

type Query = { from?: string; to?: string; by?: string; where?: string[] };
let wh: PreparedWarehouse;
let server: RunningServer;
let buildDir: string;
let cookies: Record<string, string>;
let defaultPeriod: { from: string; to: string; days: number };
let reviewWeek: string;
const cli = new Map<string, unknown>();
const cliText = new Map<string, string>();

/** The queries the tests compare; the CLI runs before the server starts, since the server then owns the file. */
function queries(): Query[] {
	const p = defaultPeriod,
		prev = previousPeriod(p);
	return [
		{},
		{ by: 'week' },
		{ from: p.from, to: p.to },
		{ from: prev.from, to: prev.to },
		{ from: p.from, to: p.to, where: ['channel=chat'] },
		{ from: p.from, to: p.to, by: 'channel' },
		{ from: p.from, to: p.to, by: 'language', where: ['tier=vip', 'channel=email'] },
		{ from: prev.from, to: prev.to, where: ['channel=chat'] }
	];
}
const keyOf = (q: Query) => JSON.stringify(q);
function cliArgs(q: Query): string[] {
	const args = ['kpis', '--json', '--db', wh.dbPath];
	if (q.from) args.push('--from', q.from);
	if (q.to) args.push('--to', q.to);
	if (q.by) args.push('--by', q.by);
	for (const w of q.where ?? []) args.push('--where', w);
	return args;
}
function apiUrl(q: Query): string {
	const params = new URLSearchParams();
	if (q.from) params.set('from', q.from);
	if (q.to) params.set('to', q.to);
	if (q.by) params.set('by', q.by);
	for (const w of q.where ?? []) params.append('where', w.replace('=', ':'));
	return `${server.url}/api/kpis?${params}`;
}
const get = (path: string, role = 'manager', init: RequestInit = {}) =>
	fetch(path.startsWith('http') ? path : server.url + path, {
		...init,
		redirect: 'manual',
		headers: { Cookie: cookies[role] ?? '', ...init.headers }
	});

/** The KPI cards' raw values (data-value) on the rendered overview. */
function cardValues(html: string): Record<string, number | null> {
	const out: Record<string, number | null> = {};
	for (const m of html.matchAll(/data-testid="kpi-([a-z0-9_]+)" data-value="([^"]*)"/g)) out[m[1]] = m[2] === '' ? null : Number(m[2]);
	return out;
}

beforeAll(async () => {
	buildDir = ensureBuiltCopy();
	wh = await prepareWarehouse();
	await withWarehouse(wh.dbPath, async (w) => {
		const last = await w.db.one<{ d: string }>("SELECT strftime(max(created_at), '%Y-%m-%d') AS d FROM conversation_facts");
		defaultPeriod = resolvePeriod({ from: null, to: null }, last!.d);
		reviewWeek = (await latestWeek(w.db)).week;
	});
	for (const q of queries()) {
		const r = runCli(cliArgs(q));
		if (r.code !== 0) throw new Error(`kpis ${cliArgs(q).join(' ')} failed: ${r.stderr}`);
		cli.set(keyOf(q), JSON.parse(r.stdout));
		cliText.set(keyOf(q), r.stdout.trim());
	}
	server = await startServer(buildDir, wh.dbPath);
	cookies = {};
	for (const [role, user] of Object.entries(wh.users)) cookies[role] = await loginCookie(server.url, user);
}, 600_000);

afterAll(async () => {
	await server?.stop();
	cleanup(buildDir, wh?.dir);
});

describe('GET /api/kpis', () => {
	it('returns exactly what `kpis --json` prints, for every query', async () => {
		expect((cli.get('{}') as { rows: { conversations: number }[] }).rows[0].conversations).toBeGreaterThan(1000);
		for (const q of queries()) {
			const response = await get(apiUrl(q), 'exec');
			expect(response.status, apiUrl(q)).toBe(200);
			expect(response.headers.get('content-type')).toMatch(/application\/json/);
			const text = await response.text();
			expect(JSON.parse(text), apiUrl(q)).toEqual(cli.get(keyOf(q)));
			expect(text, apiUrl(q)).toBe(cliText.get(keyOf(q))); // byte for byte
		}
	});

	it('answers 400 with a one-line message and the parameter at fault for bad parameters', async () => {
		for (const [params, message, field] of [
			['from=2026-13-01', /bad from date "2026-13-01"/, 'from'],
			['by=weekday', /unknown dimension "weekday"/, 'by'],
			['where=colour:red', /unknown dimension "colour"/, 'where'],
			['where=channel', /bad filter "channel"/, 'where'],
			['from=2026-10-10&to=2026-10-01', /after/, 'from'],
			['limit=5', /unknown parameter "limit"/, 'limit']
		] as const) {
			const response = await get(`/api/kpis?${params}`);
			expect(response.status, params).toBe(400);
			const body = (await response.json()) as { message: string; field?: string };
			expect(body.message).toMatch(message);
			expect(body.message).not.toContain('\n');
			expect(body.message).not.toContain('--');
			expect(body.field, params).toBe(field);
		}
	});

	it('needs a session: 401 JSON without one', async () => {
		const response = await fetch(`${server.url}/api/kpis`);
		expect(response.status).toBe(401);
	});
});

describe('the overview page', () => {
	it('shows on its KPI cards the CLI figures for the same filters', async () => {
		const p = defaultPeriod;
		const cases: [string, Query][] = [
			['/', { from: p.from, to: p.to }],
			[`/?from=${p.from}&to=${p.to}`, { from: p.from, to: p.to }],
			[`/?from=${p.from}&to=${p.to}&channel=chat`, { from: p.from, to: p.to, where: ['channel=chat'] }]
		];
		for (const [path, q] of cases) {
			const response = await get(path, 'exec');
			expect(response.status, path).toBe(200);
			const html = await response.text();
			const cards = cardValues(html);
			const expected = (cli.get(keyOf(q)) as { rows: Record<string, number | null>[] }).rows[0];
			expect(Object.keys(cards).length, path).toBeGreaterThanOrEqual(15);
			for (const [key, value] of Object.entries(cards)) {
				if (value === null) expect(expected[key], `${path} ${key}`).toBeNull();
				else expect(value, `${path} ${key}`).toBeCloseTo(expected[key]!, 12);
			}
			expect(html).toContain(`${p.from} – ${p.to} (${p.days} days)`);
		}
	});

	it('a filter changes the numbers', async () => {
		const all = cardValues(await (await get('/')).text());
		const chat = cardValues(await (await get('/?channel=chat')).text());
		expect(chat.conversations).toBeLessThan(all.conversations!);
		expect(chat.conversations).toBeGreaterThan(0);
	});

	it('offers CSV downloads with the same figures as the CLI', async () => {
		const p = defaultPeriod,
			prev = previousPeriod(p);
		const kpis = await get(`/overview/kpis.csv?from=${p.from}&to=${p.to}&channel=chat`, 'exec');
		expect(kpis.status).toBe(200);
		expect(kpis.headers.get('content-type')).toMatch(/text\/csv/);
		const rows = parse((await kpis.text()).replace(/^\ufeff/, ''), { columns: true }) as Record<string, string>[];
		const now = (cli.get(keyOf({ from: p.from, to: p.to, where: ['channel=chat'] })) as { rows: Record<string, number | null>[] }).rows[0];
		const before = (cli.get(keyOf({ from: prev.from, to: prev.to, where: ['channel=chat'] })) as { rows: Record<string, number | null>[] })
			.rows[0];
		expect(rows.map((r) => r.kpi)).toEqual(Object.keys(now).filter((k) => k !== 'group'));
		for (const r of rows) {
			expect(r.value === '' ? null : Number(r.value), r.kpi).toEqual(now[r.kpi]);
			expect(r.previous === '' ? null : Number(r.previous), r.kpi).toEqual(before[r.kpi]);
		}
		const byChannel = await get(`/overview/channel.csv?from=${p.from}&to=${p.to}`);
		const channelRows = parse((await byChannel.text()).replace(/^\ufeff/, ''), { columns: true }) as Record<string, string>[];
		const expected = (cli.get(keyOf({ from: p.from, to: p.to, by: 'channel' })) as { rows: Record<string, number | null>[] }).rows;
		expect(channelRows.map((r) => r.channel)).toEqual(expected.map((r) => r.group));
		expect(channelRows.map((r) => Number(r.conversations))).toEqual(expected.map((r) => r.conversations));
		expect((await get('/overview/nope.csv')).status).toBe(404);
		expect((await get('/overview/trend.csv?from=2026-02-30')).status).toBe(400);
	});

	it('says so when no conversation matches, and names the bad filter in a hand-edited link', async () => {
		const none = await (await get('/?channel=no-such-channel')).text();
		expect(none).toContain('No conversations match these filters');
		const bad = await (await get('/?from=yesterday')).text();
		expect(bad).toContain('Filters ignored: bad from date');
	});
});

describe('roles', () => {
	it('lets every role see the overview and the API, and only managers and admins the review', async () => {
		for (const role of ['admin', 'manager', 'kb_owner', 'exec']) {
			expect((await get('/', role)).status, role).toBe(200);
			expect((await get('/api/kpis', role)).status, role).toBe(200);
			expect((await get('/overview/trend.csv', role)).status, role).toBe(200);
		}
		for (const [role, status] of [
			['admin', 200],
			['manager', 200],
			['kb_owner', 403],
			['exec', 403]
		] as const) {
			expect((await get(`/review?week=${reviewWeek}`, role)).status, role).toBe(status);
			expect((await get(`/review/drafts.csv?week=${reviewWeek}`, role)).status, role).toBe(status);
			expect((await get(`/review/kpis.csv?week=${reviewWeek}`, role)).status, role).toBe(status);
		}
	});

	it('keeps customer text and conversation links off the overview, even for managers', async () => {
		const html = await (await get('/', 'manager')).text();
		expect(html).not.toMatch(/href="\/conversations\//);
	});
});

describe('the weekly review', () => {
	it('lists rows that open their conversation, and downloads them all as CSV', async () => {
		const html = await (await get(`/review?week=${reviewWeek}`)).text();
		const links = [...html.matchAll(/href="(\/conversations\/[^"]+)"/g)].map((m) => m[1]);
		expect(links.length).toBeGreaterThan(5);
		const conversation = await get(links[0].replace('/conversations/', '/api/conversations/'));
		expect(conversation.status).toBe(200);
		const body = (await conversation.json()) as { id: string; source: string };
		expect(links[0]).toBe(`/conversations/${encodeURIComponent(body.source)}/${encodeURIComponent(body.id)}`);
		const csv = await get(`/review/escalations.csv?week=${reviewWeek}`);
		const rows = parse((await csv.text()).replace(/^\ufeff/, ''), { columns: true }) as Record<string, string>[];
		const badge = new RegExp(`Escalations <span class="badge">([\\d,]+)</span>`).exec(html);
		expect(rows.length).toBe(Number(badge![1].replace(/,/g, '')));
		expect(rows[0].link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/conversations\/.+/);
		expect((await get('/review?week=2026-W99')).status).toBe(200);
		expect(await (await get('/review?week=2026-W99')).text()).toContain('week 2026-W99: 2026 has weeks 1 to 53');
	});
});

describe('an empty warehouse', () => {
	it('says what to do next instead of showing empty charts', async () => {
		const empty = await prepareWarehouse({ samples: false });
		const emptyServer = await startServer(buildDir, empty.dbPath);
		try {
			const admin = await loginCookie(emptyServer.url, empty.users.admin);
			const manager = await loginCookie(emptyServer.url, empty.users.manager);
			const asAdmin = await (await fetch(`${emptyServer.url}/`, { headers: { Cookie: admin } })).text();
			expect(asAdmin).toContain('No conversations yet');
			expect(asAdmin).toContain('href="/imports"');
			expect(asAdmin).not.toContain('data-testid="kpi-');
			const asManager = await (await fetch(`${emptyServer.url}/`, { headers: { Cookie: manager } })).text();
			expect(asManager).toContain('Ask an admin to import');
			const review = await (await fetch(`${emptyServer.url}/review`, { headers: { Cookie: manager } })).text();
			expect(review).toContain('No conversations yet');
			const api = await (await fetch(`${emptyServer.url}/api/kpis`, { headers: { Cookie: manager } })).json();
			expect(api.rows[0].conversations).toBe(0);
		} finally {
			await emptyServer.stop();
			cleanup(empty.dir);
		}
	});
});
