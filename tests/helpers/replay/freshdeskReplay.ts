// A Freshdesk helpdesk behind a local replay server, written from Freshdesk's API v2
// reference: `GET /api/v2/tickets` (updated_since, order_by/order_type, include, page and
// per_page, a `Link: <…>; rel="next"` header while more pages follow), ticket conversations,
// agents, groups, `GET /api/v2/surveys/satisfaction_ratings` (created_since) and the solutions
// tree (categories → folders → articles). Basic auth is the API key with the password "X".
import { basicAuth, ReplayServer, type ReplayRequest, type ReplayResponse } from './replayServer';

export const FRESHDESK_KEY = 'fdKey7Hq2Lm9Xw3Rt6Yp';
const PAGE = 2;
type Obj = Record<string, any>;

const BASE = Date.parse('2026-10-05T09:00:00Z');
const at = (hours: number) => new Date(BASE + Math.round(hours * 3600) * 1000).toISOString().replace('.000Z', 'Z');
/** Hours from the account's first ticket to `date` (changes made "now" in a test). */
export const hoursSinceBase = (date: Date) => (date.getTime() - BASE) / 3600_000;

export class FreshdeskHelpdesk {
	agents: Obj[] = [
		{
			id: 43000001,
			type: 'support_agent',
			available: true,
			occasional: false,
			ticket_scope: 1,
			contact: { name: 'Ana Agent', email: 'ana@acme.example', active: true }
		},
		{
			id: 43000002,
			type: 'support_agent',
			available: true,
			occasional: false,
			ticket_scope: 1,
			contact: { name: 'Answer Bot', email: 'ai@acme.example', active: true }
		}
	];
	groups: Obj[] = [
		{
			id: 5000001,
			name: 'Billing',
			description: '',
			escalate_to: null,
			unassigned_for: '30m',
			agent_ids: [43000001],
			auto_ticket_assign: false
		},
		{
			id: 5000002,
			name: 'Tech',
			description: '',
			escalate_to: null,
			unassigned_for: '30m',
			agent_ids: [43000001],
			auto_ticket_assign: false
		}
	];
	tickets: Obj[] = [];
	conversations = new Map<number, Obj[]>();
	ratings: Obj[] = [];
	categories: Obj[] = [{ id: 6000001, name: 'FAQ', description: null, visible_in_portals: [1] }];
	folders: Obj[] = [{ id: 6100001, category_id: 6000001, name: 'Orders', visibility: 1 }];
	articles: Obj[] = [];
	private nextConversationId = 8800001;

	/** `tickets`: how many (5 in the end-to-end tests). */
	constructor(options: { tickets?: number } = {}) {
		for (let i = 0; i < (options.tickets ?? 5); i++) {
			const id = 201 + i;
			const requester = 30001 + (i % 3);
			this.tickets.push({
				id,
				subject: `Question ${id}`,
				description: `<div>I need help with order ${id}</div>`,
				description_text: `I need help with order ${id}`,
				status: 2,
				priority: 1 + (i % 2),
				source: i % 2 ? 7 : 1,
				type: null,
				tags: ['api'],
				requester_id: requester,
				responder_id: null,
				group_id: 5000001 + (i % 2),
				fr_escalated: false,
				spam: false,
				is_escalated: false,
				custom_fields: {},
				created_at: at(i),
				updated_at: at(i),
				due_by: at(i + 24),
				fr_due_by: at(i + 8),
				stats: { first_responded_at: null, resolved_at: null, closed_at: null, reopened_at: null, status_updated_at: at(i) },
				requester: { id: requester, name: `Customer ${i % 3}`, email: `c${i % 3}@example.com` }
			});
			this.conversations.set(id, []);
			this.reply(id, i + 0.1, 43000002, `Here is how to fix order ${id}.`, false);
			if (i < 3) this.reply(id, i + 0.5, 43000001, `Order ${id} is sorted.`, true);
		}
		this.ratings.push({
			id: 700001,
			survey_id: 90001,
			user_id: 30001,
			agent_id: 43000001,
			group_id: 5000001,
			ticket_id: 201,
			feedback: 'quick',
			ratings: { default_question: 103 },
			created_at: at(2),
			updated_at: at(2)
		});
		for (let i = 0; i < 3; i++) {
			this.articles.push({
				id: 7000001 + i,
				type: 1,
				category_id: 6000001,
				folder_id: 6100001,
				title: `How to topic ${i}`,
				description: `<p>Steps for topic ${i}.</p>`,
				description_text: `Steps for topic ${i}.`,
				status: 2,
				agent_id: 43000001,
				created_at: at(-500),
				updated_at: at(-500 + i)
			});
		}
	}

