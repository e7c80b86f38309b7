// An Intercom workspace behind a local replay server, written from Intercom's REST API
// reference (2.11): `GET /admins`, `GET /teams`, `POST /contacts/search` and
// `POST /conversations/search` (a query on updated_at, cursor pagination via
// `pagination.starting_after` and `pages.next.starting_after`), `GET /conversations/{id}` with
// its conversation_parts, and `GET /articles` (page-numbered, `pages.next` a URL).
import { ReplayServer, type ReplayRequest, type ReplayResponse } from './replayServer';

export const INTERCOM_TOKEN = 'dG9rOmIxYzJkM2U0LWY1YTYtNzg5MC1hYmNkLWVmMDEyMzQ1Njc4OQ==';
const PAGE = 2;
type Obj = Record<string, any>;

const T0 = Math.floor(Date.parse('2026-10-05T09:00:00Z') / 1000);

export class IntercomWorkspace {
	admins: Obj[] = [
		{
			type: 'admin',
			id: '814860',
			name: 'Ana Agent',
			email: 'ana@acme.example',
			away_mode_enabled: false,
			has_inbox_seat: true,
			team_ids: ['5017691']
		},
		{
			type: 'admin',
			id: '814861',
			name: 'Ben Agent',
			email: 'ben@acme.example',
			away_mode_enabled: false,
			has_inbox_seat: true,
			team_ids: ['5017692']
		}
	];
	teams: Obj[] = [
		{ type: 'team', id: '5017691', name: 'Billing', admin_ids: [814860] },
		{ type: 'team', id: '5017692', name: 'Tech', admin_ids: [814861] }
	];
	contacts: Obj[] = [];
	conversations: Obj[] = [];
	articles: Obj[] = [];

	constructor() {
		for (let i = 0; i < 3; i++) {
			this.contacts.push({
				type: 'contact',
				id: `6657a${i}`,
				external_id: `cust-${i}`,
				role: 'user',
				email: `c${i}@example.com`,
				name: `Customer ${i}`,
				created_at: T0 - 9e5,
				updated_at: T0 - 9e5 + i
			});
		}
		for (let i = 0; i < 5; i++) {
			const created = T0 + i * 3600;
			const contact = this.contacts[i % 3];
			const handedOff = i % 2 === 1;
			const parts: Obj[] = [
				part(
					`${i}01`,
					'comment',
					created + 30,
					{ type: 'bot', id: '9000', name: 'Fin', email: 'operator+acme@intercom.io' },
					`<p>Here is how to fix issue ${i}.</p>`
				)
			];
			if (handedOff) {
				parts.push(
					part(`${i}02`, 'assignment', created + 60, { type: 'bot', id: '9000', name: 'Fin', email: 'operator+acme@intercom.io' }, null, {
						type: 'team',
						id: '5017691'
					})
				);
				parts.push(
					part(
						`${i}03`,
						'comment',
						created + 600,
						{ type: 'admin', id: '814860', name: 'Ana Agent', email: 'ana@acme.example' },
						`<p>I sorted issue ${i}.</p>`
					)
				);
			}
			parts.push(
				part(
					`${i}09`,
					'close',
					created + 900,
					{ type: handedOff ? 'admin' : 'bot', id: handedOff ? '814860' : '9000', name: 'x', email: '' },
					null
				)
			);
			this.conversations.push({
				type: 'conversation',
				id: String(2_000_000 + i),
				title: null,
				created_at: created,
				updated_at: created + 900,
				waiting_since: null,
				snoozed_until: null,
				open: false,
				state: 'closed',
				read: true,
				priority: 'not_priority',
				admin_assignee_id: handedOff ? 814860 : null,
				team_assignee_id: handedOff ? '5017691' : null,
				tags: { type: 'tag.list', tags: [] },
				conversation_rating:
					i === 0
						? { rating: 5, remark: 'great', created_at: created + 950, contact: { type: 'contact', id: contact.id }, teammate: null }
						: null,
				source: {
					type: 'conversation',
					id: String(3_000_000 + i),
					delivered_as: 'customer_initiated',
					subject: '',
					body: `<p>I have issue ${i} with my account</p>`,
					author: { type: 'user', id: contact.id, name: contact.name, email: contact.email },
					attachments: [],
					url: null,
					redacted: false
				},
				contacts: { type: 'contact.list', contacts: [{ type: 'contact', id: contact.id, external_id: contact.external_id }] },
				teammates: { type: 'admin.list', admins: [] },
				custom_attributes: {},
				statistics: {
					type: 'conversation_statistics',
					first_contact_reply_at: created,
					first_close_at: created + 900,
					last_close_at: created + 900,
					count_reopens: 0,
					count_assignments: handedOff ? 1 : 0,
					count_conversation_parts: parts.length
				},
				conversation_parts: { type: 'conversation_part.list', conversation_parts: parts, total_count: parts.length },
				ai_agent_participated: true,
				ai_agent: {
					source_type: 'essentials_plan_setup',
					last_answer_type: 'ai_answer',
					resolution_state: handedOff ? 'routed_to_team' : 'assumed_resolution',
					rating: null,
					rating_remark: null,
					content_sources: { type: 'content_source.list', total_count: 0, content_sources: [] }
				}
			});
		}
		for (let i = 0; i < 3; i++) {
			this.articles.push({
				type: 'article',
				id: String(39 + i),
				workspace_id: 'acme',
				title: `Guide ${i}`,
				description: '',
				body: `<p>Guide body ${i}</p>`,
				author_id: 814860,
				state: 'published',
				created_at: T0 - 9e5,
				updated_at: T0 - 9e5 + i,
				url: `https://help.acme.example/articles/${39 + i}`,
				default_locale: 'en'
			});
		}
	}

