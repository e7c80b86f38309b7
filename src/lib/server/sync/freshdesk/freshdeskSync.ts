// Freshdesk through its API v2: agents and groups (whole lists), tickets updated since the
// last sync (oldest change first, with their descriptions) and every such ticket's
// conversations, satisfaction ratings, and solution articles (categories → folders →
// articles). Pages follow the `Link: <…>; rel="next"` header; the ticket list stops at page
// 300, so the walk restarts from the last ticket's updated_at there. Bodies are staged as
// Freshdesk sent them, for the Freshdesk file adapter.
import { SyncHttp } from '../SyncHttp';
import { baseUrlFrom, requireEnv } from '../syncSettings';
import { forEachLimited } from '../forEachLimited';
import { nextSince, streamStart } from '../streamStart';
import type { SyncContext, VendorSync } from '../VendorSync';

export interface FreshdeskConfig {
	baseUrl: string;
	apiKey: string;
}

const PER_PAGE = 100;
/** Freshdesk refuses list pages past this one. */
const MAX_PAGE = 300;

type Position = { since: string; page?: number };

/** The `rel="next"` URL of a Link header. */
export function nextLink(headers: Headers): string | undefined {
	const link = headers.get('link');
	return link
		?.split(',')
		.map((part) => /<([^>]+)>\s*;\s*rel="?next"?/.exec(part)?.[1])
		.find(Boolean);
}

type Item = Record<string, unknown>;

/** Every page of a list endpoint; `each` gets each page's items and body. */
async function allPages(
	ctx: SyncContext,
	path: string,
	query: Record<string, string | number>,
	each: (items: Item[], body: unknown) => void,
	allow404 = false
): Promise<boolean> {
	let url: string | undefined = path;
	let q: typeof query | undefined = { ...query, per_page: PER_PAGE };
	while (url) {
		const r = await ctx.http.get(url, { query: q, allow: allow404 ? [404] : [] });
		if (r.status === 404) return false;
		each(Array.isArray(r.body) ? (r.body as Item[]) : [], r.body);
		url = nextLink(r.headers);
		q = undefined;
	}
	return true;
}

async function wholeList(ctx: SyncContext, name: string, path: string): Promise<void> {
	const stream = ctx.stream(name, { primary: false });
	if (stream.done) return;
	await allPages(ctx, path, {}, (_items, body) => stream.add(body, 0));
	stream.finish();
}

async function syncTickets(ctx: SyncContext): Promise<void> {
	const tickets = ctx.stream('tickets');
	const conversations = ctx.stream('conversations', { primary: false });
	if (tickets.done) return;
	let position = streamStart<Position>(ctx, tickets, (since) => ({ since: since.toISOString() }));
	for (;;) {
		const page = position.page ?? 1;
		const r = await ctx.http.get('/api/v2/tickets', {
			query: {
				updated_since: position.since,
				order_by: 'updated_at',
				order_type: 'asc',
				per_page: PER_PAGE,
				page,
				include: 'description,requester,stats'
			}
		});
		const items = Array.isArray(r.body) ? (r.body as Item[]) : [];
		// Conversations first, then the page with its cursor: a resume never keeps a ticket without them.
		await forEachLimited(items, ctx.concurrency, (ticket) =>
			allPages(
				ctx,
				`/api/v2/tickets/${encodeURIComponent(String(ticket.id))}/conversations`,
				{},
				(_c, body) => conversations.add(body, 0),
				true
			).then(() => {})
		);
		const more = nextLink(r.headers) !== undefined && items.length > 0;
		const last = items.at(-1)?.updated_at;
		const next: Position =
			more && page < MAX_PAGE
				? { since: position.since, page: page + 1 }
				: more && typeof last === 'string'
					? { since: last, page: 1 }
					: position;
		tickets.page(r.body, items.length, next);
		ctx.progress.add(items.length);
		if (!more) break;
		position = next;
	}
	tickets.finish({ since: nextSince(ctx).toISOString() });
}

export const freshdeskSync: VendorSync<FreshdeskConfig> = {
	source: 'freshdesk',
	format: 'freshdesk',
	requiredEnv: ['FRESHDESK_DOMAIN', 'FRESHDESK_API_KEY'],
	isConfigured: (env) => !!env.FRESHDESK_API_KEY?.trim() && !!(env.FRESHDESK_DOMAIN?.trim() || env.FRESHDESK_BASE_URL?.trim()),
	configFromEnv(env) {
		const [apiKey] = requireEnv(env, 'freshdesk', ['FRESHDESK_API_KEY']);
		const baseUrl = baseUrlFrom(env, 'FRESHDESK_BASE_URL', () => {
			const [domain] = requireEnv(env, 'freshdesk', ['FRESHDESK_DOMAIN']);
			return `https://${domain.replace(/^https?:\/\//, '').replace(/\.freshdesk\.com\/?$/i, '')}.freshdesk.com`;
		});
		return { baseUrl, apiKey };
	},
	client(config, { onWait, settings }) {
		const basic = Buffer.from(`${config.apiKey}:X`).toString('base64');
		return new SyncHttp({
			vendor: 'freshdesk',
			baseUrl: config.baseUrl,
			authHeaders: async () => ({ Authorization: `Basic ${basic}` }),
			credentialVars: 'FRESHDESK_API_KEY',
			endpointVars: 'FRESHDESK_DOMAIN (or FRESHDESK_BASE_URL)',
			maxRetries: settings.maxRetries,
			retryBaseMs: settings.retryBaseMs,
			onWait
		});
	},
	async fetch(ctx) {
		await wholeList(ctx, 'agents', '/api/v2/agents');
		await wholeList(ctx, 'groups', '/api/v2/groups');
		await syncTickets(ctx);

		const ratings = ctx.stream('satisfaction_ratings');
		if (!ratings.done) {
			const { since } = streamStart<Position>(ctx, ratings, (s) => ({ since: s.toISOString() }));
			await allPages(
				ctx,
				'/api/v2/surveys/satisfaction_ratings',
				{ created_since: since },
				(items, body) => {
					ratings.add(body, items.length);
					ctx.progress.add(items.length);
				},
				true
			);
			ratings.finish({ since: nextSince(ctx).toISOString() });
		}

		// Solutions have no "changed since" filter: walk the tree, stage only articles changed since.
		const articles = ctx.stream('solution_articles');
		if (!articles.done) {
			const since = Date.parse(streamStart<Position>(ctx, articles, (s) => ({ since: s.toISOString() })).since);
			const categories: Item[] = [];
			const found = await allPages(ctx, '/api/v2/solutions/categories', {}, (items) => categories.push(...items), true);
			if (!found) ctx.note('solutions answered 404: articles skipped');
			for (const category of categories) {
				const folders: Item[] = [];
				await allPages(
					ctx,
					`/api/v2/solutions/categories/${encodeURIComponent(String(category.id))}/folders`,
					{},
					(items) => folders.push(...items),
					true
				);
				await forEachLimited(folders, ctx.concurrency, async (folder) => {
					await allPages(
						ctx,
						`/api/v2/solutions/folders/${encodeURIComponent(String(folder.id))}/articles`,
						{},
						(items) => {
							const changed = items.filter((a) => !(Date.parse(String(a.updated_at)) <= since));
							if (changed.length) articles.add(changed, changed.length);
							ctx.progress.add(changed.length);
						},
						true
					);
				});
			}
			articles.finish({ since: nextSince(ctx).toISOString() });
		}
	}
};
