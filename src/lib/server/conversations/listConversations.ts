// The conversation list behind /conversations and GET /api/conversations: conversation_facts
// filtered by dates, dimensions, a KPI condition, a reroute flow or a search, sorted, paged
// by offset with a total. The subject comes from conversations, for the page's rows only.
import type { WarehouseConnection } from '../warehouse';
import { paramsUsedBy } from '../warehouse/paramsUsedBy';
import { conversationFilterSql } from './conversationFilterSql';
import type { ConversationListRequest } from './parseConversationFilter';

export const PAGE_SIZE = 50;

/** The facts every list row shows (besides ids, time and dimensions). */
const ROW_FACTS = [
	'ai_involved',
	'contained',
	'handoffs',
	'solved',
	'reopened',
	'distinct_queues',
	'drafts_reviewed',
	'drafts_edited',
	'drafts_rejected',
	'first_response_s',
	'resolution_s',
	'csat_rated',
	'csat_positive'
];

export interface ConversationListRow {
	source: string;
	id: string;
	created_at: Date;
	channel: string;
	queue: string | null;
	language: string | null;
	intent: string | null;
	tier: string | null;
	subject: string | null;
	[fact: string]: unknown;
}

export interface ConversationList {
	rows: ConversationListRow[];
	/** Conversations matching the filter. */
	total: number;
	/** With a KPI part that sums a measure (e.g. edited drafts): that sum over the matches; else null. */
	measured: number | null;
	page: number;
	pageSize: number;
}

/**
 * The subjects of one page's rows. An IN list of the page's ids, not a join: a join would
 * probe every conversation (a full scan at 1M), while DuckDB pushes an IN list into the scan.
 */
async function withSubjects(db: WarehouseConnection, rows: ConversationListRow[]): Promise<ConversationListRow[]> {
	if (rows.length === 0) return rows;
	const found = await db.all<{ source: string; id: string; subject: string | null }>(
		`SELECT source, id, subject FROM conversations WHERE id IN (${rows.map(() => '?').join(', ')})`,
		rows.map((r) => r.id)
	);
	const subjects = new Map(found.map((r) => [`${r.source}\u0000${r.id}`, r.subject]));
	return rows.map((r) => ({ ...r, subject: subjects.get(`${r.source}\u0000${r.id}`) ?? null }));
}

export async function listConversations(
	db: WarehouseConnection,
	request: ConversationListRequest,
	pageSize = PAGE_SIZE
): Promise<ConversationList> {
	const { where, params } = conversationFilterSql(request);
	const measure = request.drill?.measure;
	const countSql = `SELECT count(*) AS n${measure ? `, coalesce(sum(${measure}), 0) AS measured` : ''} FROM conversation_facts ${where}`;
	const counts = await db.one<{ n: number; measured?: number }>(countSql, paramsUsedBy(countSql, params));
	// sort.key comes from SORT_KEYS (an allow-list); ties broken by the key so pages are stable.
	const order = `${request.sort.key} ${request.sort.desc ? 'DESC' : 'ASC'} NULLS LAST, source, id`;
	const pageSql = `
		SELECT source, id, created_at, channel, queue, language, intent, tier, ${ROW_FACTS.join(', ')}
		FROM conversation_facts ${where}
		ORDER BY ${order} LIMIT $limit OFFSET $offset`;
	const page = await db.all<ConversationListRow>(pageSql, {
		...paramsUsedBy(pageSql, params),
		limit: pageSize,
		offset: (request.page - 1) * pageSize
	});
	const rows = await withSubjects(db, page);
	return { rows, total: counts?.n ?? 0, measured: measure ? Number(counts?.measured ?? 0) : null, page: request.page, pageSize };
}
