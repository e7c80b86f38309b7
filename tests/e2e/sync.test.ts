// "Sync now" in the browser: the built dashboard, configured for a Zendesk account served by
// a local replay of Zendesk's API, shows the button on the Imports page to admins, runs the
// sync with a progress line, and the run lands in the import history; other roles get 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startZendeskReplay, zendeskEnv } from '../helpers/replay/zendeskReplay';
import type { ReplayServer } from '../helpers/replay/replayServer';
import { loginCookie, openDashboard, screenshot, type DashboardSession } from './harness';

let replay: ReplayServer;
let session: DashboardSession;

beforeAll(async () => {
	({ server: replay } = await startZendeskReplay());
	session = await openDashboard({ role: 'admin', env: { ...zendeskEnv(replay), SUPPORTLENS_SYNC_RETRY_BASE_MS: '20' } });
});

afterAll(async () => {
	await session?.close();
	await replay?.close();
});

describe('Sync now on the Imports page', () => {
	it('syncs the configured Zendesk account with progress and records the run', async () => {
		const { page, server } = session;
		await page.goto(`${server.url}/imports`);
		const panel = page.getByTestId('sync-now');
		await expect(panel.locator('li').count()).resolves.toBe(1);
		await expect(panel.textContent()).resolves.toMatch(/Zendesk\s+never synced/);
		// A 429 on the first ticket page: the dashboard's sync waits it out like the CLI's.
		replay.faults.push({
			when: (r) => r.path === '/api/v2/incremental/tickets/cursor.json',
			status: 429,
			headers: { 'Retry-After': '1' },
			times: 1
		});
		await page.getByTestId('sync-zendesk').click();
		const status = page.locator('[data-testid="sync-status-zendesk"][data-status="done"]');
		await status.waitFor();
		const text = (await status.textContent())?.replace(/\s+/g, ' ');
		expect(text).toMatch(
			/zendesk: [\d,]+ records fetched · 5 loaded, 0 updated, 0 unchanged, 0 quarantined · 6 KB articles new or changed · run #\d+/
		);
		await screenshot(page, 'imports-sync-now');
		const firstRow = page.getByTestId('import-history').locator('tbody tr').first();
		await expect(firstRow.textContent()).resolves.toMatch(/sync.*zendesk API: tickets/);
		await expect(panel.textContent()).resolves.toMatch(/last synced \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/);

		// Again: nothing changed, nothing imported.
		await page.getByTestId('sync-zendesk').click();
		await page
			.locator('[data-testid="sync-status-zendesk"][data-status="done"]', { hasText: /zendesk: nothing changed since \d{4}-/ })
			.waitFor();
	});

	it('is for admins only', async () => {
		const { server, wh } = session;
		const cookie = await loginCookie(server.url, wh.users.manager);
		const response = await fetch(`${server.url}/api/sync/zendesk`, { method: 'POST', headers: { Cookie: cookie, Origin: server.url } });
		expect(response.status).toBe(403);
	});
});
