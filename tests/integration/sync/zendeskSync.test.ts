// `sync zendesk` end to end against a replay of Zendesk's API, and what it loads.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSync } from '../../../src/lib/server/sync';
import { Warehouse } from '../../../src/lib/server/warehouse';
import { makeTempDir } from '../../helpers/tempDir';
import { startZendeskReplay, zendeskEnv, ZENDESK_TOKEN } from '../../helpers/replay/zendeskReplay';
import { unix } from '../../helpers/replay/replayServer';
import { syncScenarios } from './syncScenarios';

syncScenarios({
	source: 'zendesk',
	async start() {
		const { server, account } = await startZendeskReplay();
		return {
			server,
			env: zendeskEnv(server),
			// Ticket 104 (never answered by a human) gets an agent reply that solves it.
			change: () => account.reply(104, unix('2026-10-06T10:00:00Z'), 9001, 'Order 104 is sorted now.', 'solved')
		};
	},
	secrets: [ZENDESK_TOKEN],
	secretVar: 'ZENDESK_API_TOKEN',
	baseUrlVar: 'ZENDESK_BASE_URL',
	firstMainPage: (r) => r.path === '/api/v2/incremental/tickets/cursor.json' && r.query.has('start_time'),
	laterMainPage: (r) => r.path === '/api/v2/incremental/tickets/cursor.json' && r.query.has('cursor'),
	itemRequest: (r) => r.path === '/api/v2/tickets/103/audits',
	perItem: (r) => /^\/api\/v2\/tickets\/\d+\/audits$/.test(r.path),
	expected: { conversations: 5, kbArticles: 6, changed: 1 }
});

describe('what a Zendesk sync loads', () => {
	const { dir, cleanup } = makeTempDir();
	afterAll(cleanup);

	it('tickets with their audits, metric sets and satisfaction ratings; articles with translations', async () => {
		const { server } = await startZendeskReplay();
		const warehouse = await Warehouse.open(path.join(dir, 'what.duckdb'));
		try {
			const result = await runSync(warehouse, 'zendesk', { env: zendeskEnv(server), aiAuthors: ['ai@acme.example'] });
			expect(result.summary).toMatchObject({ loaded: 5, kb_loaded: 6, quarantined: 0 });
			const rows = await warehouse.db.all<{ id: string; csat_rating: string | null; queue: string | null }>(
				`SELECT c.id, c.csat_rating, (SELECT max(queue) FROM events e WHERE e.source = c.source AND e.conversation_id = c.id) AS queue
				 FROM conversations c ORDER BY c.id`
			);
			expect(rows.map((r) => [r.id, r.csat_rating])).toEqual([
				['101', 'good'],
				['102', 'bad'],
				['103', null],
				['104', null],
				['105', null]
			]);
			expect(rows[0].queue).toBe('Billing'); // group names from the groups side-load
			const authors = await warehouse.db.all<{ author: string; n: number }>(
				"SELECT author, count(*) AS n FROM events WHERE type = 'message' GROUP BY author ORDER BY author"
			);
			expect(authors).toEqual([
				{ author: 'agent', n: 3 },
				{ author: 'ai', n: 5 },
				{ author: 'customer', n: 5 }
			]);
			const kb = await warehouse.db.all<{ id: string; locale: string }>('SELECT id, locale FROM kb_articles ORDER BY id');
			expect(kb.map((k) => `${k.id}:${k.locale}`)).toEqual([
				'4400:en-us',
				'4400-de:de',
				'4401:en-us',
				'4401-de:de',
				'4402:en-us',
				'4402-de:de'
			]);
		} finally {
			warehouse.close();
			await server.close();
		}
	});
});
