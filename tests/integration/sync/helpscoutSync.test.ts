// `sync helpscout` end to end against a replay of Help Scout's Mailbox API 2.0 and Docs API,
// plus the OAuth token being renewed when the API starts refusing it mid-sync.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runSync } from '../../../src/lib/server/sync';
import { Warehouse } from '../../../src/lib/server/warehouse';
import {
	helpscoutEnv,
	HELPSCOUT_APP_SECRET,
	HELPSCOUT_DOCS_KEY,
	hoursSinceBase,
	startHelpScoutReplay
} from '../../helpers/replay/helpscoutReplay';
import { makeTempDir } from '../../helpers/tempDir';
import { syncScenarios } from './syncScenarios';

syncScenarios({
	source: 'helpscout',
	async start() {
		const { server, account } = await startHelpScoutReplay();
		return {
			server,
			env: helpscoutEnv(server),
			// Conversation 868570004 (never answered by a human) gets an agent reply that closes it, now.
			change: () => account.reply(868570004, hoursSinceBase(new Date()), 'Order 868570004 is sorted now.')
		};
	},
	secrets: [HELPSCOUT_APP_SECRET, HELPSCOUT_DOCS_KEY],
	secretVar: 'HELPSCOUT_APP_SECRET',
	baseUrlVar: 'HELPSCOUT_BASE_URL',
	firstMainPage: (r) => r.path === '/v2/conversations' && r.query.get('page') === '1',
	laterMainPage: (r) => r.path === '/v2/conversations' && r.query.get('page') === '2',
	itemRequest: (r) => r.path === '/v1/articles/a1',
	perItem: (r) => r.path.startsWith('/v1/articles/'),
	expected: { conversations: 5, kbArticles: 3, changed: 1 }
});

describe('sync helpscout OAuth token', () => {
	const { dir, cleanup } = makeTempDir();
	afterAll(cleanup);

	it('asks for a new token once when the API refuses the current one, then goes on', async () => {
		const { server, account } = await startHelpScoutReplay();
		const warehouse = await Warehouse.open(path.join(dir, 'token.duckdb'));
		try {
			// The mailbox list answers 401 once, as when the two-day token expires mid-sync.
			server.faults.push({ when: (r) => r.path === '/v2/mailboxes', status: 401, times: 1 });
			const result = await runSync(warehouse, 'helpscout', { env: { ...helpscoutEnv(server), SUPPORTLENS_SYNC_RETRY_BASE_MS: '10' } });
			expect(server.count((r) => r.path === '/v2/oauth2/token')).toBe(2);
			expect(account.tokens.size).toBe(2);
			expect(result.summary).toMatchObject({ loaded: 5, kb_loaded: 3, quarantined: 0 });
		} finally {
			warehouse.close();
			await server.close();
		}
	});
});
