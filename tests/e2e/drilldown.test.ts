// Drill-down in a real browser (Debian's Chromium) against the built server: clicking a trend
// point and a trend bar, a breakdown bar, a reroute Sankey link and KPI cards opens the
// conversation list, whose count equals the number clicked; the list's "Download all" streams
// every matching conversation as CSV and Parquet. Screenshots in tests/artifacts/.
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchBrowser, loginInBrowser, openDashboard, screenshot, type DashboardSession } from './harness';

// A shared 2-core machine can be slow to drive a browser; no timing is asserted.
vi.setConfig({ testTimeout: 240_000 });

let session: DashboardSession;
let page: Page;
let url: string;

beforeAll(async () => {
	session = await openDashboard({
		role: 'manager',
		minedGaps: true
	});
	({ page } = session);
	url = session.server.url;
}, 600_000);
afterAll(() => session?.close());

type Target = { x: number; y: number; value: number; name: string };

/**
 * Where to click in a chart, in page coordinates, and the value drawn there. `find` runs in the
 * browser with the chart's ECharts instance (EChart exposes it on its box for tests).
 */
async function target(testid: string, find: string): Promise<Target> {
	const box = page.locator(`[data-testid="${testid}"]`);
	await box.scrollIntoViewIfNeeded();
	await page.waitForSelector(`[data-testid="${testid}"][data-rendered="true"]`);
	return box.evaluate((el, body) => {
		const chart = (el as unknown as { echarts: unknown }).echarts;
		const local = new Function('chart', body)(chart) as { x: number; y: number; value: number; name: string };
		const rect = el.getBoundingClientRect();
		return { ...local, x: rect.left + local.x, y: rect.top + local.y };
	}, find);
}

/** Clicks and returns the list it lands on: its count, and the URL's parameters. */
async function clickToList(t: Target): Promise<{ total: number; params: URLSearchParams }> {
	await Promise.all([page.waitForURL((u) => u.pathname === '/conversations'), page.mouse.click(t.x, t.y)]);
	const total = Number(await page.getAttribute('[data-testid="list-total"]', 'data-total'));
	return { total, params: new URL(page.url()).searchParams };
}

/** The list's count for a URL (same session), through GET /api/conversations. */
async function apiTotal(params: URLSearchParams): Promise<number> {
	const response = await page.request.get(`${url}/api/conversations?${params}`);
	expect(response.status()).toBe(200);
	return (await response.json()).total;
}

describe('drill-down from the overview', () => {
	it('a trend point (reopen rate, one week) lists that week’s reopened conversations: count / denominator = the rate drawn', async () => {
		await page.goto(`${url}/`);
		const t = await target(
			'trend-quality',
			`
			const values = chart.getOption().series[0].data;
			let i = values.length - 1;
			while (i > 0 && !(values[i] > 0)) i--;
			const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [i, values[i]]);
			return { x, y, value: values[i], name: chart.getOption().xAxis[0].data[i] };`
		);
		const { total, params } = await clickToList(t);
		expect(params.get('kpi')).toBe('reopen_rate');
		expect(params.get('cond')).toBe('numerator');
		expect(params.get('week')).toBe(t.name);
		expect(total).toBeGreaterThan(0);
		params.set('cond', 'denominator');
		const denominator = await apiTotal(params);
		expect(Math.round((total / denominator) * 1000) / 10).toBe(t.value); // the chart draws the rate in %, one decimal
		await expect(page.locator('[data-testid="drill-banner"]').innerText()).resolves.toMatch(
			/Reopen rate, numerator: reopened after a solve/
		);
		await screenshot(page, 'drilldown-list');
		await Promise.all([page.waitForURL((u) => u.pathname === '/'), page.click('[data-testid="drill-back"]')]);
	});

	it('a trend bar (AI-involved conversations, one week) lists exactly that many', async () => {
		await page.goto(`${url}/`);
		const t = await target(
			'trend-volume',
			`
			const data = chart.getModel().getSeriesByIndex(1).getData();
			let i = data.count() - 1;
			while (i > 0 && !(data.get('y', i) > 0)) i--;
			const r = data.getItemLayout(i);
			return { x: r.x + r.width / 2, y: r.y + r.height / 2, value: data.get('y', i), name: data.getName(i) };`
		);
		const { total, params } = await clickToList(t);
		expect(params.get('kpi')).toBe('ai_involved');
		expect(t.value).toBeGreaterThan(0);
		expect(total).toBe(t.value);
	});

	it('a breakdown bar (conversations of one channel) lists exactly that many', async () => {
		await page.goto(`${url}/`);
		const t = await target(
			'breakdown-channel',
			`
			const data = chart.getModel().getSeriesByIndex(0).getData();
			const r = data.getItemLayout(0);
			return { x: r.x + r.width / 2, y: r.y + r.height / 2, value: data.get('y', 0), name: data.getName(0) };`
		);
		const { total, params } = await clickToList(t);
		expect(params.get('kpi')).toBe('conversations');
		expect(params.get('channel')).toBe(t.name);
		expect(t.value).toBeGreaterThan(0);
		expect(total).toBe(t.value);
	});

	it('KPI cards are links: the AI-involved card lists that many, the containment card its numerator', async () => {
		await page.goto(`${url}/`);
		const aiInvolved = Number(await page.getAttribute('[data-testid="kpi-ai_involved"]', 'data-value'));
		await Promise.all([page.waitForURL((u) => u.pathname === '/conversations'), page.click('[data-testid="kpi-ai_involved"]')]);
		expect(Number(await page.getAttribute('[data-testid="list-total"]', 'data-total'))).toBe(aiInvolved);

		await page.goto(`${url}/`);
		const containment = Number(await page.getAttribute('[data-testid="kpi-containment_rate"]', 'data-value'));
		await Promise.all([page.waitForURL((u) => u.pathname === '/conversations'), page.click('[data-testid="kpi-containment_rate"]')]);
		const contained = Number(await page.getAttribute('[data-testid="list-total"]', 'data-total'));
		const params = new URL(page.url()).searchParams;
		params.set('cond', 'denominator');
		expect(contained / (await apiTotal(params))).toBeCloseTo(containment, 12);
	});
});

