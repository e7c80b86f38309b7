// A Zendesk account behind a local replay server, written from Zendesk's API reference:
// cursor-based incremental ticket export (`include=metric_sets,users,groups`), the incremental
// user export, ticket audits, groups and satisfaction ratings with cursor pagination
// (`page[size]`, `page[after]`, `meta.has_more`, `links.next`), and Help Center's incremental
// article export with per-article translations. Pages are small so every list spans pages.
import { basicAuth, ReplayServer, unix, type ReplayRequest, type ReplayResponse } from './replayServer';

export const ZENDESK_EMAIL = 'sync-bot@acme.example';
export const ZENDESK_TOKEN = 'zdtok_9f8e7d6c5b4a3f2e1d0c9b8a7f6e5d4c';
let PAGE = 2;

type Obj = Record<string, any>;

const iso = (t: number) => new Date(t * 1000).toISOString().replace('.000Z', 'Z');
const T0 = unix('2026-10-05T09:00:00Z');

export class ZendeskAccount {
	users: Obj[] = [
		{ id: 9001, name: 'Ana Agent', email: 'ana@acme.example', role: 'agent', updated_at: iso(T0 - 86400) },
		{ id: 9002, name: 'Answer Bot', email: 'ai@acme.example', role: 'agent', updated_at: iso(T0 - 86400) },
		{ id: 7001, name: 'Carla Customer', email: 'carla@example.com', role: 'end-user', updated_at: iso(T0 - 3600) },
		{ id: 7002, name: 'Dev Customer', email: 'dev@example.com', role: 'end-user', updated_at: iso(T0 - 3500) },
		{ id: 7003, name: 'Eve Customer', email: 'eve@example.com', role: 'end-user', updated_at: iso(T0 - 3400) }
	];
	groups: Obj[] = [
		{ id: 360001, name: 'Billing', created_at: iso(T0 - 9e6), updated_at: iso(T0 - 9e6) },
		{ id: 360002, name: 'Tech', created_at: iso(T0 - 9e6), updated_at: iso(T0 - 9e6) },
		{ id: 360003, name: 'Returns', created_at: iso(T0 - 9e6), updated_at: iso(T0 - 9e6) }
	];
	tickets: Obj[] = [];
	audits = new Map<number, Obj[]>();
	ratings: Obj[] = [];
	articles: Obj[] = [];
	translations = new Map<number, Obj[]>();
	private nextAuditId = 50_000;

	/** `tickets`: how many (5 in the tests; more to measure); `pageSize`: items per API page. */
	constructor(options: { tickets?: number; pageSize?: number } = {}) {
		PAGE = options.pageSize ?? 2;
		const customers = [7001, 7002, 7003];
		for (let i = 0; i < (options.tickets ?? 5); i++) {
			const id = 101 + i;
			const created = T0 + i * 3600;
			const requester = customers[i % 3];
			this.tickets.push({
				id,
				url: `https://acme.zendesk.com/api/v2/tickets/${id}.json`,
				created_at: iso(created),
				updated_at: iso(created),
				subject: `Question ${id}`,
				description: `I need help with order ${id}`,
				status: 'new',
				priority: i % 2 ? 'high' : 'normal',
				requester_id: requester,
				submitter_id: requester,
				assignee_id: null,
				group_id: 360001 + (i % 2),
				tags: ['api'],
				via: { channel: i % 2 ? 'web' : 'email', source: { from: {}, to: {}, rel: null } },
				custom_fields: [],
				satisfaction_rating: null
			});
			this.audits.set(id, []);
			this.audit(id, created, requester, [
				{ type: 'Comment', author_id: requester, body: `I need help with order ${id}`, public: true },
				{ type: 'Create', field_name: 'status', value: 'new' },
				{ type: 'Create', field_name: 'group_id', value: String(360001 + (i % 2)) }
			]);
			this.audit(id, created + 300, 9002, [{ type: 'Comment', author_id: 9002, body: `Here is how to fix order ${id}.`, public: true }]);
			if (i < 3) this.reply(id, created + 1200, 9001, `Order ${id} is sorted.`, 'solved');
			this.tickets[i].updated_at = iso(created + 1800);
		}
		this.rate(101, 'good', 'quick', T0 + 4000);
		this.rate(102, 'bad', 'slow', T0 + 8000);
		for (let i = 0; i < 3; i++) {
			const id = 4400 + i;
			this.articles.push({
				id,
				url: `https://acme.zendesk.com/api/v2/help_center/en-us/articles/${id}.json`,
				html_url: `https://acme.zendesk.com/hc/en-us/articles/${id}`,
				title: `How to topic ${i}`,
				body: `<p>Steps for topic ${i}.</p>`,
				locale: 'en-us',
				source_locale: 'en-us',
				draft: false,
				section_id: 77,
				created_at: iso(T0 - 9e5 + i * 60),
				updated_at: iso(T0 - 9e5 + i * 60),
				edited_at: iso(T0 - 9e5 + i * 60)
			});
			this.translations.set(id, [
				{
					id: id * 10,
					source_id: id,
					source_type: 'Article',
					locale: 'en-us',
					title: `How to topic ${i}`,
					body: `<p>Steps for topic ${i}.</p>`,
					draft: false,
					updated_at: iso(T0 - 9e5 + i * 60)
				},
				{
					id: id * 10 + 1,
					source_id: id,
					source_type: 'Article',
					locale: 'de',
					title: `Anleitung Thema ${i}`,
					body: `<p>Schritte für Thema ${i}.</p>`,
					draft: false,
					updated_at: iso(T0 - 9e5 + i * 60)
				}
			]);
		}
	}

