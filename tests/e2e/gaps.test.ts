// The gap pages in a real browser against the built server: the miner runs on the sample
// warehouse first (as `gaps` would before the dashboard starts), then a KB owner opens the
// list (50 rows, then "Show all"), filters it, opens a gap, changes its status, owner and note, reloads and finds them
// kept, reads why the gap got its coverage verdict and downloads all its questions as CSV; "Mine again" re-mines through the running server and the edit survives; the reroute
// Sankey draws. Screenshots in tests/artifacts/.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { listGaps } from '../../src/lib/server/gaps';
import { withWarehouse } from '../../src/lib/server/warehouse';
import { openDashboard, screenshot, type DashboardSession, type RunningServer } from './harness';

// Re-mining in the server takes a while on a shared 2-core machine running two test files; no timing is asserted.
vi.setConfig({ testTimeout: 240_000 });

let session: DashboardSession;
let server: RunningServer;
let page: Page;
let topGap: { id: number; title: string; size: number; coverage: string; coverage_reason: string | null };
let gapCount: number;

beforeAll(async () => {
	session = await openDashboard({
		role: 'kb_owner',
		minedGaps: true,
		beforeServe: (wh) =>
			withWarehouse(wh.dbPath, async (w) => {
				const gaps = await listGaps(w.db);
				topGap = gaps[0];
				gapCount = gaps.length;
			}),
		// No model hub here: "Mine again" must fall back to lexical at once, not wait for a timeout.
		env: { SUPPORTLENS_ALLOW_REMOTE_MODELS: '0' }
	});
	({ server, page } = session);
}, 600_000);

afterAll(() => session?.close());

describe('gap pages', () => {
	it('lists gaps by impact with the cluster map, and filters by coverage in the URL', async () => {
		await page.goto(`${server.url}/gaps`);
		const first = page.locator('[data-testid="gap-table"] tbody tr').first();
		expect(await first.locator('a').textContent()).toBe(topGap.title.length > 90 ? topGap.title.slice(0, 89) + '…' : topGap.title);
		expect(await page.locator('[data-testid="gap-map"] circle').count()).toBeGreaterThan(5);
		await screenshot(page, 'gaps-list');
		// A long list opens on its 50 highest-impact gaps; the rest are one click away.
		expect(gapCount).toBeGreaterThan(50);
		const rows = page.locator('[data-testid="gap-table"] tbody tr');
		expect(await rows.count()).toBe(50);
		expect(await page.textContent('[data-testid="rows-shown"]')).toBe(`50 of ${gapCount} shown`);
		await page.getByRole('button', { name: 'Show all' }).click();
		await page.waitForFunction((n) => document.querySelectorAll('[data-testid="gap-table"] tbody tr').length === n, gapCount);
		expect(await page.locator('[data-testid="rows-shown"]').count()).toBe(0);
		await page.selectOption('select[name="coverage"]', 'missing');
		await Promise.all([page.waitForURL(/coverage=missing/), page.getByRole('button', { name: 'Apply' }).click()]);
		const coverages = await page.locator('[data-testid="gap-table"] tbody tr td:nth-child(3)').allTextContents();
		expect(coverages.length).toBeGreaterThan(0);
		expect(new Set(coverages.map((c) => c.trim()))).toEqual(new Set(['missing']));
		expect(await page.getAttribute('[data-testid="csv-link"]', 'href')).toBe(
			'/gaps/gaps.csv?coverage=missing&status=&channel=&language=&week='
		);
	});

	it('opens a gap, changes its status, owner and note, and they are still there after a reload', async () => {
		await page.goto(`${server.url}/gaps`);
		await Promise.all([
			page.waitForURL(new RegExp(`/gaps/${topGap.id}$`)),
			page.locator('[data-testid="gap-table"] tbody tr').first().locator('a').click()
		]);
		expect(await page.textContent('[data-testid="gap-title"]')).toBe(topGap.title);
		expect(await page.locator('[data-testid="gap-examples"] li a').count()).toBeGreaterThan(0);
		expect(await page.getAttribute('[data-testid="gap-examples"] li a >> nth=0', 'href')).toMatch(/^\/conversations\/[^/]+\/[^/]+$/);
		// The coverage verdict is explained: nearest article with its similarity, and the evidence.
		const reason = (await page.textContent('[data-testid="coverage-reason"]'))!.trim();
		expect(reason).toBe(topGap.coverage_reason);
		expect(reason).toMatch(new RegExp(`^${topGap.coverage}: .*nearest article: “.+”, \\d\\.\\d\\d; .*similar (AI )?conversations`));
		// Every question of the gap as CSV, one row each.
		const csv = await page.request.get(`${server.url}${await page.getAttribute('[data-testid="members-csv"]', 'href')}`);
		expect(csv.status()).toBe(200);
		expect(csv.headers()['content-type']).toContain('text/csv');
		const lines = (await csv.text())
			.replace(/^\ufeff/, '')
			.trim()
			.split(/\r?\n/);
		expect(lines[0]).toBe('gap_id,source,conversation_id,event_id,text,similarity,link');
		expect(lines.length).toBe(topGap.size + 1);
		await page.selectOption('select[name="status"]', 'in_progress');
		await page.fill('input[name="owner"]', 'Kim <kb team>');
		await page.fill('textarea[name="note"]', 'Draft article on VAT IDs & reverse charge');
		await page.getByRole('button', { name: 'Save' }).click();
		await page.waitForSelector('[data-testid="saved"]');
		await page.reload();
		expect(await page.inputValue('select[name="status"]')).toBe('in_progress');
		expect(await page.inputValue('input[name="owner"]')).toBe('Kim <kb team>');
		expect(await page.inputValue('textarea[name="note"]')).toBe('Draft article on VAT IDs & reverse charge');
		await screenshot(page, 'gap-detail');
	});

	it('re-mines through the running server, falling back to lexical, and the edit survives', async () => {
		await page.goto(`${server.url}/gaps`);
		await page.getByTestId('mine-now').click();
		const status = page.getByRole('status');
		await status.waitFor();
		expect(await status.textContent()).toMatch(/embedder: auto → lexical, because .*remote models are disabled/);
		await page.goto(`${server.url}/gaps?status=in_progress`);
		const rows = page.locator('[data-testid="gap-table"] tbody tr');
		expect(await rows.count()).toBe(1);
		expect(await rows.first().locator('td:nth-child(5)').textContent()).toBe('Kim <kb team>');
	});

	it('draws the reroute Sankey with what each flow is about', async () => {
		await page.goto(`${server.url}/reroutes`);
		await page.waitForSelector('[data-testid="reroute-sankey"][data-rendered="true"]');
		expect(await page.locator('[data-testid="reroute-table"] tbody tr').count()).toBeGreaterThan(3);
		await screenshot(page, 'reroutes');
	});
});
