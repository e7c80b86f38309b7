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

// Contained and reopened are conversation_facts' flags (docs/kpis.md's containment and reopen
// definitions, computed once by the KPI engine); the reopen time is first solve + reopen gap.
const SQL = `
WITH ${WEEK_CTE}
SELECT wk.source, wk.id, wk.created_at, wk.channel, wk.language, c.subject,
	wk.first_solve_at AS solved_at,
	wk.first_solve_at + to_microseconds(CAST(round(wk.reopen_gap_s * 1e6) AS BIGINT)) AS reopened_at,
	round(wk.reopen_gap_s / 3600.0, 2) AS hours_to_reopen,
	count(*) OVER () AS total
FROM wk JOIN conversations c ON c.source = wk.source AND c.id = wk.id
WHERE wk.contained AND wk.reopened
ORDER BY wk.reopen_gap_s, wk.source, wk.id
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
