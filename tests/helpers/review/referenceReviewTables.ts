// The review tables as first written: straight joins of the week's conversations with every
// event (slow at 1M, plainly right). The equivalence test holds the faster tables to them.
import { editMagnitude } from '../../../src/lib/server/kpi';
import { HEAVY_EDIT_MAGNITUDE, type IsoWeek, type ReviewRow } from '../../../src/lib/server/review';
import type { WarehouseConnection } from '../../../src/lib/server/warehouse';

const WEEK = `wk AS (SELECT * FROM conversation_facts WHERE created_at >= ?::TIMESTAMP AND created_at < ?::TIMESTAMP)`;

const SQL: Record<'escalations' | 'reroutes', string> = {
	escalations: `
WITH ${WEEK},
h AS (
	SELECT e.source, e.conversation_id AS id, e.id AS event_id, e.seq, e.occurred_at AS at, e.to_queue, e.reason
	FROM events e JOIN wk ON e.source = wk.source AND e.conversation_id = wk.id WHERE e.type = 'handoff'
),
after AS (
	SELECT h.source, h.id, h.event_id, list_sort(list_distinct(list(a.queue))) AS queues
	FROM h LEFT JOIN events a ON a.source = h.source AND a.conversation_id = h.id AND a.type = 'assignment' AND a.seq > h.seq
	GROUP BY h.source, h.id, h.event_id
)
SELECT h.source, h.id, h.event_id, h.at, wk.channel, h.reason, h.to_queue,
	array_to_string(after.queues, ', ') AS queues_after,
	coalesce(len(after.queues) = 1 AND after.queues[1] = h.to_queue, false) AS accurate
FROM h JOIN wk ON wk.source = h.source AND wk.id = h.id
JOIN after ON after.source = h.source AND after.id = h.id AND after.event_id = h.event_id
ORDER BY accurate, h.at, h.source, h.id, h.event_id`,
	reroutes: `
WITH ${WEEK},
a AS (
	SELECT e.source, e.conversation_id AS id, e.seq, e.queue,
		lag(e.queue) OVER (PARTITION BY e.source, e.conversation_id ORDER BY e.seq) AS prev
	FROM events e JOIN wk ON e.source = wk.source AND e.conversation_id = wk.id
	WHERE wk.distinct_queues >= 2 AND e.type = 'assignment' AND e.queue IS NOT NULL
),
g AS (
	SELECT source, id,
		string_agg(queue, ' → ' ORDER BY seq) FILTER (WHERE prev IS NULL OR prev <> queue) AS queue_path,
		count(*) FILTER (WHERE prev IS NOT NULL AND prev <> queue) AS moves,
		arg_min(queue, seq) AS first_queue, arg_max(queue, seq) AS final_queue
	FROM a GROUP BY source, id
),
h AS (
	SELECT e.source, e.conversation_id AS id, arg_min(e.to_queue, e.seq) AS handoff_to_queue
	FROM events e JOIN g ON e.source = g.source AND e.conversation_id = g.id WHERE e.type = 'handoff'
	GROUP BY e.source, e.conversation_id
)
SELECT g.source, g.id, wk.created_at, wk.channel, h.handoff_to_queue, g.first_queue, g.final_queue, g.queue_path, g.moves
FROM g JOIN wk ON wk.source = g.source AND wk.id = g.id LEFT JOIN h ON h.source = g.source AND h.id = g.id
ORDER BY g.moves DESC, wk.created_at, g.source, g.id`
};

const DRAFTS_SQL = `
WITH ${WEEK}
SELECT e.source, e.conversation_id AS id, e.id AS event_id, e.occurred_at AS at, wk.channel, e.agent_id, e.review,
	coalesce(e.body, '') AS body, e.final_body
FROM events e JOIN wk ON e.source = wk.source AND e.conversation_id = wk.id
WHERE e.type = 'draft' AND e.review IN ('rejected', 'edited')`;

/** Every row of the table for the week, in page order, as the first version returned them. */
export async function referenceReviewRows(db: WarehouseConnection, key: string, week: IsoWeek): Promise<ReviewRow[]> {
	const params = [week.from, week.toExclusive];
	if (key === 'escalations' || key === 'reroutes') return db.all<ReviewRow>(SQL[key], params);
	if (key !== 'drafts') throw new Error(`no reference for ${key}`);
	const flagged: ReviewRow[] = [];
	for (const { body, final_body, ...r } of await db.all<ReviewRow & { body: string; final_body: string | null }>(DRAFTS_SQL, params)) {
		if (r.review === 'edited' && final_body === null) continue;
		const magnitude = r.review === 'edited' ? editMagnitude(body, final_body!) : null;
		if (magnitude !== null && magnitude < HEAVY_EDIT_MAGNITUDE) continue;
		const flat = body.replace(/\s+/g, ' ').trim();
		const draft = flat.length > 160 ? `${flat.slice(0, 159)}…` : flat;
		flagged.push({ ...r, edit_magnitude: magnitude === null ? null : Math.round(magnitude * 1000) / 1000, draft });
	}
	const at = (r: ReviewRow) => (r.at as Date).getTime();
	const text = (r: ReviewRow, k: string) => r[k] as string;
	return flagged.sort(
		(a, b) =>
			((b.edit_magnitude as number | null) ?? 2) - ((a.edit_magnitude as number | null) ?? 2) ||
			at(a) - at(b) ||
			a.source.localeCompare(b.source) ||
			a.id.localeCompare(b.id) ||
			text(a, 'event_id').localeCompare(text(b, 'event_id'))
	);
}
