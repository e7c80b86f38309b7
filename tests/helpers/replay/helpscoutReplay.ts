// A Help Scout account behind a local replay server, written from Help Scout's Mailbox API 2.0
// and Docs API v1 references: `POST /v2/oauth2/token` (client credentials → a bearer token
// that expires), HAL lists (`_embedded`, `page.{number,totalPages,totalElements}`) for users,
// mailboxes and `GET /v2/conversations` (status, modifiedSince, sortField/sortOrder, page,
// `embed=threads`), and Docs collections → article references → `GET /v1/articles/{id}`
// (Basic auth with the Docs API key). Rate-limit headers ride on every Mailbox API answer.
import { basicAuth, ReplayServer, type ReplayRequest, type ReplayResponse } from './replayServer';

export const HELPSCOUT_APP_ID = 'hsAppId4Kq8Zt2Wn';
export const HELPSCOUT_APP_SECRET = 'hsSecret9Vb3Xr7Lm1Pq5Dy';
export const HELPSCOUT_DOCS_KEY = 'hsDocsKey2Jf6Gh8Ks0';
const PAGE = 2;
type Obj = Record<string, any>;

const BASE = Date.parse('2026-10-05T09:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const at = (hours: number) => iso(BASE + hours * 3600_000);

export class HelpScoutAccount {
	users: Obj[] = [
		{ id: 510001, firstName: 'Ana', lastName: 'Agent', email: 'ana@acme.example', role: 'user', type: 'user', timezone: 'UTC' },
		{ id: 510002, firstName: 'Answer', lastName: 'Bot', email: 'ai@acme.example', role: 'user', type: 'user', timezone: 'UTC' }
	];
	mailboxes: Obj[] = [
		{ id: 990001, name: 'Support', slug: 'support', email: 'support@acme.example', createdAt: at(-9000), updatedAt: at(-9000) }
	];
	conversations: Obj[] = [];
	collections: Obj[] = [
		{
			id: '5f1a',
			siteId: 'site1',
			number: 1,
			slug: 'faq',
			visibility: 'public',
			order: 1,
			name: 'FAQ',
			articleCount: 3,
			publishedArticleCount: 3,
			createdAt: at(-9000),
			updatedAt: at(-9000)
		}
	];
	articles: Obj[] = [];
	/** Tokens handed out; a test can expire them all. */
	tokens = new Set<string>();
	private nextThreadId = 7700001;

	constructor() {
		for (let i = 0; i < 5; i++) {
			const id = 868570001 + i;
			const customer = { id: 320001 + (i % 3), type: 'customer', first: `Customer`, last: `${i % 3}`, email: `c${i % 3}@example.com` };
			const c: Obj = {
				id,
				number: 191000 + i,
				threads: 0,
				type: 'email',
				folderId: 1675979,
				status: 'active',
				state: 'published',
				subject: `Question ${id}`,
				preview: `I need help with order ${id}`,
				mailboxId: 990001,
				createdBy: customer,
				createdAt: at(i),
				closedBy: 0,
				userUpdatedAt: at(i),
				customerWaitingSince: { time: at(i), friendly: '' },
				source: { type: 'email', via: 'customer' },
				tags: [{ id: 1, color: '#929499', tag: 'api' }],
				cc: [],
				bcc: [],
				primaryCustomer: customer,
				customFields: [],
				_embedded: { threads: [] as Obj[] },
				_links: {}
			};
			this.conversations.push(c);
			this.thread(c, i, 'customer', customer, `I need help with order ${id}`);
			this.thread(
				c,
				i + 0.1,
				'reply',
				{ id: 510002, type: 'user', first: 'Answer', last: 'Bot', email: 'ai@acme.example' },
				`Here is how to fix order ${id}.`
			);
			if (i < 3) this.reply(c.id, i + 0.5, `Order ${id} is sorted.`);
		}
		for (let i = 0; i < 3; i++) {
			this.articles.push({
				id: `a${i}`,
				number: i + 1,
				collectionId: '5f1a',
				slug: `topic-${i}`,
				status: 'published',
				hasDraft: false,
				name: `How to topic ${i}`,
				text: `<p>Steps for topic ${i}.</p>`,
				categories: [],
				related: [],
				publicUrl: `https://docs.acme.example/article/${i}`,
				popularity: 1,
				viewCount: 1,
				createdBy: 510001,
				updatedBy: 510001,
				createdAt: at(-500),
				updatedAt: at(-500 + i),
				lastPublishedAt: at(-500 + i)
			});
		}
	}

	private thread(c: Obj, hours: number, type: string, by: Obj, body: string, status = 'active'): void {
		const threads = c._embedded.threads as Obj[];
		threads.unshift({
			id: this.nextThreadId++,
			type,
			status,
			state: 'published',
			action: null,
			body,
			source: { type: 'email', via: by.type === 'customer' ? 'customer' : 'user' },
			customer: c.primaryCustomer,
			createdBy: by,
			assignedTo: null,
			to: [],
			cc: [],
			bcc: [],
			createdAt: at(hours),
			_embedded: { attachments: [] }
		});
		c.threads = threads.length;
		c.userUpdatedAt = at(hours);
	}

	/** An agent reply that closes the conversation; moves its modification time on. */
	reply(id: number, hours: number, body: string): void {
		const c = this.conversations.find((x) => x.id === id)!;
		this.thread(c, hours, 'reply', { id: 510001, type: 'user', first: 'Ana', last: 'Agent', email: 'ana@acme.example' }, body, 'closed');
		c.status = 'closed';
		c.closedBy = 510001;
		c.closedAt = at(hours);
	}
}

/** Hours from the account's first conversation to `date` (changes made "now" in a test). */
export const hoursSinceBase = (date: Date) => (date.getTime() - BASE) / 3600_000;

const RATE = { 'X-RateLimit-Limit-Minute': '400', 'X-RateLimit-Remaining-Minute': '399' };

function halPage(key: string, items: Obj[], r: ReplayRequest, origin: string): ReplayResponse {
	const page = Number(r.query.get('page') ?? 1);
	const slice = items.slice((page - 1) * PAGE, page * PAGE);
	const totalPages = Math.max(1, Math.ceil(items.length / PAGE));
	const link = (p: number) => {
		const u = new URL(r.path, origin);
		for (const [k, v] of r.query) u.searchParams.set(k, v);
		u.searchParams.set('page', String(p));
		return { href: u.toString() };
	};
	return {
		headers: RATE,
		body: {
			_embedded: { [key]: slice },
			_links: { self: link(page), first: link(1), last: link(totalPages), ...(page < totalPages ? { next: link(page + 1) } : {}) },
			page: { size: PAGE, totalElements: items.length, totalPages, number: page }
		}
	};
}

export async function startHelpScoutReplay(account = new HelpScoutAccount()): Promise<{ server: ReplayServer; account: HelpScoutAccount }> {
	let issued = 0;
	const server = await ReplayServer.start(
		(r, origin) => {
			if (r.method === 'POST' && r.path === '/v2/oauth2/token') {
				const form = r.body as Obj;
				if (
					form.grant_type !== 'client_credentials' ||
					form.client_id !== HELPSCOUT_APP_ID ||
					form.client_secret !== HELPSCOUT_APP_SECRET
				) {
					return { status: 401, body: { error: 'invalid_client', error_description: 'Bad client credentials' } };
				}
				const token = `hsAccess${++issued}x${Math.random().toString(36).slice(2, 10)}`;
				account.tokens.add(token);
				return { body: { token_type: 'bearer', access_token: token, expires_in: 172800 } };
			}
			if (r.path === '/v2/users') return halPage('users', account.users, r, origin);
			if (r.path === '/v2/mailboxes') return halPage('mailboxes', account.mailboxes, r, origin);
			if (r.path === '/v2/conversations') {
				const since = Date.parse(r.query.get('modifiedSince') ?? '1970-01-01T00:00:00Z');
				const embedThreads = r.query.get('embed') === 'threads';
				const list = account.conversations
					.filter((c) => Date.parse(c.userUpdatedAt) >= since)
					.sort((a, b) => Date.parse(a.userUpdatedAt) - Date.parse(b.userUpdatedAt) || a.id - b.id)
					.map((c) => (embedThreads ? c : { ...c, _embedded: undefined }));
				return halPage('conversations', list, r, origin);
			}
			if (r.path === '/v1/collections')
				return { body: { collections: { page: 1, pages: 1, count: account.collections.length, items: account.collections } } };
			const refs = /^\/v1\/collections\/([^/]+)\/articles$/.exec(r.path);
			if (refs) {
				const page = Number(r.query.get('page') ?? 1);
				const all = account.articles.filter((a) => a.collectionId === refs[1]).map(({ text: _text, ...ref }) => ref);
				return {
					body: {
						articles: { page, pages: Math.ceil(all.length / PAGE), count: all.length, items: all.slice((page - 1) * PAGE, page * PAGE) }
					}
				};
			}
			const one = /^\/v1\/articles\/([^/]+)$/.exec(r.path);
			if (one) {
				const a = account.articles.find((x) => x.id === one[1]);
				return a ? { body: { article: a } } : { status: 404, body: { error: 'Not found' } };
			}
			return undefined;
		},
		(r) => {
			if (r.path === '/v2/oauth2/token') return true;
			if (r.path.startsWith('/v1/')) return basicAuth(r) === `${HELPSCOUT_DOCS_KEY}:X`;
			const bearer = r.headers.authorization?.replace(/^Bearer /, '');
			return !!bearer && account.tokens.has(bearer);
		}
	);
	return { server, account };
}

export function helpscoutEnv(server: ReplayServer): Record<string, string> {
	return {
		HELPSCOUT_BASE_URL: server.origin,
		HELPSCOUT_DOCS_BASE_URL: server.origin,
		HELPSCOUT_APP_ID,
		HELPSCOUT_APP_SECRET,
		HELPSCOUT_DOCS_API_KEY: HELPSCOUT_DOCS_KEY
	};
}
