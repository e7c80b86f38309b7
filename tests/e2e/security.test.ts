// Security features in a real browser (Debian's Chromium) against the built server: the pages
// run under the Content-Security-Policy without a single violation (charts included), an
// admin sees a transcript read in the audit log on the Users page, and a user changes their
// own password and logs in with it. Screenshots in tests/artifacts/security-*.png.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { importFiles } from '../../src/lib/server/ingest';
import { withWarehouse } from '../../src/lib/server/warehouse';
import { canvasColours, loginInBrowser, openDashboard, screenshot, type DashboardSession } from './harness';

vi.setConfig({ testTimeout: 240_000 });

const FIXTURE = path.resolve(import.meta.dirname, 'fixtures/core_conversations.jsonl');
let session: DashboardSession;
let page: Page;
const cspViolations: string[] = [];

beforeAll(async () => {
	session = await openDashboard({
		role: 'admin',
		beforeServe: (wh) => withWarehouse(wh.dbPath, (w) => importFiles(w, [FIXTURE], { origin: 'test' })).then(() => undefined)
	});
	page = session.page;
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) cspViolations.push(`${page.url()}: ${message.text()}`);
	});
}, 600_000);

afterAll(() => session?.close());

describe('Content-Security-Policy in Chromium', () => {
	it('the overview draws its charts and the other pages load without any violation', async () => {
		const url = session.server.url;
		await page.goto(`${url}/`);
		await page.waitForFunction(() => {
			const charts = [...document.querySelectorAll('.echart')];
			return charts.length > 0 && charts.every((el) => el.getAttribute('data-rendered') === 'true');
		});
		for (const colours of await canvasColours(page, '[data-testid^="trend-"]')) expect(colours).toBeGreaterThan(5);
		await page.locator('[data-testid^="trend-"] canvas').first().hover(); // ECharts tooltips use inline styles
		for (const p of ['/review', '/gaps', '/conversations', '/conversations/canonical/core-1', '/imports', '/users', '/account']) {
			await page.goto(url + p);
			await page.waitForLoadState('networkidle');
		}
		expect(cspViolations).toEqual([]);
		// The check itself works: an image from another site is refused and reported.
		await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="https://elsewhere.invalid/pixel.png" alt="">'));
		await expect.poll(() => cspViolations.length).toBeGreaterThan(0);
		expect(cspViolations[0]).toMatch(/img-src/);
	});
});

describe('audit log on the Users page', () => {
	it('shows who read which transcript, and offers the CSV', async () => {
		await page.goto(`${session.server.url}/conversations/canonical/core-2`);
		await page.goto(`${session.server.url}/users`);
		const table = page.getByTestId('audit-log');
		const first = table.locator('tbody tr').first();
		expect(await first.locator('td').allInnerTexts()).toEqual([
			expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/),
			session.wh.users.admin.username,
			'read transcript',
			'canonical/core-2',
			'page',
			'127.0.0.1'
		]);
		expect(await table.getByRole('link', { name: 'Download CSV' }).getAttribute('href')).toBe('/users/audit.csv');
		await screenshot(page, 'security-audit-log');
	});
});

describe('disabling and deleting on the Users page', () => {
	it('disable marks the row and logs it; delete asks first, then removes the row', async () => {
		const { exec, manager } = session.wh.users;
		await page.goto(`${session.server.url}/users`);
		const row = page.getByTestId(`user-${exec.username}`);
		await row.getByRole('button', { name: 'Disable' }).click();
		await expect.poll(() => row.locator('td').nth(3).innerText()).toMatch(/^disabled \d{4}-\d\d-\d\d$/);
		expect(await page.getByRole('status').first().innerText()).toContain(`"${exec.username}" is disabled; their sessions have ended.`);
		expect(await page.getByTestId('audit-log').locator('tbody tr').first().locator('td').nth(2).innerText()).toBe('disabled user');
		page.once('dialog', (dialog) => dialog.accept());
		await page.getByTestId(`user-${manager.username}`).getByRole('button', { name: 'Delete' }).click();
		await expect.poll(() => page.getByTestId(`user-${manager.username}`).count()).toBe(0);
		// no Disable or Delete for yourself
		expect(
			await page
				.getByTestId(`user-${session.wh.users.admin.username}`)
				.getByRole('button', { name: /Disable|Delete/ })
				.count()
		).toBe(0);
		await screenshot(page, 'security-users');
	});
});

describe('changing your own password', () => {
	it('works from the user menu, and the new password logs in', async () => {
		const url = session.server.url;
		const user = session.wh.users.admin;
		await page.goto(`${url}/`);
		await page.getByLabel('User menu').click();
		await Promise.all([page.waitForURL('**/account'), page.getByRole('link', { name: 'Change password' }).click()]);
		await page.getByLabel('Current password').fill('not my password');
		await page.getByLabel('New password', { exact: true }).fill('a long new passphrase');
		await page.getByLabel('New password again').fill('a long new passphrase');
		await page.getByRole('button', { name: 'Change password' }).click();
		await expect.poll(() => page.getByRole('status').innerText()).toBe('Not changed: your current password is not right.');
		await page.getByLabel('Current password').fill(user.password);
		await page.getByLabel('New password', { exact: true }).fill('a long new passphrase');
		await page.getByLabel('New password again').fill('a long new passphrase');
		await page.getByRole('button', { name: 'Change password' }).click();
		await expect.poll(() => page.getByRole('status').innerText()).toBe('Password changed. Your other sessions have ended.');
		await screenshot(page, 'security-password-changed');
		// still logged in in this browser
		await page.goto(`${url}/users`);
		expect(new URL(page.url()).pathname).toBe('/users');
		// log out, then in with the new password
		await page.getByLabel('User menu').click();
		await Promise.all([page.waitForURL('**/login'), page.getByRole('button', { name: 'Log out' }).click()]);
		await loginInBrowser(page, url, { username: user.username, password: 'a long new passphrase' });
		expect(new URL(page.url()).pathname).toBe('/');
	});
});