	private audit(ticketId: number, at: number, author: number, events: Obj[]): void {
		const id = this.nextAuditId++;
		this.audits.get(ticketId)!.push({
			id,
			ticket_id: ticketId,
			created_at: iso(at),
			author_id: author,
			via: { channel: 'web' },
			events: events.map((e, n) => ({ id: id * 10 + n, ...e }))
		});
	}

	/** An agent (or customer) comment, optionally with a status change; bumps updated_at. */
	reply(ticketId: number, at: number, author: number, body: string, status?: string): void {
		const events: Obj[] = [{ type: 'Comment', author_id: author, body, public: true }];
		const ticket = this.tickets.find((t) => t.id === ticketId)!;
		if (status) {
			events.push({ type: 'Change', field_name: 'status', value: status, previous_value: ticket.status });
			ticket.status = status;
		}
		if (author === 9001 && !ticket.assignee_id)
			events.push({ type: 'Change', field_name: 'assignee_id', value: '9001', previous_value: null });
		if (author === 9001) ticket.assignee_id = 9001;
		this.audit(ticketId, at, author, events);
		ticket.updated_at = iso(at);
	}

	rate(ticketId: number, score: string, comment: string, at: number): void {
		const ticket = this.tickets.find((t) => t.id === ticketId)!;
		ticket.satisfaction_rating = { score, comment };
		this.ratings.push({
			id: 880000 + ticketId,
			ticket_id: ticketId,
			requester_id: ticket.requester_id,
			assignee_id: 9001,
			group_id: ticket.group_id,
			score,
			comment,
			created_at: iso(at),
			updated_at: iso(at)
		});
	}

	metricSet(t: Obj): Obj {
		const solved = this.audits.get(t.id)!.find((a) => a.events.some((e: Obj) => e.field_name === 'status' && e.value === 'solved'));
		return {
			id: t.id * 7,
			ticket_id: t.id,
			created_at: t.created_at,
			updated_at: t.updated_at,
			reopens: 0,
			replies: this.audits.get(t.id)!.filter((a) => a.author_id !== t.requester_id).length,
			group_stations: 1,
			assignee_stations: t.assignee_id ? 1 : 0,
			solved_at: solved?.created_at ?? null,
			assigned_at: t.assignee_id ? t.updated_at : null,
			initially_assigned_at: t.assignee_id ? t.updated_at : null,
			reply_time_in_minutes: { calendar: 5, business: 5 },
			full_resolution_time_in_minutes: solved ? { calendar: 20, business: 20 } : { calendar: null, business: null }
		};
	}
}

const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const dec = (s: string) => JSON.parse(Buffer.from(s, 'base64url').toString('utf8'));

/** Incremental cursor export over items ordered by (updated_at, id). */
function incremental(items: Obj[], r: ReplayRequest): { page: Obj[]; after_cursor: string; end_of_stream: boolean } {
	const ordered = [...items].sort((a, b) => unix(a.updated_at) - unix(b.updated_at) || a.id - b.id);
	const cursor = r.query.get('cursor');
	const from = cursor ? (dec(cursor) as { t: number; id: number }) : { t: Number(r.query.get('start_time') ?? 0), id: -1 };
	const rest = ordered.filter((x) => unix(x.updated_at) > from.t || (unix(x.updated_at) === from.t && x.id > from.id));
	const page = rest.slice(0, PAGE);
	const last = page.at(-1);
	return { page, after_cursor: enc(last ? { t: unix(last.updated_at), id: last.id } : from), end_of_stream: rest.length <= PAGE };
}

