// `sync freshdesk` end to end against a replay of Freshdesk's API v2.
import { freshdeskEnv, FRESHDESK_KEY, hoursSinceBase, startFreshdeskReplay } from '../../helpers/replay/freshdeskReplay';
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
