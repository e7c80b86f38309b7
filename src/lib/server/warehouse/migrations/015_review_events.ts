// The weekly review's events (hand-offs, assignments, rejected and edited drafts) keyed by
// their conversation's week: events itself is in import order, so the review read all of it
// for one week. The view is the one definition of a row; the table holds it sorted by week
// (zone maps then skip the other weeks) and src/lib/server/review/refreshReviewEvents.ts keeps
// it current after each import.
export default {
	version: 15,
	name: 'review_events',
	sql: `
CREATE VIEW review_event_rows AS
SELECT date_trunc('week', c.created_at)::DATE AS week, e.source, e.conversation_id, e.seq, e.id, e.occurred_at, e.type,
	e.agent_id, e.to_queue, e.reason, e.queue, e.review, e.body, e.final_body
FROM events e JOIN conversations c ON c.source = e.source AND c.id = e.conversation_id
WHERE e.type IN ('handoff', 'assignment') OR (e.type = 'draft' AND e.review IN ('rejected', 'edited'));

CREATE TABLE review_events AS SELECT * FROM review_event_rows ORDER BY week;
`
};
