// Review table: every AI hand-off of the week, with the queues the conversation was assigned
// to afterwards and whether the hand-off was accurate (its to_queue is the only one).
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

export interface EscalationRow extends ReviewRow {
	event_id: string;
	at: Date;
	channel: string;
	reason: string | null;
	to_queue: string | null;
	queues_after: string;
	accurate: boolean;
}

// The week's hand-offs come from review_events (the week's slice, not the millions of events),
// then the assignments of just those conversations; each step is materialised once.
const SQL = `
WITH ${WEEK_CTE}, ${WEEK_EVENTS_CTE},
h AS MATERIALIZED (
	SELECT e.source, e.conversation_id AS id, e.id AS event_id, e.seq, e.occurred_at AS at, e.to_queue, e.reason
	FROM wev e SEMI JOIN wk ON e.source = wk.source AND e.conversation_id = wk.id
	WHERE e.type = 'handoff'
),
a AS MATERIALIZED (
	SELECT e.source, e.conversation_id AS id, e.seq, e.queue
	FROM wev e SEMI JOIN h ON e.source = h.source AND e.conversation_id = h.id
	WHERE e.type = 'assignment'
),
after AS (
	SELECT h.source, h.id, h.event_id, list_sort(list_distinct(list(a.queue))) AS queues
	FROM h LEFT JOIN a ON a.source = h.source AND a.id = h.id AND a.seq > h.seq
	GROUP BY h.source, h.id, h.event_id
)
SELECT h.source, h.id, h.event_id, h.at, wk.channel, h.reason, h.to_queue,
	array_to_string(after.queues, ', ') AS queues_after,
	coalesce(len(after.queues) = 1 AND after.queues[1] = h.to_queue, false) AS accurate,
	count(*) OVER () AS total
FROM h JOIN wk ON wk.source = h.source AND wk.id = h.id
JOIN after ON after.source = h.source AND after.id = h.id AND after.event_id = h.event_id
ORDER BY accurate, h.at, h.source, h.id, h.event_id
LIMIT ?`;

export const escalations: ReviewTable<EscalationRow> = {
	key: 'escalations',
	eventRows: true,
	title: 'Escalations',
	description: 'Every AI hand-off to a human queue; inaccurate ones (the conversation ended up elsewhere) first.',
	empty: 'The AI handed off no conversation this week.',
	columns: [
		{ key: 'at', label: 'Handed off', format: 'datetime' },
		{ key: 'channel', label: 'Channel' },
		{ key: 'reason', label: 'Reason' },
		{ key: 'to_queue', label: 'To queue' },
		{ key: 'queues_after', label: 'Assigned afterwards' },
		{ key: 'accurate', label: 'Accurate', format: 'boolean' }
	],
	async load(db: WarehouseConnection, week: IsoWeek, limit: number | null): Promise<ReviewTableResult<EscalationRow>> {
		const rows = await db.all<EscalationRow & { total: number }>(SQL, [...weekEventParams(week), limitOf(limit)]);
		return { rows: rows.map(({ total: _t, ...r }) => r as EscalationRow), total: rows[0]?.total ?? 0 };
	}
};