/** Zendesk's cursor pagination for list endpoints. */
function cursorList(key: string, items: Obj[], r: ReplayRequest, origin: string): ReplayResponse {
	const size = Math.min(PAGE, Number(r.query.get('page[size]') ?? 100));
	const after = r.query.get('page[after]');
	const start = after ? Number(dec(after)) : 0;
	const page = items.slice(start, start + size);
	const hasMore = start + size < items.length;
	const next = new URL(r.path, origin);
	for (const [k, v] of r.query) if (k !== 'page[after]') next.searchParams.set(k, v);
	next.searchParams.set('page[after]', enc(start + size));
	return {
		body: {
			[key]: page,
			meta: { has_more: hasMore, after_cursor: hasMore ? enc(start + size) : null, before_cursor: null },
			links: { next: hasMore ? next.toString() : null, prev: null }
		}
	};
}

export async function startZendeskReplay(account = new ZendeskAccount()): Promise<{ server: ReplayServer; account: ZendeskAccount }> {
	const server = await ReplayServer.start(
		(r, origin) => {
			if (r.path === '/api/v2/groups') return cursorList('groups', account.groups, r, origin);
			if (r.path === '/api/v2/incremental/users/cursor.json') {
				const { page, ...rest } = incremental(account.users, r);
				return { body: { users: page, ...rest, after_url: null, before_url: null, before_cursor: null } };
			}
			if (r.path === '/api/v2/incremental/tickets/cursor.json') {
				const { page, ...rest } = incremental(account.tickets, r);
				const include = (r.query.get('include') ?? '').split(',');
				const body: Obj = {
					tickets: page.map((t) => ({ ...t })),
					...rest,
					after_url: `${origin}${r.path}?cursor=${rest.after_cursor}`,
					before_url: null,
					before_cursor: null
				};
				if (include.includes('metric_sets')) body.metric_sets = page.map((t) => account.metricSet(t));
				if (include.includes('users')) {
					const ids = new Set(page.flatMap((t) => [t.requester_id, t.assignee_id]));
					body.users = account.users.filter((u) => ids.has(u.id));
				}
				if (include.includes('groups')) body.groups = account.groups.filter((g) => page.some((t) => t.group_id === g.id));
				return { body };
			}
			const audits = /^\/api\/v2\/tickets\/(\d+)\/audits$/.exec(r.path);
			if (audits) {
				const list = account.audits.get(Number(audits[1]));
				if (!list) return { status: 404, body: { error: 'RecordNotFound', description: 'Not found' } };
				const res = cursorList('audits', list, r, origin);
				if (r.query.get('include')?.includes('users')) {
					const ids = new Set(list.map((a) => a.author_id));
					(res.body as Obj).users = account.users.filter((u) => ids.has(u.id));
				}
				return res;
			}
			if (r.path === '/api/v2/satisfaction_ratings') {
				const since = Number(r.query.get('start_time') ?? 0);
				return cursorList(
					'satisfaction_ratings',
					account.ratings.filter((x) => unix(x.updated_at) >= since),
					r,
					origin
				);
			}
			if (r.path === '/api/v2/help_center/incremental/articles') {
				const start = Number(r.query.get('start_time') ?? 0);
				const rest = [...account.articles]
					.sort((a, b) => unix(a.updated_at) - unix(b.updated_at))
					.filter((a) => unix(a.updated_at) >= start);
				const page = rest.slice(0, PAGE);
				const endTime = page.length ? unix(page.at(-1)!.updated_at) : start;
				const more = rest.length > PAGE;
				return {
					body: {
						articles: page,
						count: page.length,
						end_time: endTime,
						next_page: more ? `${origin}${r.path}?start_time=${endTime + 1}` : null
					}
				};
			}
			const translations = /^\/api\/v2\/help_center\/articles\/(\d+)\/translations$/.exec(r.path);
			if (translations)
				return {
					body: { translations: account.translations.get(Number(translations[1])) ?? [], next_page: null, previous_page: null, count: 2 }
				};
			return undefined;
		},
		(r) => basicAuth(r) === `${ZENDESK_EMAIL}/token:${ZENDESK_TOKEN}`
	);
	return { server, account };
}

export function zendeskEnv(server: ReplayServer): Record<string, string> {
	return { ZENDESK_BASE_URL: server.origin, ZENDESK_EMAIL, ZENDESK_API_TOKEN: ZENDESK_TOKEN, ZENDESK_SUBDOMAIN: 'acme' };
}
