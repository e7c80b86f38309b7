// Turns one validated canonical conversation into the flat rows of the `conversations` and
// `events` tables, plus the content hash that makes identical re-imports a no-op.
import { createHash } from 'node:crypto';
import type { Conversation, KbArticle } from '../../schema';
import { detectLanguage } from './detectLanguage';

/** ISO UTC ("…T…Z") to the form DuckDB reads as a naive UTC TIMESTAMP. */
export function toSqlTimestamp(iso: string | undefined): string | null {
	return iso ? iso.slice(0, 23).replace('T', ' ') : null;
}

export function contentHash(value: unknown): string {
	return createHash('sha1').update(JSON.stringify(value)).digest('hex');
}

export interface ConversationRow {
	source: string;
	id: string;
	/** Position of this copy in the import, so a later copy of the same key wins ties. */
	ord: number;
	channel: string;
	created_at: string;
	updated_at: string | null;
	subject: string | null;
	language: string | null;
	language_detected: boolean;
	intent: string | null;
	priority: string | null;
	tags: string[] | null;
	customer_id: string | null;
	customer_tier: string | null;
	customer_plan: string | null;
	csat_score: number | null;
	csat_scale: number | null;
	csat_rating: string | null;
	csat_comment: string | null;
	/** Only present when 'partial', so that full conversations keep their earlier hashes. */
	history?: 'partial';
	content_hash: string;
}

/** Event columns that only some event types fill. Order matches the `events` table. */
export const EVENT_OPTIONAL_COLUMNS = [
	'author',
	'body',
	'agent_id',
	'answer_type',
	'confidence',
	'kb_article_ids',
	'to_queue',
	'reason',
	'note',
	'customer_message',
	'queue',
	'final_body',
	'review',
	'status'
] as const;

/** One conversation as staged JSON lines, ready for DuckDB's read_json. */
export interface StagedConversation {
	row: string;
	events: string[];
}

/** Prepends fields to a JSON object text: cheaper than re-serialising the object. */
function withLeadingFields(json: string, fields: string): string {
	return json === '{}' ? `{${fields}}` : `{${fields},${json.slice(1)}`;
}

/**
 * Flattens a validated conversation into staged lines. The content hash covers exactly what
 * is stored (minus `ord`), so hashing costs no second serialisation.
 */
export function flattenConversation(c: Conversation, ord: number): StagedConversation {
	const detected = c.language ? undefined : detectLanguage(c);
	const csat = c.csat;
	const row: Omit<ConversationRow, 'ord' | 'content_hash'> = {
		source: c.source,
		id: c.id,
		channel: c.channel,
		created_at: toSqlTimestamp(c.created_at)!,
		updated_at: toSqlTimestamp(c.updated_at),
		subject: c.subject ?? null,
		language: c.language ?? detected ?? null,
		language_detected: !c.language && detected !== undefined,
		intent: c.intent ?? null,
		priority: c.priority ?? null,
		tags: c.tags ?? null,
		customer_id: c.customer?.id ?? null,
		customer_tier: c.customer?.tier ?? null,
		customer_plan: c.customer?.plan ?? null,
		csat_score: csat && 'score' in csat ? csat.score : null,
		csat_scale: csat && 'score' in csat ? csat.scale : null,
		csat_rating: csat && 'rating' in csat ? csat.rating : null,
		csat_comment: csat?.comment ?? null,
		...(c.history === 'partial' ? { history: 'partial' as const } : {})
	};
	const hash = createHash('sha1');
	const rowJson = JSON.stringify(row);
	hash.update(rowJson);
	const events = c.events.map((e, seq) => {
		const out: Record<string, unknown> = {
			source: c.source,
			conversation_id: c.id,
			seq,
			id: e.id,
			occurred_at: toSqlTimestamp(e.at),
			type: e.type
		};
		for (const column of EVENT_OPTIONAL_COLUMNS) {
			const value = (e as Record<string, unknown>)[column];
			if (value !== undefined) out[column] = value;
		}
		const json = JSON.stringify(out);
		hash.update('\n').update(json);
		return withLeadingFields(json, `"ord":${ord}`);
	});
	return { row: withLeadingFields(rowJson, `"ord":${ord},"content_hash":"${hash.digest('hex')}"`), events };
}

export interface KbRow {
	id: string;
	ord: number;
	title: string;
	body: string;
	url: string | null;
	locale: string | null;
	updated_at: string | null;
	translation_group: string | null;
	content_hash: string;
}

export function flattenKbArticle(a: KbArticle, ord: number): KbRow {
	return {
		id: a.id,
		ord,
		title: a.title,
		body: a.body,
		url: a.url ?? null,
		locale: a.locale ?? null,
		updated_at: toSqlTimestamp(a.updated_at),
		translation_group: a.translation_group ?? null,
		content_hash: contentHash(a)
	};
}
