// An axe-core pass (WCAG 2.0 and 2.1, levels A and AA) over every page of the dashboard in a
// real browser against the built server, in the light and the dark colour scheme: any
// violation fails, listed with its rule, impact and the elements at fault.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Page } from 'playwright-core';
import { openDashboard, type DashboardSession, type RunningServer } from './harness';

vi.setConfig({ testTimeout: 600_000 });

// Injected with page.evaluate: the app's Content-Security-Policy refuses inline script tags.
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let session: DashboardSession;
let server: RunningServer;
let page: Page;

beforeAll(async () => {
	session = await openDashboard({
		role: 'admin',
		// Mined gaps, so the gap list and a gap's page have content to check.
		minedGaps: true
	});
	({ server, page } = session);
}, 600_000);

afterAll(() => session?.close());

interface Violation {
	rule: string;
	impact: string | null;
	help: string;
	nodes: string[];
}

async function violations(p: Page): Promise<Violation[]> {
	// Charts draw their canvas after load; check the page as the user sees it.
	await p.waitForFunction(() => [...document.querySelectorAll('.echart')].every((e) => e.getAttribute('data-rendered') === 'true'));
	await p.evaluate(AXE_SOURCE);
	return p.evaluate(async (tags) => {
		const axe = (
			window as unknown as {
				axe: {
					run: (
						ctx: Document,
						o: object
					) => Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[]; html: string }[] }[] }>;
				};
			}
		).axe;
		const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
		return result.violations.map((v) => ({
			rule: v.id,
			impact: v.impact,
			help: v.help,
			nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.html.slice(0, 160)}`)
		}));
	}, WCAG_A_AA);
}

/** Every page an admin can open, with a real gap and a real conversation for the detail pages. */
async function pagesToCheck(): Promise<string[]> {
	await page.goto(`${server.url}/gaps`);
	const gap = await page.locator('[data-testid="gap-table"] tbody tr a').first().getAttribute('href');
	await page.goto(`${server.url}/conversations`);
	const conversation = await page.locator('main table tbody a[href^="/conversations/"]').first().getAttribute('href');
	expect(gap).toMatch(/^\/gaps\/\d+/);
	expect(conversation).toMatch(/^\/conversations\/[^/]+\/[^/]+$/);
	return ['/', '/review', '/gaps', gap!, '/reroutes', '/conversations', conversation!, '/imports', '/users', '/account'];
}

describe('accessibility (axe-core, WCAG 2 A and AA)', () => {
	it('every page has no violations, in light and dark', async () => {
		const urls = await pagesToCheck();
		const found: Record<string, Violation[]> = {};
		for (const scheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme: scheme });
			for (const url of urls) {
				await page.goto(`${server.url}${url}`);
				const v = await violations(page);
				if (v.length) found[`${scheme} ${url}`] = v;
			}
		}
		// Logged out: the login page.
		await page.context().clearCookies();
		await page.emulateMedia({ colorScheme: 'light' });
		await page.goto(`${server.url}/login`);
		const login = await violations(page);
		if (login.length) found['light /login'] = login;
		expect(found).toEqual({});
	});
});
