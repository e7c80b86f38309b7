// `sync freshdesk` end to end against a replay of Freshdesk's API v2, and its 300-page list limit.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSync } from '../../../src/lib/server/sync';
import { Warehouse } from '../../../src/lib/server/warehouse';
import { freshdeskEnv, FreshdeskHelpdesk, FRESHDESK_KEY, hoursSinceBase, startFreshdeskReplay } from '../../helpers/replay/freshdeskReplay';
import { makeTempDir } from '../../helpers/tempDir';
import { syncScenarios } from './syncScenarios';

syncScenarios({
	source: 'freshdesk',
	async start() {
		const { server, desk } = await startFreshdeskReplay();
		return {
			server,
			env: freshdeskEnv(server),
			// Ticket 204 (never answered by a human) gets an agent reply that resolves it, now.
			change: () => desk.reply(204, hoursSinceBase(new Date()), 43000001, 'Order 204 is sorted now.', true)
		};
	},
	secrets: [FRESHDESK_KEY],
	secretVar: 'FRESHDESK_API_KEY',
	baseUrlVar: 'FRESHDESK_BASE_URL',
	firstMainPage: (r) => r.path === '/api/v2/tickets' && r.query.get('page') === '1',
	laterMainPage: (r) => r.path === '/api/v2/tickets' && r.query.get('page') === '2',
	itemRequest: (r) => r.path === '/api/v2/tickets/203/conversations',
	perItem: (r) => /^\/api\/v2\/tickets\/\d+\/conversations$/.test(r.path),
	expected: { conversations: 5, kbArticles: 3, changed: 1 }
});

describe("sync freshdesk past the ticket list's 300-page limit", () => {
	const { dir, cleanup } = makeTempDir();
	afterAll(cleanup);

	it('starts the list again from the last ticket seen and loads every ticket', async () => {
		const { server } = await startFreshdeskReplay(new FreshdeskHelpdesk({ tickets: 605 }));
		const warehouse = await Warehouse.open(path.join(dir, 'many.duckdb'));
		try {
			const result = await runSync(warehouse, 'freshdesk', { env: freshdeskEnv(server) });
			expect(result.summary).toMatchObject({ loaded: 605, quarantined: 0 });
			const pages = server.requests.filter((r) => r.path === '/api/v2/tickets');
			expect(Math.max(...pages.map((r) => Number(r.query.get('page'))))).toBe(300);
			// The second walk starts at page 1 from the 600th ticket's updated_at.
			expect(pages.filter((r) => r.query.get('page') === '1').map((r) => r.query.get('updated_since'))).toHaveLength(2);
		} finally {
			warehouse.close();
			await server.close();
		}
	});
});
