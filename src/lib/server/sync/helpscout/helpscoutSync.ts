// Help Scout through the Mailbox API 2.0 (an OAuth2 client-credentials token from
// HELPSCOUT_APP_ID/HELPSCOUT_APP_SECRET, renewed when it expires): users and mailboxes (whole
// lists), conversations modified since the last sync with their threads embedded (oldest
// change first), and — when HELPSCOUT_DOCS_API_KEY is set — Docs articles changed since
// (Docs API v1, its own key). Bodies are staged as Help Scout sent them, for its file adapter.
import { SyncHttp } from '../SyncHttp';
import { baseUrlFrom, requireEnv } from '../syncSettings';
import { forEachLimited } from '../forEachLimited';
import { arrayField, field } from '../responseFields';
import { nextSince, streamStart } from '../streamStart';
import type { SyncContext, VendorSync } from '../VendorSync';
import { SyncAuthError } from '../../errors';

export interface HelpScoutConfig {
	baseUrl: string;
	appId: string;
	appSecret: string;
	docs: { baseUrl: string; apiKey: string } | null;
}

type Position = { since: string; page?: number };
type Item = Record<string, unknown>;

/** Help Scout wants ISO times without milliseconds. */
const isoSeconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** HAL lists: `_embedded.<key>` and `page.{number,totalPages,totalElements}`. */
function embedded(body: unknown, key: string): Item[] {
	return arrayField(field<unknown>(body, '_embedded'), key);
}
function pageInfo(body: unknown): { number: number; totalPages: number; totalElements: number } {
	const p = field<Record<string, number>>(body, 'page') ?? {};
	return { number: Number(p.number ?? 1), totalPages: Number(p.totalPages ?? 1), totalElements: Number(p.totalElements ?? 0) };
}

async function wholeList(ctx: SyncContext, name: string, path: string): Promise<void> {
	const stream = ctx.stream(name, { primary: false });
	if (stream.done) return;
	for (let page = 1; ; page++) {
		const { body } = await ctx.http.get(path, { query: { page } });
		stream.add(body, 0);
		if (page >= pageInfo(body).totalPages) break;
	}
	stream.finish();
}

async function syncConversations(ctx: SyncContext): Promise<void> {
	const conversations = ctx.stream('conversations');
	if (conversations.done) return;
	let position = streamStart<Position>(ctx, conversations, (since) => ({ since: isoSeconds(since) }));
	for (;;) {
		const page = position.page ?? 1;
		const { body } = await ctx.http.get('/v2/conversations', {
			query: { status: 'all', embed: 'threads', sortField: 'modifiedAt', sortOrder: 'asc', modifiedSince: position.since, page }
		});
		const items = embedded(body, 'conversations');
		const info = pageInfo(body);
		if (page === 1) ctx.progress.expect(info.totalElements);
		const more = info.number < info.totalPages && items.length > 0;
		const next: Position = more ? { since: position.since, page: page + 1 } : position;
		conversations.page(body, items.length, next);
		ctx.progress.add(items.length);
		if (!more) break;
		position = next;
	}
	conversations.finish({ since: isoSeconds(nextSince(ctx)) });
}

/** Docs API v1: collections → article references (with updatedAt) → each changed article whole. */
async function syncDocsArticles(ctx: SyncContext, docs: SyncHttp): Promise<void> {
	const articles = ctx.stream('docs_articles');
	if (articles.done) return;
	const since = Date.parse(streamStart<Position>(ctx, articles, (s) => ({ since: isoSeconds(s) })).since);
	const collections: Item[] = [];
	for (let page = 1; ; page++) {
		const { body } = await docs.get('/v1/collections', { query: { page } });
		const list = field<{ items?: Item[]; pages?: number }>(body, 'collections');
		collections.push(...(list?.items ?? []));
		if (page >= Number(list?.pages ?? 1)) break;
	}
	for (const collection of collections) {
		const changed: Item[] = [];
		for (let page = 1; ; page++) {
			const { body } = await docs.get(`/v1/collections/${encodeURIComponent(String(collection.id))}/articles`, { query: { page } });
			const list = field<{ items?: Item[]; pages?: number }>(body, 'articles');
			changed.push(...(list?.items ?? []).filter((a) => !(Date.parse(String(a.updatedAt)) <= since)));
			if (page >= Number(list?.pages ?? 1)) break;
		}
		await forEachLimited(changed, ctx.concurrency, async (ref) => {
			const r = await docs.get(`/v1/articles/${encodeURIComponent(String(ref.id))}`, { allow: [404] });
			if (r.status === 404) return;
			articles.add(r.body, 1);
			ctx.progress.add(1);
		});
	}
	articles.finish({ since: isoSeconds(nextSince(ctx)) });
}

