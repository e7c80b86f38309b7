// Zendesk Support and Help Center through their REST API: cursor-based incremental ticket
// export with metric sets, users and groups side-loaded, every ticket's audits, the incremental
// user export, groups, satisfaction ratings, and Help Center articles with their translations.
// Every page is staged as Zendesk sent it, for the Zendesk file adapter.
import { SyncHttp, type JsonResponse } from '../SyncHttp';
import { baseUrlFrom, requireEnv } from '../syncSettings';
import { forEachLimited } from '../forEachLimited';
import { arrayField, field } from '../responseFields';
import { nextSince, streamStart, unixSeconds } from '../streamStart';
import type { SyncContext, VendorSync } from '../VendorSync';
import type { SyncStream } from '../SyncStaging';

export interface ZendeskConfig {
	baseUrl: string;
	email: string;
	token: string;
}

type Position = { cursor?: string; start_time?: number; url?: string };

const ENV = ['ZENDESK_SUBDOMAIN', 'ZENDESK_EMAIL', 'ZENDESK_API_TOKEN'];

/** Walks a list that uses Zendesk's cursor pagination (`meta.has_more`, `links.next`). */
async function cursorPages(
	ctx: SyncContext,
	stream: SyncStream,
	path: string,
	key: string,
	query: Record<string, string | number>,
	primary: boolean
): Promise<void> {
	let position = streamStart<Position>(ctx, stream, () => ({}));
	for (;;) {
		const { body } = await ctx.http.get(position.url ?? path, { query: position.url ? undefined : query });
		const items = arrayField(body, key);
		const next = field<{ next?: string }>(body, 'links')?.next;
		const more = field<{ has_more?: boolean }>(body, 'meta')?.has_more === true && !!next;
		stream.page(body, items.length, more ? { url: next } : position);
		if (primary) ctx.progress.add(items.length);
		if (!more) return;
		position = { url: next };
	}
}

async function ticketAudits(ctx: SyncContext, audits: SyncStream, ticketId: unknown): Promise<void> {
	let url: string | undefined = `/api/v2/tickets/${encodeURIComponent(String(ticketId))}/audits`;
	let query: Record<string, string | number> | undefined = { 'page[size]': 100, include: 'users' };
	while (url) {
		const response: JsonResponse = await ctx.http.get(url, { query, allow: [404] });
		if (response.status === 404) return; // deleted since the export listed it
		audits.add(response.body, arrayField(response.body, 'audits').length);
		const next = field<{ next?: string }>(response.body, 'links')?.next;
		url = field<{ has_more?: boolean }>(response.body, 'meta')?.has_more ? next : undefined;
		query = undefined;
	}
}

async function syncTickets(ctx: SyncContext): Promise<void> {
	const tickets = ctx.stream('tickets');
	const audits = ctx.stream('audits', { primary: false });
	if (tickets.done) return;
	let position = streamStart<Position>(ctx, tickets, (since) => ({ start_time: unixSeconds(since) }));
	for (;;) {
		const query = position.cursor ? { cursor: position.cursor } : { start_time: position.start_time ?? 0 };
		const { body } = await ctx.http.get('/api/v2/incremental/tickets/cursor.json', {
			query: { ...query, include: 'metric_sets,users,groups' }
		});
		const page = arrayField(body, 'tickets');
		// Audits first, then the page with its cursor: a resume never keeps a ticket without its audits.
		const live = page.filter((t) => t.status !== 'deleted').map((t) => t.id);
		await forEachLimited(live, ctx.concurrency, (id) => ticketAudits(ctx, audits, id));
		const after = field<string>(body, 'after_cursor');
		const next: Position = after ? { cursor: after } : position;
		tickets.page(body, page.length, next);
		ctx.progress.add(page.length);
		if (field<boolean>(body, 'end_of_stream') !== false || !after) {
			tickets.finish(next);
			return;
		}
		position = next;
	}
}

async function syncUsers(ctx: SyncContext): Promise<void> {
	const users = ctx.stream('users', { primary: false });
	if (users.done) return;
	let position = streamStart<Position>(ctx, users, (since) => ({ start_time: unixSeconds(since) }));
	for (;;) {
		const query = position.cursor ? { cursor: position.cursor } : { start_time: position.start_time ?? 0 };
		const { body } = await ctx.http.get('/api/v2/incremental/users/cursor.json', { query });
		const after = field<string>(body, 'after_cursor');
		const next: Position = after ? { cursor: after } : position;
		users.page(body, arrayField(body, 'users').length, next);
		if (field<boolean>(body, 'end_of_stream') !== false || !after) {
			users.finish(next);
			return;
		}
		position = next;
	}
}

