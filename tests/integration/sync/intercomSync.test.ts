// `sync intercom` end to end against a replay of Intercom's REST API.
import { intercomEnv, INTERCOM_TOKEN, startIntercomReplay } from '../../helpers/replay/intercomReplay';
import { syncScenarios } from './syncScenarios';

syncScenarios({
	source: 'intercom',
	async start() {
		const { server, workspace } = await startIntercomReplay();
		return {
			server,
			env: intercomEnv(server),
			// Conversation 2000004 gets a teammate's reply, now.
			change: () => workspace.reply('2000004', Math.floor(Date.now() / 1000), 'Following up on your issue.')
		};
	},
	secrets: [INTERCOM_TOKEN],
	secretVar: 'INTERCOM_TOKEN',
	baseUrlVar: 'INTERCOM_BASE_URL',
	firstMainPage: (r) =>
		r.path === '/conversations/search' && !(r.body as { pagination?: { starting_after?: string } }).pagination?.starting_after,
	laterMainPage: (r) =>
		r.path === '/conversations/search' && !!(r.body as { pagination?: { starting_after?: string } }).pagination?.starting_after,
	itemRequest: (r) => r.method === 'GET' && r.path === '/conversations/2000001',
	perItem: (r) => r.method === 'GET' && /^\/conversations\/\d+$/.test(r.path),
	expected: { conversations: 5, kbArticles: 3, changed: 1 }
});