describe('exec', () => {
	it('sees no drill-down: KPI cards are not links, a chart click goes nowhere, the list and its API are 403', async () => {
		const browser = await launchBrowser();
		try {
			const p = await browser.newPage();
			await loginInBrowser(p, url, session.wh.users.exec);
			await p.goto(`${url}/`);
			await p.waitForSelector('[data-testid="breakdown-channel"][data-rendered="true"]');
			expect(await p.locator('a[href^="/conversations"]').count()).toBe(0);
			expect(await p.locator('[data-testid="kpi-ai_involved"]').evaluate((el) => el.tagName)).toBe('ARTICLE');
			const box = (await p.locator('[data-testid="breakdown-channel"]').boundingBox())!;
			await p.mouse.click(box.x + box.width / 2, box.y + box.height * 0.7);
			await p.waitForTimeout(500); // a navigation, if any, would have started
			expect(new URL(p.url()).pathname).toBe('/');
			expect((await p.request.get(`${url}/api/conversations?kpi=reopen_rate`)).status()).toBe(403);
			expect((await p.request.get(`${url}/conversations/export?format=csv`)).status()).toBe(403);
		} finally {
			await browser.close();
		}
	});
});

describe('drill-down from reroutes', () => {
	it('a Sankey link lists exactly the conversations of that flow', async () => {
		await page.goto(`${url}/reroutes`);
		const t = await target(
			'reroute-sankey',
			`
			const data = chart.getModel().getSeriesByIndex(0).getEdgeData();
			const s = data.getItemGraphicEl(0).shape;
			return { x: (s.x1 + s.x2) / 2, y: (s.y1 + s.y2) / 2 + s.extent / 2, value: data.get('value', 0), name: '' };`
		);
		const { total, params } = await clickToList(t);
		expect(params.get('moved_from')).toBeTruthy();
		expect(t.value).toBeGreaterThan(0);
		expect(total).toBe(t.value);
		expect(await page.getAttribute('[data-testid="drill-back"]', 'href')).toBe('/reroutes');
	});
});

