// Keeps review_events (the weekly review's events by week) current: the rows of the
// conversations an import touched are replaced by their rows of the review_event_rows view,
// inside that import's transaction. Registered in DERIVED_REFRESHERS.
import type { WarehouseConnection } from '../warehouse';

/**
 * The view's rows (migration 015) of the conversations in `affected`, with both of its inputs
 * narrowed to those conversations before they are joined: DuckDB does not push a filter on the
 * view's output below its join, so reading the view joined every hand-off, assignment and
 * reviewed draft with every conversation, a second pass over the warehouse per import (half
 * the time of this refresh at 1M). tests/integration/reviewTablesEquivalence.test.ts checks the
 * table equals the view after imports.
 */
const affectedRowsSql = (affected: string) => `
SELECT date_trunc('week', c.created_at)::DATE AS week, e.source, e.conversation_id, e.seq, e.id, e.occurred_at, e.type,
	e.agent_id, e.to_queue, e.reason, e.queue, e.review, e.body, e.final_body
FROM (SELECT * FROM events e SEMI JOIN ${affected} a ON a.source = e.source AND a.id = e.conversation_id) e
JOIN (SELECT c.source, c.id, c.created_at FROM conversations c SEMI JOIN ${affected} a ON a.source = c.source AND a.id = c.id) c
	ON c.source = e.source AND c.id = e.conversation_id
WHERE e.type IN ('handoff', 'assignment') OR (e.type = 'draft' AND e.review IN ('rejected', 'edited'))`;

export async function refreshReviewEvents(db: WarehouseConnection, affectedTable: string | null): Promise<void> {
	if (affectedTable === null) {
		await db.run('DELETE FROM review_events');
		await db.run('INSERT INTO review_events SELECT * FROM review_event_rows ORDER BY week');
		return;
	}
	if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(affectedTable)) throw new Error(`bad affected table name ${affectedTable}`);
	await db.run(`DELETE FROM review_events USING ${affectedTable} a
		WHERE review_events.source = a.source AND review_events.conversation_id = a.id`);
	await db.run(`INSERT INTO review_events ${affectedRowsSql(affectedTable)} ORDER BY week`);
}