	/** An agent reply (public), resolving the ticket when `resolve`; moves updated_at on. */
	reply(ticketId: number, hours: number, agentId: number, body: string, resolve: boolean): void {
		const ticket = this.tickets.find((t) => t.id === ticketId)!;
		this.conversations.get(ticketId)!.push({
			id: this.nextConversationId++,
			ticket_id: ticketId,
			user_id: agentId,
			body: `<div>${body}</div>`,
			body_text: body,
			incoming: false,
			private: false,
			source: 0,
			support_email: 'support@acme.example',
			to_emails: [ticket.requester.email],
			from_email: 'support@acme.example',
			attachments: [],
			created_at: at(hours),
			updated_at: at(hours)
		});
		ticket.stats.first_responded_at ??= at(hours);
		if (resolve) {
			ticket.status = 4;
			ticket.responder_id = agentId;
			ticket.stats.resolved_at = at(hours);
			ticket.stats.status_updated_at = at(hours);
		}
		ticket.updated_at = at(hours);
	}
}

/** Page `page` of a list, with the Link header Freshdesk sends while more pages follow. */
function paged(items: Obj[], r: ReplayRequest, origin: string): ReplayResponse {
	const page = Number(r.query.get('page') ?? 1);
	const perPage = Math.min(PAGE, Number(r.query.get('per_page') ?? 30));
	const slice = items.slice((page - 1) * perPage, page * perPage);
	const headers: Record<string, string> = {
		'X-Ratelimit-Total': '700',
		'X-Ratelimit-Remaining': '650',
		'X-Ratelimit-Used-CurrentRequest': '1'
	};
	if (page * perPage < items.length) {
		const next = new URL(r.path, origin);
		for (const [k, v] of r.query) next.searchParams.set(k, v);
		next.searchParams.set('page', String(page + 1));
		headers.Link = `<${next}>; rel="next"`;
	}
	return { body: slice, headers };
}

export async function startFreshdeskReplay(desk = new FreshdeskHelpdesk()): Promise<{ server: ReplayServer; desk: FreshdeskHelpdesk }> {
	const server = await ReplayServer.start(
		(r, origin) => {
			if (r.path === '/api/v2/agents') return paged(desk.agents, r, origin);
			if (r.path === '/api/v2/groups') return paged(desk.groups, r, origin);
			if (r.path === '/api/v2/tickets') {
				// Freshdesk refuses list pages past 300.
				if (Number(r.query.get('page') ?? 1) > 300)
					return {
						status: 400,
						body: {
							description: 'Validation failed',
							errors: [{ field: 'page', message: 'Must be less than or equal to 300', code: 'invalid_value' }]
						}
					};
				const since = Date.parse(r.query.get('updated_since') ?? '1970-01-01T00:00:00Z');
				const include = (r.query.get('include') ?? '').split(',');
				const list = desk.tickets
					.filter((t) => Date.parse(t.updated_at) >= since)
					.sort((a, b) => Date.parse(a.updated_at) - Date.parse(b.updated_at) || a.id - b.id)
					.map(({ description, description_text, stats, requester, ...t }) => ({
						...t,
						...(include.includes('description') ? { description, description_text } : {}),
						...(include.includes('stats') ? { stats } : {}),
						...(include.includes('requester') ? { requester } : {})
					}));
				return paged(list, r, origin);
			}
			const conv = /^\/api\/v2\/tickets\/(\d+)\/conversations$/.exec(r.path);
			if (conv) {
				const list = desk.conversations.get(Number(conv[1]));
				return list ? paged(list, r, origin) : { status: 404, body: { code: 'access_denied', message: 'not found' } };
			}
			if (r.path === '/api/v2/surveys/satisfaction_ratings') {
				const since = Date.parse(r.query.get('created_since') ?? '1970-01-01T00:00:00Z');
				return paged(
					desk.ratings.filter((x) => Date.parse(x.created_at) >= since),
					r,
					origin
				);
			}
			if (r.path === '/api/v2/solutions/categories') return { body: desk.categories };
			const folders = /^\/api\/v2\/solutions\/categories\/(\d+)\/folders$/.exec(r.path);
			if (folders) return { body: desk.folders.filter((f) => f.category_id === Number(folders[1])) };
			const articles = /^\/api\/v2\/solutions\/folders\/(\d+)\/articles$/.exec(r.path);
			if (articles)
				return paged(
					desk.articles.filter((a) => a.folder_id === Number(articles[1])),
					r,
					origin
				);
			return undefined;
		},
		(r) => basicAuth(r) === `${FRESHDESK_KEY}:X`
	);
	return { server, desk };
}

export function freshdeskEnv(server: ReplayServer): Record<string, string> {
	return { FRESHDESK_BASE_URL: server.origin, FRESHDESK_API_KEY: FRESHDESK_KEY, FRESHDESK_DOMAIN: 'acme' };
}
