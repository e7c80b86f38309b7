// The digest and alerts in a real browser against the built server: the digest HTML (as the
// CLI renders it) displays in Chromium with its inline charts and absolute dashboard links,
// an exec's without conversation links; an admin adds recipients on the Users page and the
// server's schedule delivers to the test's SMTP server exactly once each; the overview and
// the review show the week's alerts with drill-down links.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSmtp, type TestSmtp } from '../helpers/mailServers';
import { runCli } from '../helpers/runCli';
import { ARTIFACTS, openDashboard, screenshot, type DashboardSession } from './harness';

vi.setConfig({ testTimeout: 240_000 });

const WEEK = '2026-W40'; // the committed sample's incident week
const ORIGIN = 'https://supportlens.example.com';
let session: DashboardSession;
let smtp: TestSmtp;
const files: Record<'manager' | 'exec', string> = { manager: '', exec: '' };

beforeAll(async () => {
	smtp = await startSmtp();
	session = await openDashboard({
		role: 'admin',
		beforeServe: async (wh) => {
			for (const role of ['manager', 'exec'] as const) {
				files[role] = path.join(wh.dir, `digest-${role}.html`);
				const r = runCli(['digest', '--db', wh.dbPath, '--week', WEEK, '--role', role, '--dry-run', '--out', files[role]], { ORIGIN });
				if (r.code !== 0) throw new Error(r.stderr);
			}
		},
		// every two seconds, so the test sees several ticks
		env: { SUPPORTLENS_SMTP_URL: smtp.url, SUPPORTLENS_DIGEST_CRON: '*/2 * * * * *', SUPPORTLENS_DIGEST_RETRY_BASE_MS: '200' }
	});
}, 600_000);

afterAll(async () => {
	await session?.close();
	await smtp?.close();
});

describe('digest HTML in Chromium', () => {
	it("renders the manager's digest: figures with sparklines, the volume chart, alerts and links into the dashboard", async () => {
		const page = await session.browser.newPage();
		await page.goto(`file://${files.manager}`);
		expect(await page.locator('h1').innerText()).toBe(`SupportLens weekly review · ${WEEK}`);
		expect(await page.locator('[data-testid="digest-figures"] tr[data-kpi]').count()).toBe(12);
		// every sparkline and the bar chart are drawn: visible boxes with marks in them
		const charts = await page.$$eval('svg', (svgs) =>
			svgs.map((s) => ({ w: s.getBoundingClientRect().width, marks: s.querySelectorAll('polyline, rect').length }))
		);
		expect(charts.length).toBe(13);
		for (const c of charts) expect(c.w).toBeGreaterThan(50);
		expect(charts.filter((c) => c.marks > 0).length).toBeGreaterThanOrEqual(12);
		expect(await page.locator('svg rect').count()).toBeGreaterThanOrEqual(8);
		const alerts = page.locator('[data-testid="digest-alert"]');
		expect(await alerts.count()).toBeGreaterThan(0);
		expect(await alerts.first().locator('a').getAttribute('href')).toMatch(
			new RegExp(`^${ORIGIN}/conversations\\?kpi=\\w+(&cond=numerator)?&week=${WEEK}`)
		);
		const hrefs = await page.$$eval('a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
		for (const href of hrefs) expect(href.startsWith(`${ORIGIN}/`)).toBe(true);
		expect(hrefs).toContain(`${ORIGIN}/review?week=${WEEK}`);
		expect(await page.locator('script, img, link[rel="stylesheet"]').count()).toBe(0);
		await page.screenshot({ path: path.join(ARTIFACTS, 'digest-manager.png'), fullPage: true });
		await page.close();
	});

	it("the exec's digest has the same figures and alerts but no conversation links", async () => {
		const page = await session.browser.newPage();
		await page.goto(`file://${files.exec}`);
		expect(await page.locator('[data-testid="digest-figures"] tr[data-kpi]').count()).toBe(12);
		expect(await page.locator('[data-testid="digest-alert"]').count()).toBeGreaterThan(0);
		expect(await page.locator('a[href*="/conversations"]').count()).toBe(0);
		expect(await page.locator('[data-testid="digest-gap"], [data-testid="digest-worst"]').count()).toBe(0);
		expect(await page.locator('body').innerText()).toContain('aggregates only');
		await page.screenshot({ path: path.join(ARTIFACTS, 'digest-exec.png'), fullPage: true });
		await page.close();
	});
});

describe('recipients and the schedule', () => {
	it('an admin adds recipients on the Users page; the running server delivers to each exactly once', async () => {
		const { page, server } = session;
		await page.goto(`${server.url}/users`);
		const section = page.locator('[data-testid="digest-recipients"]');
		for (const [email, role] of [
			['manager@example.com', 'manager'],
			['exec@example.com', 'exec']
		]) {
			await section.locator('form.add-recipient input[name="email"]').fill(email);
			await section.locator('form.add-recipient select[name="role"]').selectOption(role);
			await section.getByRole('button', { name: 'Add recipient' }).click();
			await expect.poll(() => section.locator('[data-testid="digest-message"]').innerText()).toBe(`${email} receives the ${role} digest.`);
		}
		expect(await section.locator('[data-testid="digest-recipients-table"] tbody tr').allInnerTexts()).toEqual([
			expect.stringContaining('exec@example.com'),
			expect.stringContaining('manager@example.com')
		]);
		await screenshot(page, 'users-digest');
		// the schedule fires every two seconds: wait for both, then several more ticks
		await expect
			.poll(() => [...smtp.recipients].sort(), { timeout: 120_000, interval: 500 })
			.toEqual(['exec@example.com', 'manager@example.com']);
		const ticks = Date.now();
		await expect.poll(() => Date.now() - ticks > 7_000, { timeout: 20_000, interval: 1_000 }).toBe(true);
		expect([...smtp.recipients].sort()).toEqual(['exec@example.com', 'manager@example.com']);
		for (const m of smtp.messages) expect(m.subject).toMatch(/^SupportLens weekly review 2026-W\d\d/);
		await page.goto(`${server.url}/users`);
		await section.locator('summary', { hasText: 'Recent deliveries' }).click();
		const log = await section.locator('[data-testid="digest-deliveries"] tbody tr').allInnerTexts();
		expect(log).toHaveLength(2);
		for (const row of log) expect(row).toMatch(/\bsent\b/);
	});
});

describe('alerts on the dashboard', () => {
	it('the weekly review of the incident week lists its alerts with drill-down links', async () => {
		const { page, server } = session;
		await page.goto(`${server.url}/review?week=${WEEK}`);
		const items = page.locator('[data-testid="alerts"] [data-testid="alert"]');
		expect(await items.count()).toBeGreaterThan(0);
		expect(await page.locator('[data-testid="alerts"] [data-kpi="conversations"][data-scope="queue: technical"]').count()).toBe(1);
		expect(await items.first().locator('[data-testid="alert-link"]').getAttribute('href')).toMatch(
			new RegExp(`^/conversations\\?kpi=\\w+.*&week=${WEEK}`)
		);
		await screenshot(page, 'review-alerts');
	});

	it('the overview shows the alerts of the week its period ends in', async () => {
		const { page, server } = session;
		await page.goto(`${server.url}/?from=2026-09-28&to=2026-10-04`);
		expect(await page.locator('[data-testid="alerts"] h2').innerText()).toContain(WEEK);
		expect(await page.locator('[data-testid="alerts"] [data-testid="alert"]').count()).toBeGreaterThan(0);
		expect(fs.existsSync(files.manager)).toBe(true);
	});
});
