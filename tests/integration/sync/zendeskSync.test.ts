// `sync zendesk` end to end against a replay of Zendesk's API.
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
