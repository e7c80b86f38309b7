// Grades on the dashboard in a real browser against the built server: the sample data is
// graded with the rules grader first, then /review shows the distribution chart, failure
// rates per criterion, the worst-graded items and the agreement panel, and a worst hand-off
// opens its conversation with the grade beside the hand-off. Screenshots in tests/artifacts/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { runCli } from '../helpers/runCli';
import { canvasColours, openDashboard, screenshot, type DashboardSession, type RunningServer } from './harness';

let session: DashboardSession;
let server: RunningServer;
let page: Page;

beforeAll(async () => {
	session = await openDashboard({
		role: 'manager',
		// Graded before the server takes the file (one writer at a time).
		beforeServe: async (wh) => {
			const graded = runCli(['grade', '--db', wh.dbPath]);
			if (graded.code !== 0) throw new Error(`grade failed: ${graded.stderr}`);
		}
	});
	({ server, page } = session);
}, 600_000);

afterAll(() => session?.close());

describe('grades on the weekly review', () => {
	it('shows the distribution, failure rates, worst-graded items and agreement', async () => {
		await page.goto(`${server.url}/review`);
		const section = page.locator('[data-testid="review-grades"]');
		await section.scrollIntoViewIfNeeded();
		await page.waitForSelector('[data-testid="grade-distribution"][data-rendered="true"]');
		const [colours] = await canvasColours(page, '[data-testid="grade-distribution"]');
		expect(colours).toBeGreaterThan(5);
		const rateRows = page.locator('[data-testid="criterion-failure-rates"] tbody tr th[scope="row"]');
		expect(await rateRows.count()).toBeGreaterThanOrEqual(10);
		expect(await page.locator('[data-testid="criterion-failure-rates"]').innerText()).toContain('no_unauthorized_commitment');
		expect(await page.locator('[data-testid="worst-handoffs"] > li').count()).toBeGreaterThan(0);
		expect(await page.locator('[data-testid="worst-drafts"] > li').count()).toBeGreaterThan(0);
		expect(await page.locator('[data-testid="agreement-value"]').innerText()).toMatch(/^\d+\.\d%$/);
		await screenshot(page, 'review-grades');
	}, 240_000);

	it('each grading panel downloads as CSV with the page’s roles', async () => {
		const href = await page.getAttribute('[data-testid="csv-grades-worst-handoffs"]', 'href');
		const response = await page.request.get(`${server.url}${href}`);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toMatch(/text\/csv/);
		const lines = (await response.text())
			.replace(/^\uFEFF/, '')
			.trim()
			.split('\n');
		expect(lines[0]).toBe('source,conversation_id,event_id,kind,score,failed_criteria,reasons,link');
		expect(lines.length).toBeGreaterThan(1);
		const rates = await page.request.get(`${server.url}${await page.getAttribute('[data-testid="csv-grades-failure-rates"]', 'href')}`);
		expect((await rates.text()).split('\n').length).toBeGreaterThan(8 * 10);
		// Without a session: refused like the page.
		const anonymous = await fetch(`${server.url}${href}`, { redirect: 'manual' });
		expect([302, 303, 401, 403]).toContain(anonymous.status);
	}, 240_000);

	it('a worst-graded hand-off opens its conversation with the grade beside the hand-off', async () => {
		await page.goto(`${server.url}/review`);
		const first = page.locator('[data-testid="worst-handoffs"] > li').first();
		const failedCriterion = (await first.locator('ul li code').first().innerText()).trim();
		await first.locator('a').first().click();
		await page.waitForURL(/\/conversations\/[^/]+\/[^/#]+#event-/);
		const eventId = decodeURIComponent(new URL(page.url()).hash.slice('#event-'.length));
		const grade = page.locator(`[id="event-${eventId}"] [data-testid="grade-rules"]`);
		expect(await grade.count()).toBe(1);
		const text = await grade.innerText();
		expect(text).toMatch(/score \d+/);
		expect(text).toContain(failedCriterion);
		await screenshot(page, 'conversation-grade');
	}, 240_000);
});
