// Reads what there is to grade from the warehouse: every AI draft, AI reply and hand-off,
// with its conversation context, in batches of conversations so memory stays bounded.
import type { WarehouseConnection } from '../warehouse/WarehouseConnection';
import { conversationSecrets } from './conversationSecrets';
import type { GradingItem, KbArticleRef } from './GradingItem';
import { EMAIL, findPersonalData, type KnownSecret } from './personalData';

export interface LoadOptions {
	/** Only conversations created on or after this UTC day (YYYY-MM-DD). */
	since?: string;
	/** Only conversations listed in this table (columns source, id); a fixed identifier. */
	scopeTable?: string;
	batchSize?: number;
}

const CONTEXT_MESSAGES = 6;
const CONTEXT_CHARS = 600;

interface ConversationRow {
	source: string;
	id: string;
	channel: string;
	language: string | null;
	customer_tier: string | null;
	customer_plan: string | null;
	customer_id: string | null;
	subject: string | null;
	csat_comment: string | null;
}

interface EventRow {
	source: string;
	conversation_id: string;
	id: string;
	occurred_at: Date;
	type: string;
	author: string | null;
	body: string | null;
	answer_type: string | null;
	kb_article_ids: string[] | null;
	to_queue: string | null;
	reason: string | null;
	note: string | null;
	customer_message: string | null;
	queue: string | null;
	final_body: string | null;
	review: string | null;
}

async function loadKb(db: WarehouseConnection): Promise<Map<string, KbArticleRef>> {
	const rows = await db.all<KbArticleRef>('SELECT id, title, body FROM kb_articles');
	return new Map(rows.map((r) => [r.id, r]));
}

/** Cuts a body to `max` characters, never through personal data: half a card number would no longer look like one. */
function cutOutsideSecrets(body: string, max: number, secrets: KnownSecret[]): string {
	if (body.length <= max) return body;
	const straddling = findPersonalData(body, { knownSecrets: secrets }).find((f) => f.start < max && f.end > max);
	return body.slice(0, straddling ? straddling.start : max);
}

/** Builds the grading items of one conversation from its events (in seq order). */
export function itemsOfConversation(c: ConversationRow, events: EventRow[], kb: Map<string, KbArticleRef>): GradingItem[] {
	const customerEmails = new Set<string>();
	if (c.customer_id && /^[^@\s]+@[^@\s]+$/.test(c.customer_id)) customerEmails.add(c.customer_id.toLowerCase());
	for (const e of events)
		if (e.type === 'message' && e.author === 'customer' && e.body)
			for (const m of e.body.matchAll(EMAIL)) customerEmails.add(m[0].toLowerCase());
	const base = {
		source: c.source,
		conversation_id: c.id,
		channel: c.channel,
		language: c.language,
		tier: c.customer_tier,
		plan: c.customer_plan,
		customerEmails: [...customerEmails].sort(),
		secrets: conversationSecrets(
			[
				c.subject,
				c.csat_comment,
				c.customer_plan,
				c.customer_tier,
				...events.flatMap((e) => [e.body, e.final_body, e.note, e.reason, e.customer_message])
			],
			customerEmails
		)
	};
	const items: GradingItem[] = [];
	const context: { author: string; body: string }[] = [];
	const cited = (ids: string[] | null) => (ids ?? []).map((id) => kb.get(id)).filter((a): a is KbArticleRef => !!a);
	events.forEach((e, i) => {
		const shared = {
			...base,
			event_id: e.id,
			at: e.occurred_at.toISOString(),
			context: context.slice(-CONTEXT_MESSAGES),
			review: null,
			finalBody: null
		};
		if (e.type === 'draft') {
			items.push({
				...shared,
				kind: 'draft',
				text: e.body ?? '',
				answerType: null,
				kbArticles: cited(e.kb_article_ids),
				handoff: null,
				review: e.review,
				finalBody: e.final_body
			});
		} else if (e.type === 'message' && e.author === 'ai') {
			items.push({
				...shared,
				kind: 'reply',
				text: e.body ?? '',
				answerType: e.answer_type,
				kbArticles: cited(e.kb_article_ids),
				handoff: null
			});
		} else if (e.type === 'handoff') {
			const later = events.slice(i + 1);
			const assignments = later.filter((x) => x.type === 'assignment' && x.queue);
			// What the customer was told: the event's own message, else the AI's next message before a human acts.
			let told = e.customer_message;
			if (!told) {
				for (const x of later) {
					if (x.type === 'message' && x.author === 'ai') {
						told = x.body;
						break;
					}
					if (x.type === 'assignment' || (x.type === 'message' && x.author === 'agent')) break;
				}
			}
			items.push({
				...shared,
				kind: 'handoff',
				text: e.note ?? '',
				answerType: null,
				kbArticles: [],
				handoff: {
					toQueue: e.to_queue ?? '',
					reason: e.reason,
					customerMessage: told ?? null,
					owningQueue: assignments.length ? assignments[assignments.length - 1].queue : null
				}
			});
		}
		if (e.type === 'message' && e.body)
			context.push({ author: e.author ?? 'unknown', body: cutOutsideSecrets(e.body, CONTEXT_CHARS, base.secrets) });
	});
	return items;
}

