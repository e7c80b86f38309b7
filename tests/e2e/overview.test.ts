// The overview and the weekly review in a real browser (Debian's Chromium) against the built
// server: charts draw on their canvas, a filter changes the numbers and the URL, the review
// drills down to a conversation, an exec sees aggregates only. Screenshots in tests/artifacts/.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import {
	ARTIFACTS,
	canvasColours,
	launchBrowser,
	loginInBrowser,
	openDashboard,
	screenshot,
	type Browser,
	type DashboardSession,
	type PreparedWarehouse,
	type RunningServer
} from './harness';

// A shared 2-core machine can be slow to drive a browser; no timing is asserted.
vi.setConfig({ testTimeout: 240_000 });

let session: DashboardSession;
let wh: PreparedWarehouse;
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
	session = await openDashboard({ role: 'manager' });
	({ wh, server, browser, page } = session);
}, 600_000);

afterAll(() => session?.close());

const cardValue = async (p: Page, key: string) => Number(await p.getAttribute(`[data-testid="kpi-${key}"]`, 'data-value'));

describe('overview', () => {
	it('draws every chart (canvas not blank) and shows the KPI cards', async () => {
		await page.goto(`${server.url}/`);
		await page.waitForSelector('[data-testid^="trend-"][data-rendered="true"]');
		await page.waitForFunction(() => [...document.querySelectorAll('.echart')].every((el) => el.getAttribute('data-rendered') === 'true'));
		const trends = await canvasColours(page, '[data-testid^="trend-"]');
		expect(trends).toHaveLength(6);
		for (const colours of trends) expect(colours).toBeGreaterThan(5);
		const breakdowns = await canvasColours(page, '[data-testid^="breakdown-"]');
		expect(breakdowns).toHaveLength(3);
		for (const colours of breakdowns) expect(colours).toBeGreaterThan(5);
		expect(await page.locator('[data-testid^="kpi-"]').count()).toBeGreaterThanOrEqual(15);
		expect(await cardValue(page, 'conversations')).toBeGreaterThan(0);
		expect(await page.locator('[data-testid="kpi-containment_rate"] .value').innerText()).toMatch(/^\d+\.\d%$/);
		await screenshot(page, 'overview');
		await page.screenshot({ path: path.join(ARTIFACTS, 'overview-viewport.png') }); // the first screen, unscaled
	});

	it('changing a filter changes the numbers and the URL, and the link reproduces the view', async () => {
		await page.goto(`${server.url}/`);
		const before = await cardValue(page, 'conversations');
		const containmentBefore = await page.locator('[data-testid="kpi-containment_rate"] .value').innerText();
		await Promise.all([
			page.waitForURL((u) => u.searchParams.get('channel') === 'email'),
			page.selectOption('select[name="channel"]', 'email')
		]);
		await page.waitForFunction(
			(n) => Number(document.querySelector('[data-testid="kpi-conversations"]')?.getAttribute('data-value')) !== n,
			before
		);
		const after = await cardValue(page, 'conversations');
		expect(after).toBeGreaterThan(0);
		expect(after).toBeLessThan(before);
		expect(await page.locator('[data-testid="kpi-containment_rate"] .value').innerText()).not.toBe(containmentBefore);
		expect(new URL(page.url()).search).toBe('?channel=email'); // empty fields stay out of the link
		await page.waitForFunction(() => [...document.querySelectorAll('.echart')].every((el) => el.getAttribute('data-rendered') === 'true'));
		await screenshot(page, 'overview-filtered');

		// The URL alone reproduces the view (a shared link), in a fresh tab.
		const shared = await browser.newPage();
		await shared.goto(page.url());
		expect(await cardValue(shared, 'conversations')).toBe(after);
		expect(await shared.inputValue('select[name="channel"]')).toBe('email');
		await shared.close();

		await Promise.all([page.waitForURL((u) => u.search === ''), page.getByRole('link', { name: 'Clear filters' }).first().click()]);
		expect(await cardValue(page, 'conversations')).toBe(before);
	});

	it('draws a new chart once, and once more for each new option', async () => {
		await page.goto(`${server.url}/`);
		const allRendered = () =>
			page.waitForFunction(() => [...document.querySelectorAll('.echart')].every((el) => el.getAttribute('data-rendered') === 'true'));
		await allRendered();
		// Count setOption per ECharts instance (every instance shares one prototype).
		await page.evaluate(() => {
			const w = window as unknown as { drawCounts: Map<object, number> };
			w.drawCounts = new Map();
			const proto = Object.getPrototypeOf((document.querySelector('.echart') as unknown as { echarts: object }).echarts);
			const original = proto.setOption;
			proto.setOption = function (this: object, ...args: unknown[]) {
				w.drawCounts.set(this, (w.drawCounts.get(this) ?? 0) + 1);
				return original.apply(this, args);
			};
		});
		const counts = () =>
			page.evaluate(() =>
				[...document.querySelectorAll('.echart')].map(
					(el) =>
						(window as unknown as { drawCounts: Map<object, number> }).drawCounts.get((el as unknown as { echarts: object }).echarts) ?? 0
				)
			);
		// Switching the colour scheme creates every chart anew (ECharts' dark theme).
		await page.emulateMedia({ colorScheme: 'dark' });
		await page.waitForFunction(() => [...document.querySelectorAll('.echart')].every((el) => el.getAttribute('data-theme') === 'dark'));
		await allRendered();
		expect(await counts()).toEqual(Array(9).fill(1));
		// New data for the same charts: one more draw each.
		await Promise.all([
			page.waitForURL((u) => u.searchParams.get('channel') === 'email'),
			page.selectOption('select[name="channel"]', 'email')
		]);
		await page.waitForFunction(() => !document.querySelector('.echart[data-rendered="false"]'));
		await page.waitForFunction(() =>
			[...(window as unknown as { drawCounts: Map<object, number> }).drawCounts.values()].every((n) => n >= 2)
		);
		expect(await counts()).toEqual(Array(9).fill(2));
		await page.emulateMedia({ colorScheme: 'light' });
	});

	it('explains an empty result and how to get out of it', async () => {
		await page.goto(`${server.url}/?channel=email&language=no-such-language`);
		expect(await page.getByText('No conversations match these filters').isVisible()).toBe(true);
		await screenshot(page, 'overview-empty-filter');
	});

	it('renders in dark mode too', async () => {
		const dark = await launchBrowser({ colorScheme: 'dark' });
		dark.context.setDefaultTimeout(120_000);
		dark.context.setDefaultNavigationTimeout(120_000);
		try {
			const p = await dark.newPage();
			await loginInBrowser(p, server.url, wh.users.exec);
			await p.waitForFunction(() => [...document.querySelectorAll('.echart')].every((el) => el.getAttribute('data-rendered') === 'true'));
			for (const colours of await canvasColours(p, '[data-testid^="trend-"]')) expect(colours).toBeGreaterThan(5);
			// exec sees aggregates only: nothing on the overview links into a conversation.
			expect(await p.locator('a[href^="/conversations/"]').count()).toBe(0);
			await screenshot(p, 'overview-dark-exec');
			const review = await p.goto(`${server.url}/review`);
			expect(review?.status()).toBe(403);
		} finally {
			await dark.close();
		}
	});
});

