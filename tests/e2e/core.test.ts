// Browser tests of the dashboard core on the built server in Debian's Chromium: logging in,
// drilling down to a conversation, uploading an export with a progress bar into the history,
// the exec role's 403s, ticket text with markup shown as text, and the users page.
// Screenshots of each page go to tests/artifacts/core-*.png.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	cleanup,
	ensureBuiltCopy,
	launchBrowser,
	loginInBrowser,
	prepareWarehouse,
	screenshot,
	startServer,
	type Browser,
	type PreparedWarehouse,
	type RunningServer
} from './harness';

const FIXTURES = path.resolve(import.meta.dirname, 'fixtures');
let build: string;
let wh: PreparedWarehouse;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
	build = ensureBuiltCopy();
	wh = await prepareWarehouse({ fixtures: [path.join(FIXTURES, 'core_conversations.jsonl')] });
	server = await startServer(build, wh.dbPath);
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await server?.stop();
	cleanup(build, wh?.dir);
});

/** A fresh, logged-in page as `role`, failing the test on any script error or dialog. */
async function pageAs(role: keyof PreparedWarehouse['users']): Promise<{ page: Page; problems: string[] }> {
	const page = await browser.newPage();
	const problems: string[] = [];
	page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
	page.on('dialog', async (d) => {
		problems.push(`dialog: ${d.message()}`);
		await d.dismiss();
	});
	await page.context().clearCookies();
	await loginInBrowser(page, server.url, wh.users[role]);
	return { page, problems };
}