/** Yields the grading items of every matching conversation, one batch of conversations at a time. */
export async function* loadGradingItems(db: WarehouseConnection, options: LoadOptions = {}): AsyncGenerator<GradingItem[]> {
	const where: string[] = [
		`EXISTS (SELECT 1 FROM events e WHERE e.source = c.source AND e.conversation_id = c.id AND (e.type IN ('draft', 'handoff') OR (e.type = 'message' AND e.author = 'ai')))`
	];
	const params: string[] = [];
	if (options.since) {
		where.push('c.created_at >= CAST(? AS TIMESTAMP)');
		params.push(options.since);
	}
	let join = '';
	if (options.scopeTable) {
		if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(options.scopeTable)) throw new Error(`bad scope table name ${options.scopeTable}`);
		join = `JOIN (SELECT DISTINCT source, id FROM ${options.scopeTable}) s ON s.source = c.source AND s.id = c.id`;
	}
	const conversations = await db.all<ConversationRow>(
		`SELECT c.source, c.id, c.channel, c.language, c.customer_tier, c.customer_plan, c.customer_id, c.subject, c.csat_comment
		 FROM conversations c ${join} WHERE ${where.join(' AND ')} ORDER BY c.created_at, c.source, c.id`,
		params
	);
	if (conversations.length === 0) return;
	const kb = await loadKb(db);
	const batchSize = options.batchSize ?? 400;
	for (let i = 0; i < conversations.length; i += batchSize) {
		const batch = conversations.slice(i, i + batchSize);
		const events = await db.all<EventRow>(
			`SELECT e.source, e.conversation_id, e.id, e.occurred_at, e.type, e.author, e.body, e.answer_type, e.kb_article_ids,
				e.to_queue, e.reason, e.note, e.customer_message, e.queue, e.final_body, e.review
			 FROM events e
			 JOIN (SELECT unnest(from_json(?, '[{"s":"VARCHAR","c":"VARCHAR"}]'), recursive := true)) k ON k.s = e.source AND k.c = e.conversation_id
			 ORDER BY e.source, e.conversation_id, e.seq`,
			[JSON.stringify(batch.map((c) => ({ s: c.source, c: c.id })))]
		);
		const byConversation = new Map<string, EventRow[]>();
		for (const e of events) {
			const key = `${e.source}\u0000${e.conversation_id}`;
			let list = byConversation.get(key);
			if (!list) byConversation.set(key, (list = []));
			list.push(e);
		}
		const items: GradingItem[] = [];
		for (const c of batch) items.push(...itemsOfConversation(c, byConversation.get(`${c.source}\u0000${c.id}`) ?? [], kb));
		yield items;
	}
}