describe('Download all', () => {
	it('streams every listed conversation as CSV and as Parquet', async () => {
		await page.goto(`${url}/conversations?kpi=escalation_rate&cond=numerator`);
		const total = Number(await page.getAttribute('[data-testid="list-total"]', 'data-total'));
		expect(total).toBeGreaterThan(50); // more than one page
		const [csv] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')]);
		const csvPath = path.join(session.wh.dir, 'list.csv');
		await csv.saveAs(csvPath);
		const [parquet] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-parquet"]')]);
		const parquetPath = path.join(session.wh.dir, 'list.parquet');
		await parquet.saveAs(parquetPath);
		expect(fs.readFileSync(parquetPath).subarray(0, 4).toString()).toBe('PAR1');

		const instance = await DuckDBInstance.create(':memory:');
		const db = await instance.connect();
		try {
			for (const reader of [`read_csv('${csvPath}', header = true)`, `read_parquet('${parquetPath}')`]) {
				const [row] = (await db.runAndReadAll(`SELECT count(*) AS n, count_if(escalated) AS escalated FROM ${reader}`)).getRowObjectsJS();
				expect([reader, Number(row.n), Number(row.escalated)]).toEqual([reader, total, total]);
			}
		} finally {
			db.closeSync();
			instance.closeSync();
		}
	});

	it('GET /api/conversations pages through the same list', async () => {
		const params = new URLSearchParams({ kpi: 'escalation_rate', page: '2' });
		const body = await (await page.request.get(`${url}/api/conversations?${params}`)).json();
		expect(body.page).toBe(2);
		expect(body.rows.length).toBe(Math.min(50, body.total - 50));
		expect(body.filter).toMatchObject({ kpi: 'escalation_rate', cond: 'numerator', condition: 'AI-involved and handed off' });
		const bad = await page.request.get(`${url}/api/conversations?kpi=nope`);
		expect(bad.status()).toBe(400);
		expect((await bad.json()).message).toMatch(/unknown KPI "nope"/);
	});
});

describe('The filter form', () => {
	it('filters by several values of one dimension: ticked boxes become repeated parameters, OR-ed', async () => {
		await page.goto(`${url}/conversations`);
		// Hydrated, so the form's own submit (which leaves empty fields out of the URL) runs.
		await page.waitForLoadState('networkidle');
		const channel = page.locator('[data-testid="filter-channel"]');
		await channel.locator('summary').click();
		const values = await channel.locator('input[type="checkbox"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
		const [a, b] = values.filter((v) => v !== '(none)');
		expect(a && b).toBeTruthy();
		await channel.locator(`input[value="${a}"]`).check();
		await channel.locator(`input[value="${b}"]`).check();
		// and one queue, to see two dimensions combine (AND across, OR within)
		const queue = page.locator('[data-testid="filter-queue"]');
		await queue.locator('summary').click();
		const q = (await queue.locator('input[type="checkbox"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))).find(
			(v) => v !== '(none)'
		)!;
		await queue.locator(`input[value="${q}"]`).check();
		await screenshot(page, 'conversations-filter-multi');
		await Promise.all([
			page.waitForURL((u) => u.searchParams.getAll('channel').length === 2),
			page.click('form[aria-label="Filters"] button[type="submit"]')
		]);

		const params = new URL(page.url()).searchParams;
		expect(params.getAll('channel')).toEqual([a, b]);
		expect(params.getAll('queue')).toEqual([q]);
		// nothing left empty in the URL
		expect([...params.keys()].sort()).toEqual(['channel', 'channel', 'queue', 'sort']);
		const total = Number(await page.getAttribute('[data-testid="list-total"]', 'data-total'));
		const one = (c: string) =>
			apiTotal(
				new URLSearchParams([
					['channel', c],
					['queue', q]
				])
			);
		expect(total).toBe((await one(a)) + (await one(b)));
		expect(total).toBeGreaterThan(0);
		await expect.poll(() => page.textContent('[data-testid="drill-banner"]')).toContain(`channel ${a} or ${b}`);
		// The form shows what the URL holds: both boxes ticked, the summary names them.
		expect(await page.locator(`[data-testid="filter-channel"] input[value="${a}"]`).isChecked()).toBe(true);
		expect(await page.locator(`[data-testid="filter-channel"] input[value="${b}"]`).isChecked()).toBe(true);
		expect(await page.textContent('[data-testid="filter-channel"] summary')).toContain(`${a}, ${b}`);
		// Unticking one narrows the list to the other.
		await page.locator('[data-testid="filter-channel"] summary').click();
		await page.locator(`[data-testid="filter-channel"] input[value="${a}"]`).uncheck();
		await Promise.all([
			page.waitForURL((u) => u.searchParams.getAll('channel').length === 1),
			page.click('form[aria-label="Filters"] button[type="submit"]')
		]);
		expect(Number(await page.getAttribute('[data-testid="list-total"]', 'data-total'))).toBe(await one(b));
	});
});
