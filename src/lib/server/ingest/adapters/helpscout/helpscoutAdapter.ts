// Help Scout: Mailbox API v2 JSON (conversations, with `embed=threads` or beside their thread
// pages; users; mailboxes; satisfaction ratings) and Docs API v1 articles, as JSON documents
// or JSON Lines. Conversations, threads and ratings are joined by conversation id in bounded
// memory (KeyedGroups).
import fs from 'node:fs';
import { formatIssues } from '../../../../schema';
import { invalidRecord } from '../shared/invalidRecord';
import { rawRecordText } from '../shared/rawRecordText';
import { newestRecord } from '../shared/newestRecord';
import { ratingRecord } from '../shared/ratingRecord';
import type { AdapterRecord, FileSample, FormatAdapter, RecordLocation } from '../../types';
import { htmlToText } from '../intercom/htmlToText';
import { idText, vendorTime } from '../shared/vendorValues';
import { KeyedGroups } from '../zendesk/KeyedGroups';
import { isObject, readJsonRecords } from '../zendesk/readJsonRecords';
import { buildHelpscoutConversation, helpscoutCsat, HelpscoutRecordError, type HelpscoutContext } from './buildHelpscoutConversation';
import {
	helpscoutArticleSchema,
	helpscoutConversationSchema,
	helpscoutMailboxSchema,
	helpscoutRatingSchema,
	helpscoutThreadSchema,
	helpscoutUserSchema,
	type HelpscoutConversation,
	type HelpscoutRating,
	type HelpscoutThread
} from './helpscoutSchemas';

type Item =
	| { k: 'c'; v: HelpscoutConversation; loc: RecordLocation }
	| { k: 't'; v: HelpscoutThread; loc: RecordLocation }
	| { k: 'r'; v: HelpscoutRating; loc: RecordLocation };

type PieceKind = 'conversation' | 'user' | 'mailbox' | 'rating' | 'article' | 'ignored' | 'unknown';
type Piece =
	| { kind: PieceKind; value: unknown; location: RecordLocation }
	| { kind: 'threads'; value: unknown[]; conversationId: string | undefined; location: RecordLocation };

/** `/v2/conversations/123/threads` in a thread page's own link names its conversation. */
function threadPageConversation(page: Record<string, unknown>): string | undefined {
	const links = isObject(page._links) ? page._links : {};
	for (const link of [links.self, links.page, links.first]) {
		const href = isObject(link) ? link.href : undefined;
		const m = typeof href === 'string' ? /\/conversations\/(\d+)\/threads/.exec(href) : null;
		if (m) return m[1];
	}
	return idText(page.conversationId);
}

function kindOf(v: Record<string, unknown>): PieceKind {
	if ('conversationId' in v && typeof v.rating === 'string') return 'rating';
	if ('mailboxId' in v && ('primaryCustomer' in v || 'threads' in v || 'number' in v)) return 'conversation';
	if ('collectionId' in v && 'name' in v) return 'article';
	if (v.type === 'user' || ('firstName' in v && 'role' in v)) return 'user';
	if ('slug' in v && 'name' in v && 'email' in v) return 'mailbox';
	if ('firstName' in v || ('totalCount' in v && 'activeCount' in v)) return 'ignored'; // customers, folders
	return 'unknown';
}

