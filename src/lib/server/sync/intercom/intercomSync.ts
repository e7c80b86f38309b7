// Intercom through its REST API: admins and teams (whole lists), contacts and conversations
// changed since the last sync (the search endpoints, cursor-paginated), each conversation
// fetched whole with its parts, and Help Center articles. Bodies are staged as Intercom sent
// them, for the Intercom file adapter.
import { SyncHttp, type JsonResponse } from '../SyncHttp';
import { baseUrlFrom, requireEnv } from '../syncSettings';
import { forEachLimited } from '../forEachLimited';
import { arrayField, field } from '../responseFields';
import { nextSince, streamStart, unixSeconds } from '../streamStart';
import type { SyncContext, VendorSync } from '../VendorSync';
import type { SyncStream } from '../SyncStaging';

export interface IntercomConfig {
	baseUrl: string;
	token: string;
}

/** The API version whose objects the Intercom adapter reads. */
export const INTERCOM_API_VERSION = '2.11';
const PER_PAGE = 50;

type Position = { since: number; starting_after?: string };

/** Pages through a search endpoint for objects updated after `since`; `each` gets every page's items. */
async function searchUpdated(
	ctx: SyncContext,
	stream: SyncStream,
	path: string,
	each: (items: Record<string, unknown>[], body: unknown) => Promise<void>,
	/** Count these objects in the progress (conversations), or not (contacts, a side-load). */
	counted: boolean
): Promise<void> {
	let position = streamStart<Position>(ctx, stream, (since) => ({ since: unixSeconds(since) }));
	let first = true;
	for (;;) {
		const { body } = await ctx.http.post(path, {
			json: {
				query: { field: 'updated_at', operator: '>', value: position.since },
				pagination: { per_page: PER_PAGE, ...(position.starting_after ? { starting_after: position.starting_after } : {}) }
			}
		});
		const items = arrayField(body, path.includes('conversations') ? 'conversations' : 'data');
		if (counted && first && !position.starting_after) ctx.progress.expect(field<number>(body, 'total_count') ?? 0);
		first = false;
		await each(items, body);
		const after = field<{ next?: { starting_after?: string } }>(body, 'pages')?.next?.starting_after;
		const next: Position = { since: position.since, starting_after: after };
		stream.checkpoint(after ? next : position);
		if (counted) ctx.progress.add(items.length);
		if (!after || items.length === 0) break;
		position = next;
	}
	stream.finish({ since: unixSeconds(nextSince(ctx)) });
}

/** A whole list endpoint (admins, teams): small, fetched every time for the adapter's lookups. */
async function wholeList(ctx: SyncContext, name: string, path: string): Promise<void> {
	const stream = ctx.stream(name, { primary: false });
	if (stream.done) return;
	const { body } = await ctx.http.get(path);
	stream.page(body, 0, undefined);
	stream.finish();
}

export const intercomSync: VendorSync<IntercomConfig> = {
	source: 'intercom',
	format: 'intercom',
	requiredEnv: ['INTERCOM_TOKEN'],
	isConfigured: (env) => !!env.INTERCOM_TOKEN?.trim(),
	configFromEnv(env) {
		const [token] = requireEnv(env, 'intercom', ['INTERCOM_TOKEN']);
		return { token, baseUrl: baseUrlFrom(env, 'INTERCOM_BASE_URL', () => 'https://api.intercom.io') };
	},
	client(config, { onWait, settings }) {
		return new SyncHttp({
			vendor: 'intercom',
			baseUrl: config.baseUrl,
			authHeaders: async () => ({ Authorization: `Bearer ${config.token}`, 'Intercom-Version': INTERCOM_API_VERSION }),
			credentialVars: 'INTERCOM_TOKEN',
			endpointVars: 'INTERCOM_BASE_URL',
			maxRetries: settings.maxRetries,
			retryBaseMs: settings.retryBaseMs,
			onWait
		});
	},
	async fetch(ctx) {
		await wholeList(ctx, 'admins', '/admins');
		await wholeList(ctx, 'teams', '/teams');

		const contacts = ctx.stream('contacts', { primary: false });
		if (!contacts.done) {
			await searchUpdated(ctx, contacts, '/contacts/search', async (_items, body) => contacts.add(body, 0), false);
		}

		// The search finds what changed; each conversation is then read whole, with its parts.
		const conversations = ctx.stream('conversations');
		if (!conversations.done) {
			await searchUpdated(
				ctx,
				conversations,
				'/conversations/search',
				async (items) => {
					await forEachLimited(items, ctx.concurrency, async (item) => {
						const r = await ctx.http.get(`/conversations/${encodeURIComponent(String(item.id))}`, { allow: [404] });
						if (r.status !== 404) conversations.add(r.body, 1);
					});
				},
				true
			);
		}

		// Articles have no "changed since" filter: the list is read and only changed ones are staged.
		const articles = ctx.stream('articles');
		if (!articles.done) {
			const since = streamStart<Position>(ctx, articles, (s) => ({ since: unixSeconds(s) })).since;
			let url: string | undefined = '/articles';
			let query: Record<string, number> | undefined = { per_page: PER_PAGE };
			while (url) {
				const response: JsonResponse = await ctx.http.get(url, { query, allow: [404] });
				if (response.status === 404) {
					ctx.note('Help Center articles answered 404: skipped');
					break;
				}
				const changed = arrayField(response.body, 'data').filter((a) => Number(a.updated_at ?? 0) > since);
				for (const article of changed) articles.add(article, 1);
				ctx.progress.add(changed.length);
				const next: string | null | undefined = field<{ next?: string | null }>(response.body, 'pages')?.next;
				url = typeof next === 'string' && next ? next : undefined;
				query = undefined;
			}
			articles.finish({ since: unixSeconds(nextSince(ctx)) });
		}
	}
};
