// Review table: conversations the AI "contained" (solved with no hand-off and no human) that
// the customer reopened afterwards — containment that did not hold.
import type { WarehouseConnection } from '../warehouse';
import type { IsoWeek } from './isoWeek';
import { limitOf, WEEK_CTE, weekParams, type ReviewRow, type ReviewTable, type ReviewTableResult } from './reviewTable';

export interface ReopenedContainedRow extends ReviewRow {
	created_at: Date;
	channel: string;
	language: string | null;
	subject: string | null;
	solved_at: Date;
	reopened_at: Date;
	hours_to_reopen: number;
}

// Contained follows DESIGN.md: AI-involved, ever solved or closed, no hand-off, not
// human-involved. A reopen is an open/pending/new status after the first solve.
const SQL = `
WITH ${WEEK_CTE},
per AS (
	SELECT e.source, e.conversation_id AS id,
		bool_or(e.type = 'message' AND e.author = 'ai') AS ai,
		bool_or((e.type = 'message' AND e.author = 'agent') OR (e.type = 'draft' AND e.review IN ('sent_as_is', 'edited'))) AS human,
		count(*) FILTER (WHERE e.type = 'handoff') AS handoffs,
		min(e.seq) FILTER (WHERE e.type = 'status' AND e.status IN ('solved', 'closed')) AS solve_seq
	FROM events e JOIN wk ON e.source = wk.source AND e.conversation_id = wk.id
	GROUP BY e.source, e.conversation_id
),
contained AS (SELECT source, id, solve_seq FROM per WHERE ai AND NOT human AND handoffs = 0 AND solve_seq IS NOT NULL),
reopened AS (
	SELECT c.source, c.id,
		min(e.occurred_at) FILTER (WHERE e.seq = c.solve_seq) AS solved_at,
		min(e.occurred_at) FILTER (WHERE e.type = 'status' AND e.status IN ('open', 'pending', 'new') AND e.seq > c.solve_seq) AS reopened_at
	FROM contained c JOIN events e ON e.source = c.source AND e.conversation_id = c.id
	GROUP BY c.source, c.id
)
SELECT r.source, r.id, wk.created_at, wk.channel, wk.language, wk.subject, r.solved_at, r.reopened_at,
	round(epoch(r.reopened_at - r.solved_at) / 3600.0, 2) AS hours_to_reopen,
	count(*) OVER () AS total
FROM reopened r JOIN wk ON wk.source = r.source AND wk.id = r.id
WHERE r.reopened_at IS NOT NULL
ORDER BY r.reopened_at - r.solved_at, r.source, r.id
LIMIT ?`;

export const reopenedContained: ReviewTable<ReopenedContainedRow> = {
	key: 'reopened',
	title: 'Reopened "contained" conversations',
	description: 'The AI solved these without a hand-off or a human, and the customer came back: containment that did not hold.',
	empty: 'No contained conversation of this week was reopened.',
	columns: [
		{ key: 'created_at', label: 'Created', format: 'datetime' },
		{ key: 'channel', label: 'Channel' },
		{ key: 'language', label: 'Language' },
		{ key: 'subject', label: 'Subject', format: 'text' },
		{ key: 'solved_at', label: 'Solved', format: 'datetime' },
		{ key: 'reopened_at', label: 'Reopened', format: 'datetime' },
		{ key: 'hours_to_reopen', label: 'Hours to reopen', format: 'hours' }
	],
	async load(db: WarehouseConnection, week: IsoWeek, limit: number | null): Promise<ReviewTableResult<ReopenedContainedRow>> {
		const rows = await db.all<ReopenedContainedRow & { total: number }>(SQL, [...weekParams(week), limitOf(limit)]);
		return { rows: rows.map(({ total: _t, ...r }) => r as ReopenedContainedRow), total: rows[0]?.total ?? 0 };
	}
};