describe('weekly review', () => {
	it('shows a week against the one before, switches weeks, and drills down to a conversation', async () => {
		await page.goto(`${server.url}/review`);
		const week = await page.inputValue('[data-testid="week-select"]');
		expect(week).toMatch(/^\d{4}-W\d{2}$/);
		expect(await page.locator('[data-testid="review-grades"]').count()).toBe(1);
		await screenshot(page, 'review');

		const options = await page.$$eval('[data-testid="week-select"] option', (o) => o.map((x) => (x as HTMLOptionElement).value));
		const earlier = options[1];
		await Promise.all([
			page.waitForURL((u) => u.searchParams.get('week') === earlier),
			page.selectOption('[data-testid="week-select"]', earlier)
		]);
		expect(await page.locator('h1 + p').innerText()).toContain(earlier);

		const link = page.locator('[data-testid="review-escalations"] tbody a').first();
		const href = await link.getAttribute('href');
		expect(href).toMatch(/^\/conversations\/[^/]+\/[^/]+$/);
		await Promise.all([page.waitForURL((u) => u.pathname === href), link.click()]);
		const id = decodeURIComponent(href!.split('/').pop()!);
		await page.getByText(id).first().waitFor();
		await screenshot(page, 'review-drilldown-conversation');
	});
});