	/** A new admin reply reopening and closing the conversation: updated_at moves on. */
	reply(id: string, at: number, body: string): void {
		const c = this.conversations.find((x) => x.id === id)!;
		const list = c.conversation_parts.conversation_parts as Obj[];
		list.push(
			part(
				`${id}-r${list.length}`,
				'comment',
				at,
				{ type: 'admin', id: '814861', name: 'Ben Agent', email: 'ben@acme.example' },
				`<p>${body}</p>`
			)
		);
		c.conversation_parts.total_count = list.length;
		c.updated_at = at;
	}
}

function part(id: string, partType: string, at: number, author: Obj, body: string | null, assignedTo: Obj | null = null): Obj {
	return {
		type: 'conversation_part',
		id,
		part_type: partType,
		body,
		created_at: at,
		updated_at: at,
		notified_at: at,
		assigned_to: assignedTo,
		author,
		attachments: [],
		external_id: null,
		redacted: false
	};
}

/** The search endpoints: `updated_at > value`, ordered by id, cursor = last id of the page. */
function search(items: Obj[], key: string, listType: string, r: ReplayRequest, strip?: (x: Obj) => Obj): ReplayResponse {
	const body = r.body as Obj;
	const q = body?.query ?? {};
	if (q.field !== 'updated_at' || q.operator !== '>')
		return { status: 400, body: { type: 'error.list', errors: [{ code: 'parameter_invalid', message: 'unsupported query' }] } };
	const matching = items.filter((x) => x.updated_at > Number(q.value)).sort((a, b) => (a.id < b.id ? -1 : 1));
	const after = body.pagination?.starting_after;
	const start = after ? matching.findIndex((x) => x.id === Buffer.from(after, 'base64url').toString()) + 1 : 0;
	const perPage = Math.min(PAGE, Number(body.pagination?.per_page ?? 20));
	const page = matching.slice(start, start + perPage);
	const more = start + perPage < matching.length;
	return {
		body: {
			type: listType,
			[key]: page.map((x) => (strip ? strip(x) : x)),
			total_count: matching.length,
			pages: {
				type: 'pages',
				page: Math.floor(start / perPage) + 1,
				per_page: perPage,
				total_pages: Math.ceil(matching.length / perPage),
				...(more
					? { next: { page: Math.floor(start / perPage) + 2, starting_after: Buffer.from(page.at(-1)!.id).toString('base64url') } }
					: {})
			}
		}
	};
}

export async function startIntercomReplay(
	workspace = new IntercomWorkspace()
): Promise<{ server: ReplayServer; workspace: IntercomWorkspace }> {
	const server = await ReplayServer.start(
		(r, origin) => {
			if (r.method === 'GET' && r.path === '/admins') return { body: { type: 'admin.list', admins: workspace.admins } };
			if (r.method === 'GET' && r.path === '/teams') return { body: { type: 'team.list', teams: workspace.teams } };
			if (r.method === 'POST' && r.path === '/contacts/search') return search(workspace.contacts, 'data', 'list', r);
			if (r.method === 'POST' && r.path === '/conversations/search') {
				// Search results carry no parts: a conversation is read whole by id.
				return search(workspace.conversations, 'conversations', 'conversation.list', r, ({ conversation_parts: _parts, ...rest }) => rest);
			}
			const one = /^\/conversations\/(\d+)$/.exec(r.path);
			if (r.method === 'GET' && one) {
				const c = workspace.conversations.find((x) => x.id === one[1]);
				return c
					? { body: c }
					: { status: 404, body: { type: 'error.list', errors: [{ code: 'not_found', message: 'Resource Not Found' }] } };
			}
			if (r.method === 'GET' && r.path === '/articles') {
				const page = Number(r.query.get('page') ?? 1);
				const perPage = PAGE;
				const data = workspace.articles.slice((page - 1) * perPage, page * perPage);
				const totalPages = Math.ceil(workspace.articles.length / perPage);
				return {
					body: {
						type: 'list',
						pages: {
							type: 'pages',
							page,
							per_page: perPage,
							total_pages: totalPages,
							next: page < totalPages ? `${origin}/articles?page=${page + 1}&per_page=${perPage}` : null
						},
						total_count: workspace.articles.length,
						data
					}
				};
			}
			return undefined;
		},
		(r) => r.headers.authorization === `Bearer ${INTERCOM_TOKEN}` && r.headers['intercom-version'] !== undefined
	);
	return { server, workspace };
}

export function intercomEnv(server: ReplayServer): Record<string, string> {
	return { INTERCOM_BASE_URL: server.origin, INTERCOM_TOKEN };
}