function* explode(value: unknown, location: RecordLocation): Generator<Piece> {
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) yield* explode(value[i], { ...location, record: `[${i}]` });
		return;
	}
	if (!isObject(value)) {
		yield { kind: 'unknown', value, location };
		return;
	}
	const embedded = isObject(value._embedded) ? value._embedded : undefined;
	if (embedded && !('mailboxId' in value)) {
		// A list page: {"_embedded": {"conversations"|"threads"|"users"|"mailboxes"|…: […]}, "page": …}
		for (const [key, list] of Object.entries(embedded)) {
			if (!Array.isArray(list)) continue;
			const at = (i: number) => ({ ...location, record: `${key}[${i}]` });
			if (key === 'threads') yield { kind: 'threads', value: list, conversationId: threadPageConversation(value), location };
			else if (key === 'conversations') for (const [i, v] of list.entries()) yield { kind: 'conversation', value: v, location: at(i) };
			else if (key === 'users') for (const [i, v] of list.entries()) yield { kind: 'user', value: v, location: at(i) };
			else if (key === 'mailboxes') for (const [i, v] of list.entries()) yield { kind: 'mailbox', value: v, location: at(i) };
			else if (key === 'ratings') for (const [i, v] of list.entries()) yield { kind: 'rating', value: v, location: at(i) };
		}
		return;
	}
	// Docs API: {"articles": {"items": […]}} or {"article": {…}}
	if (isObject(value.articles) && Array.isArray(value.articles.items)) {
		for (const [i, v] of value.articles.items.entries())
			yield { kind: 'article', value: v, location: { ...location, record: `articles[${i}]` } };
		return;
	}
	if (isObject(value.article)) {
		yield { kind: 'article', value: value.article, location: { ...location, record: 'article' } };
		return;
	}
	yield { kind: kindOf(value), value, location };
}

