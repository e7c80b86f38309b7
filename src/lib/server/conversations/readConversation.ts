// Rebuilds one canonical conversation from the warehouse tables: what
// GET /api/conversations/{source}/{id} returns and the conversation page shows.
import type { Conversation, ConversationEvent } from '../../schema';
import { EVENT_OPTIONAL_COLUMNS } from '../ingest/flattenConversation';
import type { WarehouseConnection } from '../warehouse';

type Nullable<T> = { [K in keyof T]: T[K] | null };

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : undefined);

/** Drops null and undefined fields so the result has the canonical shape's optional keys. */
function compact<T extends object>(value: T): T {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as T;
}

export interface StoredConversation extends Conversation {
	/** True when `language` was detected on import rather than given by the source. */
	language_detected?: boolean;
}

export async function readConversation(db: WarehouseConnection, source: string, id: string): Promise<StoredConversation | null> {
	const row = await db.one<Record<string, unknown>>('SELECT * FROM conversations WHERE source = ? AND id = ?', [source, id]);
	if (!row) return null;
	const eventRows = await db.all<Record<string, unknown>>('SELECT * FROM events WHERE source = ? AND conversation_id = ? ORDER BY seq', [
		source,
		id
	]);
	const events = eventRows.map((e) => {
		const event: Record<string, unknown> = { id: e.id, at: iso(e.occurred_at as Date), type: e.type };
		for (const column of EVENT_OPTIONAL_COLUMNS) if (e[column] !== null) event[column] = e[column];
		return event as ConversationEvent;
	});
	const customer = compact({ id: row.customer_id, tier: row.customer_tier, plan: row.customer_plan } as Nullable<
		NonNullable<Conversation['customer']>
	>);
	const csat =
		row.csat_score !== null
			? compact({ score: row.csat_score as number, scale: row.csat_scale as number, comment: row.csat_comment as string | null })
			: row.csat_rating !== null
				? compact({ rating: row.csat_rating as 'good' | 'bad', comment: row.csat_comment as string | null })
				: undefined;
	return compact({
		id: row.id as string,
		source: row.source as string,
		channel: row.channel as Conversation['channel'],
		created_at: iso(row.created_at as Date)!,
		updated_at: iso(row.updated_at as Date | null),
		subject: row.subject as string | undefined,
		language: row.language as string | undefined,
		language_detected: row.language_detected ? true : undefined,
		intent: row.intent as string | undefined,
		priority: row.priority as Conversation['priority'],
		tags: row.tags as string[] | undefined,
		customer: Object.keys(customer).length ? (customer as Conversation['customer']) : undefined,
		csat: csat as Conversation['csat'],
		events
	});
}
