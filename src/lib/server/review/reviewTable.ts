// What one table of the weekly quality review is: a title, its columns (in display and CSV
// order) and a query over one ISO week that returns the rows plus the full count.
import type { WarehouseConnection } from '../warehouse';
import type { IsoWeek } from './isoWeek';

export interface ReviewColumn {
	key: string;
	label: string;
	/** How the page shows the value; CSV always gets the raw value. */
	format?: 'datetime' | 'ratio' | 'hours' | 'text' | 'boolean';
}

/** Every review row names its conversation, so the page can link to /conversations/{source}/{id}. */
export interface ReviewRow {
	source: string;
	id: string;
	[key: string]: unknown;
}

export interface ReviewTableResult<R extends ReviewRow = ReviewRow> {
	rows: R[];
	/** Rows in the week before `limit` cut them. */
	total: number;
}

export interface ReviewTable<R extends ReviewRow = ReviewRow> {
	key: string;
	title: string;
	description: string;
	empty: string;
	columns: ReviewColumn[];
	/** Rows are events (drafts, hand-offs) and carry event_id besides the conversation's key. */
	eventRows?: boolean;
	/** `limit` null means every row (CSV downloads). */
	load(db: WarehouseConnection, week: IsoWeek, limit: number | null): Promise<ReviewTableResult<R>>;
}

/** The most rows a CSV download carries; a week at 1M conversations stays far below it. */
export const CSV_ROW_CAP = 200_000;

export const limitOf = (limit: number | null) => limit ?? CSV_ROW_CAP;

/**
 * The conversations created in the week, with the KPI engine's per-conversation facts: the
 * scope of every review table, as a CTE named wk. Flags (contained, reopened, …) come from
 * conversation_facts so each table selects exactly what the KPI it explains counts.
 */
export const WEEK_CTE = `wk AS (
	SELECT *
	FROM conversation_facts
	WHERE created_at >= ?::TIMESTAMP AND created_at < ?::TIMESTAMP
)`;

export const weekParams = (week: IsoWeek) => [week.from, week.toExclusive];

/**
 * The week's hand-offs, assignments and rejected or edited drafts (review_events, kept by
 * week beside events, which is in import order and millions of rows), as a CTE named wev
 * after WEEK_CTE; its parameters follow weekParams' (weekEventParams gives all three).
 */
export const WEEK_EVENTS_CTE = `wev AS (SELECT * FROM review_events WHERE week = ?::DATE)`;

export const weekEventParams = (week: IsoWeek) => [...weekParams(week), week.from];