const MARKERS = [
	/"mailboxId"\s*:/,
	/"primaryCustomer"\s*:/,
	/"customerWaitingSince"\s*:/,
	/api\.helpscout\.net\/v2\//,
	/"_embedded"\s*:\s*\{\s*"(conversations|threads|mailboxes|users|ratings)"/,
	/"collectionId"\s*:/,
	// A rating: `conversationId` and a word rating (great, okay, not_good)
	/"conversationId"\s*:\s*"?\d+"?\s*,[^\n]*"rating"\s*:\s*"|"rating"\s*:\s*"(great|okay|not_good|not-good)"/
];

export const helpscoutAdapter: FormatAdapter = {
	format: 'helpscout',
	detect({ head }: FileSample) {
		return MARKERS.some((re) => re.test(head));
	},
	async *read(files, options): AsyncGenerator<AdapterRecord> {
		const ctx: HelpscoutContext = {
			userEmails: new Map(),
			mailboxes: new Map(),
			aiAuthors: new Set(options.aiAuthors.map((a) => a.trim().toLowerCase()).filter(Boolean))
		};
		const totalBytes = files.reduce((sum, f) => sum + fs.statSync(f).size, 0);
		const byConversation = new KeyedGroups<Item>(totalBytes);
		try {
			for (const file of files) {
				for await (const rec of readJsonRecords(file, options.onBytes)) {
					if (!rec.ok) {
						yield invalidRecord(rec.location, rec.reason, rec.raw);
						continue;
					}
					for (const piece of explode(rec.value, rec.location)) {
						const { value, location } = piece;
						if (piece.kind === 'ignored') continue;
						if (piece.kind === 'threads') {
							if (!piece.conversationId) {
								yield invalidRecord(
									location,
									"a Help Scout thread page that does not say its conversation (no /conversations/<id>/threads link); export conversations with embed=threads, or keep the page's _links",
									rawRecordText(piece.value[0])
								);
								continue;
							}
							for (const [i, raw] of piece.value.entries()) {
								const p = helpscoutThreadSchema.safeParse(raw);
								const loc = { ...location, record: `threads[${i}]` };
								if (p.success) await byConversation.add(piece.conversationId, { k: 't', v: p.data, loc });
								else yield invalidRecord(loc, `Help Scout thread: ${formatIssues(p.error)}`, rawRecordText(raw));
							}
						} else if (piece.kind === 'conversation') {
							const p = helpscoutConversationSchema.safeParse(value);
							if (p.success) await byConversation.add(p.data.id, { k: 'c', v: p.data, loc: location });
							else
								yield invalidRecord(
									location,
									`Help Scout conversation: ${formatIssues(p.error)}; fix or drop this record and import the file again`,
									rawRecordText(value)
								);
						} else if (piece.kind === 'rating') {
							const p = helpscoutRatingSchema.safeParse(value);
							if (p.success) await byConversation.add(p.data.conversationId, { k: 'r', v: p.data, loc: location });
							else yield invalidRecord(location, `Help Scout rating: ${formatIssues(p.error)}`, rawRecordText(value));
						} else if (piece.kind === 'user') {
							const p = helpscoutUserSchema.safeParse(value);
							if (p.success && p.data.email) ctx.userEmails.set(p.data.id, p.data.email);
						} else if (piece.kind === 'mailbox') {
							const p = helpscoutMailboxSchema.safeParse(value);
							if (p.success) ctx.mailboxes.set(p.data.id, p.data.name);
						} else if (piece.kind === 'article') {
							const p = helpscoutArticleSchema.safeParse(value);
							if (!p.success) {
								yield invalidRecord(location, `Help Scout Docs article: ${formatIssues(p.error)}`, rawRecordText(value));
								continue;
							}
							const a = p.data;
							if (a.status && a.status !== 'published') continue; // not visible to customers
							if (a.text == null) {
								yield invalidRecord(
									location,
									`Help Scout Docs article ${a.id} has no text (a list item); export each article with GET /v1/articles/{id}`,
									rawRecordText(value)
								);
								continue;
							}
							const updated = vendorTime(a.updatedAt ?? a.lastPublishedAt);
							yield {
								kind: 'kb_article',
								location: { ...location, record: `article ${a.id}` },
								value: {
									id: a.id,
									title: a.name,
									body: htmlToText(a.text),
									...(a.publicUrl ? { url: a.publicUrl } : {}),
									...(updated ? { updated_at: updated } : {})
								}
							};
						} else {
							yield invalidRecord(
								location,
								'not a Help Scout conversation, thread page, user, mailbox, rating or Docs article; leave it out or pass --format',
								rawRecordText(value)
							);
						}
					}
				}
			}
			for await (const [conversationId, items] of byConversation.groups()) {
				const conv = newestRecord(
					items.filter((i) => i.k === 'c'),
					(i) => vendorTime(i.v.userUpdatedAt)
				);
				const threads = new Map<string, HelpscoutThread>();
				for (const item of items) if (item.k === 't') threads.set(item.v.id, item.v);
				const rating = ratingRecord(
					items.filter((i) => i.k === 'r'),
					{ source: 'helpscout', conversationId, noun: 'conversation', ratedAt: (r) => r.createdAt, csat: helpscoutCsat }
				);
				if (rating) yield rating;
				if (!conv && items.every((i) => i.k === 'r')) continue;
				if (!conv) {
					yield invalidRecord(
						{ ...items[0].loc, record: `conversation ${conversationId}` },
						`${items[0].k === 'r' ? 'a rating' : 'threads'} for Help Scout conversation ${conversationId}, but the conversation itself is not in the files given; import them together`
					);
					continue;
				}
				const c = conv.v;
				const location = { ...conv.loc, record: `conversation ${conversationId}` };
				if (c.status === 'spam' || c.state === 'deleted') continue; // spam or deleted: nothing to analyse
				let failed = false;
				for (const [i, raw] of (c._embedded?.threads ?? []).entries()) {
					const p = helpscoutThreadSchema.safeParse(raw);
					if (!p.success) {
						yield invalidRecord(
							location,
							`Help Scout conversation ${conversationId}: threads[${i}]: ${formatIssues(p.error)}`,
							rawRecordText(raw)
						);
						failed = true;
						break;
					}
					threads.set(p.data.id, p.data);
				}
				if (failed) continue;
				const hasThreads = threads.size > 0 || Array.isArray(c._embedded?.threads);
				try {
					const value = buildHelpscoutConversation(c, hasThreads ? [...threads.values()] : undefined, undefined, ctx);
					yield { kind: 'conversation', location, value };
				} catch (error) {
					if (!(error instanceof HelpscoutRecordError)) throw error;
					yield invalidRecord(location, `Help Scout conversation ${conversationId}: ${error.message}`, rawRecordText(c));
				}
			}
		} finally {
			byConversation.dispose();
		}
	}
};