describe('dashboard core in Chromium', () => {
	it('logs in through the form and shows the nav for the role', async () => {
		const { page, problems } = await pageAs('admin');
		expect(new URL(page.url()).pathname).toBe('/');
		const nav = page.getByRole('navigation', { name: 'Main' });
		for (const label of ['Overview', 'Conversations', 'Imports', 'Users'])
			await expect(nav.getByRole('link', { name: label }).count()).resolves.toBe(1);
		await screenshot(page, 'core-after-login-admin');
		await page.goto(`${server.url}/login`);
		expect(new URL(page.url()).pathname).toBe('/'); // already logged in
		expect(problems).toEqual([]);
		await page.close();
	});

	it('a wrong password shows a message and stays on the login page', async () => {
		const page = await browser.newPage();
		await page.context().clearCookies();
		await page.goto(`${server.url}/login`);
		await page.getByLabel('User name').fill(wh.users.manager.username);
		await page.getByLabel('Password').fill('not-the-password');
		await page.getByRole('button', { name: 'Log in' }).click();
		await page.getByRole('alert').waitFor();
		expect(await page.getByRole('alert').textContent()).toContain('Wrong user name or password.');
		await screenshot(page, 'core-login-failed');
		await page.close();
	});

	it('drills down from the conversation list to a conversation with its timeline and draft diff', async () => {
		const { page, problems } = await pageAs('manager');
		await page.getByRole('link', { name: 'Conversations', exact: true }).click();
		await page.waitForURL('**/conversations');
		await screenshot(page, 'core-conversations');
		await page.getByLabel('Search id or subject').fill('Charged twice');
		await Promise.all([page.waitForURL(/q=Charged/), page.getByRole('button', { name: 'Apply' }).click()]);
		await page.getByTestId('conversation-list').getByRole('link', { name: 'core-1' }).click();
		await page.waitForURL('**/conversations/canonical/core-1');
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Charged twice for my order');
		const types = await page.locator('article.event').evaluateAll((els) => els.map((e) => e.getAttribute('data-type')));
		expect(types).toEqual(['message', 'message', 'handoff', 'assignment', 'note', 'draft', 'message', 'status']);
		const diff = page.getByTestId('draft-diff');
		expect(await diff.locator('del').allTextContents()).toContain('ships Monday and');
		expect((await diff.locator('ins').allTextContents()).join(' ')).toContain('was issued today;');
		expect(await page.locator('.handoff-note').textContent()).toContain('duplicate charge on order 1042');
		const kbLink = page.locator('article[data-event-id="e2"] .kb a');
		expect(await kbLink.textContent()).toBe('Refunds and duplicate charges');
		expect(await kbLink.getAttribute('href')).toBe('https://help.example.com/refunds');
		await screenshot(page, 'core-conversation');
		await page.setViewportSize({ width: 1920, height: 1080 });
		await screenshot(page, 'core-conversation-wide');
		await page.emulateMedia({ colorScheme: 'dark' });
		await screenshot(page, 'core-conversation-dark');
		await page.setViewportSize({ width: 1366, height: 860 });
		await page.emulateMedia({ colorScheme: 'light' });
		expect(problems).toEqual([]);
		await page.close();
	});

	it('an upload shows a progress bar and lands in the import history', async () => {
		const { page, problems } = await pageAs('admin');
		await page.goto(`${server.url}/imports`);
		const before = await page.getByTestId('import-history').locator('tbody tr').count();
		await page.getByTestId('file-input').setInputFiles(path.join(FIXTURES, 'upload_conversations.jsonl'));
		const progress = page.getByTestId('import-progress');
		await progress.locator('progress').waitFor();
		await page.locator('[data-testid="import-progress"][data-stage="done"]').waitFor({ timeout: 60_000 });
		expect(await progress.textContent()).toMatch(
			/Imported\s+upload_conversations\.jsonl: 40 loaded, 0 updated,\s+0 unchanged, 2 quarantined/
		);
		const rows = page.getByTestId('import-history').locator('tbody tr');
		await expect.poll(() => rows.count()).toBe(before + 1);
		const first = rows.first();
		expect(await first.locator('td').nth(1).textContent()).toMatch(/^\s*done/);
		expect(await first.locator('td').nth(3).textContent()).toBe('upload');
		expect(await first.locator('td').nth(4).textContent()).toBe('upload_conversations.jsonl');
		const preview = page.getByTestId('quarantine-preview');
		const reasons = await preview
			.locator('tbody tr')
			.evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent)));
		expect(reasons.map((r) => r.slice(0, 2))).toEqual([
			['upload_conversations.jsonl', '41'],
			['upload_conversations.jsonl', '42']
		]);
		expect(reasons[1][3]).toMatch(/bad JSON/);
		const quarantineLink = first.getByRole('link', { name: /2 · CSV/ });
		const [download] = await Promise.all([page.waitForEvent('download'), quarantineLink.click()]);
		expect(download.suggestedFilename()).toMatch(/^quarantine_run_\d+\.csv$/);
		await screenshot(page, 'core-imports');
		expect(problems).toEqual([]);
		await page.close();
	});

	it('several files dropped on the drop zone import together', async () => {
		const { page, problems } = await pageAs('admin');
		await page.goto(`${server.url}/imports`);
		const files = [
			{
				name: 'dropped_a.jsonl',
				text: JSON.stringify({
					id: 'drop-a',
					created_at: '2026-10-09T10:00:00Z',
					events: [{ id: 'm', at: '2026-10-09T10:00:00Z', type: 'message', author: 'customer', body: 'first dropped' }]
				})
			},
			{
				name: 'dropped_b.jsonl',
				text: JSON.stringify({
					id: 'drop-b',
					created_at: '2026-10-09T11:00:00Z',
					events: [{ id: 'm', at: '2026-10-09T11:00:00Z', type: 'message', author: 'customer', body: 'second dropped' }]
				})
			}
		];
		const transfer = await page.evaluateHandle((list) => {
			const dt = new DataTransfer();
			for (const f of list) dt.items.add(new File([f.text + '\n'], f.name, { type: '' }));
			return dt;
		}, files);
		const zone = page.getByTestId('drop-zone');
		await zone.dispatchEvent('dragover', { dataTransfer: transfer });
		expect(await zone.getAttribute('class')).toMatch(/dragging/);
		await zone.dispatchEvent('drop', { dataTransfer: transfer });
		await page.locator('[data-testid="import-progress"][data-stage="done"]').waitFor({ timeout: 60_000 });
		expect(await page.getByTestId('import-progress').textContent()).toMatch(/dropped_a\.jsonl, dropped_b\.jsonl: 2 loaded/);
		await expect
			.poll(() => page.getByTestId('import-history').locator('tbody tr').first().locator('td').nth(4).textContent())
			.toBe('dropped_a.jsonl, dropped_b.jsonl');
		expect(problems).toEqual([]);
		await page.close();
	});

	it('an exec user gets 403 on a conversation URL, its API route and its CSV, and sees no such links', async () => {
		const { page } = await pageAs('exec');
		const nav = page.getByRole('navigation', { name: 'Main' });
		expect(await nav.getByRole('link', { name: 'Conversations' }).count()).toBe(0);
		const conversation = '/conversations/canonical/core-1';
		const response = await page.goto(server.url + conversation);
		expect(response?.status()).toBe(403);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Not allowed');
		expect(await page.content()).not.toContain('charged twice');
		await screenshot(page, 'core-exec-403');
		for (const url of [`/api${conversation}`, `${conversation}/timeline.csv`]) {
			const r = await page.request.get(server.url + url);
			expect([url, r.status()]).toEqual([url, 403]);
			expect(await r.text()).not.toMatch(/order 1042/);
		}
		await page.close();
	});

	it('ticket text holding <script> and <img onerror> payloads is shown as text, never run', async () => {
		const { page, problems } = await pageAs('kb_owner');
		await page.goto(`${server.url}/conversations/canonical/core-xss`);
		const timeline = page.getByRole('region', { name: 'Timeline' });
		expect(await timeline.locator('article').first().locator('.body').textContent()).toBe(
			'Look: <script>window.__xss=2</script> and <img src=x onerror="window.__xss=3"> end'
		);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('<img src=x onerror="window.__xss=1"> subject');
		expect(await page.locator('main img, main script, main b, main i, main a[href^="javascript"]').count()).toBe(0);
		expect(await page.locator('article[data-event-id="x2"] .kb').textContent()).toContain(
			'<img src=x onerror="window.__xss=7"> Evil article'
		);
		expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
		await screenshot(page, 'core-xss-as-text');
		await page.goto(`${server.url}/conversations?q=onerror`);
		expect(await page.getByTestId('conversation-list').locator('tbody tr').count()).toBe(1);
		expect(await page.locator('main img').count()).toBe(0);
		expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
		expect(problems).toEqual([]);
		await page.close();
	});

	it('charts follow the system dark mode: re-drawn with the dark theme, canvas not blank', async () => {
		const { page, problems } = await pageAs('exec');
		const chart = page.locator('.echart').first();
		await page.locator('.echart[data-rendered="true"]').first().waitFor();
		expect(await chart.getAttribute('data-theme')).toBe('light');
		await page.emulateMedia({ colorScheme: 'dark' });
		await page.locator('.echart[data-theme="dark"][data-rendered="true"]').first().waitFor();
		const painted = await chart
			.locator('canvas')
			.first()
			.evaluate((canvas: HTMLCanvasElement) => {
				const ctx = canvas.getContext('2d')!;
				const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
				let n = 0;
				for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
				return n;
			});
		expect(painted).toBeGreaterThan(100);
		await screenshot(page, 'core-overview-dark');
		await page.emulateMedia({ colorScheme: 'light' });
		expect(problems).toEqual([]);
		await page.close();
	});

	it('an admin adds a user on the users page and sees the password once', async () => {
		const { page, problems } = await pageAs('admin');
		await page.goto(`${server.url}/users`);
		await page.locator('form.add input[name="username"]').fill('newbie');
		await page.locator('form.add select[name="role"]').selectOption('kb_owner');
		await page.getByRole('button', { name: 'Add user' }).click();
		const password = await page.getByTestId('new-password').textContent();
		expect(password).toMatch(/^\S{16}$/);
		expect(await page.getByTestId('users-table').textContent()).toContain('newbie');
		await screenshot(page, 'core-users');
		expect(problems).toEqual([]);
		await page.close();
		const newbie = await browser.newPage();
		await newbie.context().clearCookies();
		await loginInBrowser(newbie, server.url, { username: 'newbie', password: password! });
		expect(new URL(newbie.url()).pathname).toBe('/gaps');
		await newbie.close();
	});
});
