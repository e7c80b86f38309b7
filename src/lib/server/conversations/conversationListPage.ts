// What the conversation list page and GET /api/conversations return for one request: the
// page of rows, the total (and summed measure), and the filter spelled out in plain data so
// the page can say which KPI and condition it lists.
import type { WarehouseConnection } from '../warehouse';
import { listConversations, type ConversationList } from './listConversations';
import type { ConversationListRequest } from './parseConversationFilter';

export interface ConversationListPage extends ConversationList {
	pages: number;
	filter: {
		kpi: string | null;
		kpiLabel: string | null;
		cond: string | null;
		/** What the listed conversations are, e.g. "reopened after a solve". */
		condition: string | null;
		/** Set when the KPI sums a per-conversation measure (the total is then conversations, `measured` the KPI's count). */
		measure: string | null;
		from: string | null;
		to: string | null;
		where: { dim: string; value: string }[];
		moved: { from: string; to: string } | null;
		q: string | null;
	};
	sort: string;
}

export async function conversationListPage(db: WarehouseConnection, request: ConversationListRequest): Promise<ConversationListPage> {
	const list = await listConversations(db, request);
	const d = request.drill;
	return {
		...list,
		pages: Math.max(1, Math.ceil(list.total / list.pageSize)),
		filter: {
			kpi: d?.kpi ?? null,
			kpiLabel: d?.kpiLabel ?? null,
			cond: d?.cond ?? null,
			condition: d?.label ?? null,
			measure: d?.measure ?? null,
			from: request.query.from,
			to: request.query.to,
			where: request.query.where,
			moved: request.moved,
			q: request.q
		},
		sort: `${request.sort.desc ? '-' : ''}${request.sort.key}`
	};
}