async function syncArticles(ctx: SyncContext): Promise<void> {
	const articles = ctx.stream('articles');
	const translations = ctx.stream('article_translations', { primary: false });
	if (articles.done) return;
	let position = streamStart<Position>(ctx, articles, (since) => ({ start_time: unixSeconds(since) }));
	for (;;) {
		const response = await ctx.http.get(position.url ?? '/api/v2/help_center/incremental/articles', {
			query: position.url ? undefined : { start_time: position.start_time ?? 0 },
			allow: [404]
		});
		if (response.status === 404) {
			ctx.note('Help Center answered 404 (not enabled on this account?): articles skipped');
			articles.finish(ctx.previous?.articles);
			return;
		}
		const page = arrayField(response.body, 'articles');
		await forEachLimited(page, ctx.concurrency, async (article) => {
			let url: string | undefined = `/api/v2/help_center/articles/${encodeURIComponent(String(article.id))}/translations`;
			while (url) {
				const r: JsonResponse = await ctx.http.get(url, { allow: [404] });
				if (r.status === 404) return;
				translations.add(r.body, arrayField(r.body, 'translations').length);
				url = field<string>(r.body, 'next_page') ?? undefined;
			}
		});
		const nextPage = field<string>(response.body, 'next_page');
		const endTime = field<number>(response.body, 'end_time');
		const resume: Position = nextPage && page.length ? { url: nextPage } : { start_time: endTime ?? position.start_time };
		articles.page(response.body, page.length, resume);
		ctx.progress.add(page.length);
		if (!nextPage || page.length === 0) {
			articles.finish({ start_time: endTime ?? position.start_time });
			return;
		}
		position = resume;
	}
}

export const zendeskSync: VendorSync<ZendeskConfig> = {
	source: 'zendesk',
	format: 'zendesk',
	requiredEnv: ENV,
	isConfigured: (env) =>
		ENV.every((n) => !!env[n]?.trim()) ||
		(!!env.ZENDESK_BASE_URL?.trim() && !!env.ZENDESK_EMAIL?.trim() && !!env.ZENDESK_API_TOKEN?.trim()),
	configFromEnv(env) {
		const [email, token] = requireEnv(env, 'zendesk', ['ZENDESK_EMAIL', 'ZENDESK_API_TOKEN']);
		const baseUrl = baseUrlFrom(env, 'ZENDESK_BASE_URL', () => {
			const [subdomain] = requireEnv(env, 'zendesk', ['ZENDESK_SUBDOMAIN']);
			return `https://${subdomain.replace(/\.zendesk\.com$/i, '')}.zendesk.com`;
		});
		return { baseUrl, email, token };
	},
	client(config, { onWait, settings }) {
		const basic = Buffer.from(`${config.email}/token:${config.token}`).toString('base64');
		return new SyncHttp({
			vendor: 'zendesk',
			baseUrl: config.baseUrl,
			authHeaders: async () => ({ Authorization: `Basic ${basic}` }),
			credentialVars: 'ZENDESK_EMAIL and ZENDESK_API_TOKEN',
			endpointVars: 'ZENDESK_SUBDOMAIN (or ZENDESK_BASE_URL)',
			maxRetries: settings.maxRetries,
			retryBaseMs: settings.retryBaseMs,
			onWait
		});
	},
	async fetch(ctx) {
		const groups = ctx.stream('groups', { primary: false });
		if (!groups.done) {
			await cursorPages(ctx, groups, '/api/v2/groups', 'groups', { 'page[size]': 100 }, false);
			groups.finish();
		}
		await syncUsers(ctx);
		await syncTickets(ctx);
		const ratings = ctx.stream('satisfaction_ratings');
		if (!ratings.done) {
			const since = streamStart<Position>(ctx, ratings, (s) => ({ start_time: unixSeconds(s) }));
			await cursorPages(
				ctx,
				ratings,
				'/api/v2/satisfaction_ratings',
				'satisfaction_ratings',
				{ 'page[size]': 100, start_time: since.start_time ?? 0 },
				true
			);
			ratings.finish({ start_time: unixSeconds(nextSince(ctx)) });
		}
		await syncArticles(ctx);
	}
};
