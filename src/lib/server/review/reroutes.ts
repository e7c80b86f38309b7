// Review table: conversations assigned to two or more distinct queues (the reroute rate's
// numerator, conversation_facts.distinct_queues >= 2), with the path they took and where the AI's hand-off first sent them.
import type { WarehouseConnection } from '../warehouse';
import type { IsoWeek } from './isoWeek';
import {
	limitOf,
	WEEK_CTE,
	WEEK_EVENTS_CTE,
	weekEventParams,
	type ReviewRow,
	type ReviewTable,
	type ReviewTableResult
} from './reviewTable';

export interface RerouteRow extends ReviewRow {
	created_at: Date;
	channel: string;
	handoff_to_queue: string | null;
	first_queue: string;
	final_queue: string;
	queue_path: string;
	moves: number;
}

// Only the week's rerouted conversations (from conversation_facts) are looked up in the
// week's review_events.
const SQL = `
WITH ${WEEK_CTE}, ${WEEK_EVENTS_CTE},
r AS MATERIALIZED (SELECT source, id, created_at, channel FROM wk WHERE distinct_queues >= 2),
a AS (
	SELECT e.source, e.conversation_id AS id, e.seq, e.queue,
		lag(e.queue) OVER (PARTITION BY e.source, e.conversation_id ORDER BY e.seq) AS prev
	FROM wev e SEMI JOIN r ON e.source = r.source AND e.conversation_id = r.id
	WHERE e.type = 'assignment' AND e.queue IS NOT NULL
),
g AS (
	SELECT source, id,
		string_agg(queue, ' → ' ORDER BY seq) FILTER (WHERE prev IS NULL OR prev <> queue) AS queue_path,
		count(*) FILTER (WHERE prev IS NOT NULL AND prev <> queue) AS moves,
		arg_min(queue, seq) AS first_queue,
		arg_max(queue, seq) AS final_queue
	FROM a
	GROUP BY source, id
),
h AS (
	SELECT e.source, e.conversation_id AS id, arg_min(e.to_queue, e.seq) AS handoff_to_queue
	FROM wev e SEMI JOIN r ON e.source = r.source AND e.conversation_id = r.id
	WHERE e.type = 'handoff'
	GROUP BY e.source, e.conversation_id
)
SELECT g.source, g.id, r.created_at, r.channel, h.handoff_to_queue, g.first_queue, g.final_queue, g.queue_path, g.moves,
	count(*) OVER () AS total
FROM g JOIN r ON r.source = g.source AND r.id = g.id
LEFT JOIN h ON h.source = g.source AND h.id = g.id
ORDER BY g.moves DESC, r.created_at, g.source, g.id
LIMIT ?`;

export const reroutes: ReviewTable<RerouteRow> = {
	key: 'reroutes',
	title: 'Reroutes',
	description: 'Conversations that moved between two or more queues before someone owned them.',
	empty: 'No conversation of this week was assigned to more than one queue.',
	columns: [
		{ key: 'created_at', label: 'Created', format: 'datetime' },
		{ key: 'channel', label: 'Channel' },
		{ key: 'handoff_to_queue', label: 'AI handed off to' },
		{ key: 'queue_path', label: 'Queue path' },
		{ key: 'final_queue', label: 'Final queue' },
		{ key: 'moves', label: 'Moves' }
	],
	async load(db: WarehouseConnection, week: IsoWeek, limit: number | null): Promise<ReviewTableResult<RerouteRow>> {
		const rows = await db.all<RerouteRow & { total: number }>(SQL, [...weekEventParams(week), limitOf(limit)]);
		return { rows: rows.map(({ total: _t, ...r }) => r as RerouteRow), total: rows[0]?.total ?? 0 };
	}
};