export const helpscoutSync: VendorSync<HelpScoutConfig> = {
	source: 'helpscout',
	format: 'helpscout',
	requiredEnv: ['HELPSCOUT_APP_ID', 'HELPSCOUT_APP_SECRET'],
	isConfigured: (env) => !!env.HELPSCOUT_APP_ID?.trim() && !!env.HELPSCOUT_APP_SECRET?.trim(),
	configFromEnv(env) {
		const [appId, appSecret] = requireEnv(env, 'helpscout', ['HELPSCOUT_APP_ID', 'HELPSCOUT_APP_SECRET']);
		const docsKey = env.HELPSCOUT_DOCS_API_KEY?.trim();
		return {
			appId,
			appSecret,
			baseUrl: baseUrlFrom(env, 'HELPSCOUT_BASE_URL', () => 'https://api.helpscout.net'),
			docs: docsKey
				? { apiKey: docsKey, baseUrl: baseUrlFrom(env, 'HELPSCOUT_DOCS_BASE_URL', () => 'https://docsapi.helpscout.net') }
				: null
		};
	},
	client(config, { onWait, settings }) {
		let token: Promise<string> | undefined;
		const common = { maxRetries: settings.maxRetries, retryBaseMs: settings.retryBaseMs, onWait, endpointVars: 'HELPSCOUT_BASE_URL' };
		const tokenClient = new SyncHttp({
			...common,
			vendor: 'helpscout',
			baseUrl: config.baseUrl,
			authHeaders: async () => ({}),
			credentialVars: 'HELPSCOUT_APP_ID and HELPSCOUT_APP_SECRET'
		});
		const fetchToken = async () => {
			const { body } = await tokenClient.post('/v2/oauth2/token', {
				anonymous: true,
				allow: [400],
				form: { grant_type: 'client_credentials', client_id: config.appId, client_secret: config.appSecret }
			});
			const accessToken = field<string>(body, 'access_token');
			if (!accessToken)
				throw new SyncAuthError('helpscout refused the app credentials (no access token); check HELPSCOUT_APP_ID and HELPSCOUT_APP_SECRET');
			return accessToken;
		};
		return new SyncHttp({
			...common,
			vendor: 'helpscout',
			baseUrl: config.baseUrl,
			authHeaders: async () => ({ Authorization: `Bearer ${await (token ??= fetchToken())}` }),
			// Tokens live two days: a 401 mid-sync gets a new one once.
			refreshAuth: async () => {
				token = fetchToken();
				await token;
				return true;
			},
			credentialVars: 'HELPSCOUT_APP_ID and HELPSCOUT_APP_SECRET'
		});
	},
	async fetch(ctx, config) {
		await wholeList(ctx, 'users', '/v2/users');
		await wholeList(ctx, 'mailboxes', '/v2/mailboxes');
		await syncConversations(ctx);
		if (config.docs) {
			const key = Buffer.from(`${config.docs.apiKey}:X`).toString('base64');
			const docs = new SyncHttp({
				vendor: 'helpscout docs',
				baseUrl: config.docs.baseUrl,
				authHeaders: async () => ({ Authorization: `Basic ${key}` }),
				credentialVars: 'HELPSCOUT_DOCS_API_KEY',
				endpointVars: 'HELPSCOUT_DOCS_BASE_URL',
				maxRetries: ctx.http.maxRetries,
				retryBaseMs: ctx.http.retryBaseMs
			});
			await syncDocsArticles(ctx, docs);
		} else {
			ctx.note('Docs articles skipped: set HELPSCOUT_DOCS_API_KEY to sync them');
		}
	}
};
