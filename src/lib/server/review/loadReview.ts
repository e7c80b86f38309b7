// Everything the weekly quality review shows for one ISO week: the week's KPIs against the
// week before (with an 8-week trend per KPI), the weeks that have data for the picker, and
// the first rows of each review table.
import { distinctDimensionValues, parseKpiQuery, queryKpis, type KpiRow } from '../kpi';
import type { WarehouseConnection } from '../warehouse';
import { isoWeekOf, previousIsoWeek, type IsoWeek } from './isoWeek';
import { REVIEW_TABLES } from './reviewTables';
import type { ReviewColumn, ReviewRow } from './reviewTable';

export const REVIEW_TREND_WEEKS = 8;
/** Rows per table on the page; the CSV download has them all. */
export const REVIEW_PAGE_ROWS = 25;

export interface ReviewTableData {
	key: string;
	title: string;
	description: string;
	empty: string;
	columns: ReviewColumn[];
	rows: ReviewRow[];
	total: number;
}

export interface ReviewData {
	week: IsoWeek;
	previous: IsoWeek;
	/** ISO weeks with conversations, newest first. */
	weeks: string[];
	current: KpiRow;
	before: KpiRow;
	trend: KpiRow[];
	tables: ReviewTableData[];
}

/** The latest ISO week with conversations, or the current one when the warehouse is empty. */
export async function latestWeek(db: WarehouseConnection): Promise<IsoWeek> {
	const row = await db.one<{ last: Date | null }>('SELECT max(created_at) AS last FROM conversation_facts');
	return isoWeekOf(row?.last ?? new Date());
}

export async function loadReview(db: WarehouseConnection, week: IsoWeek): Promise<ReviewData> {
	const previous = previousIsoWeek(week);
	const weeks = (await distinctDimensionValues(db, 'week')).map((monday) => isoWeekOf(monday).week).reverse();
	const kpis = async (from: string, to: string, by?: string) => (await queryKpis(db, parseKpiQuery({ from, to, by }))).rows;
	const [current] = await kpis(week.from, week.to);
	const [before] = await kpis(previous.from, previous.to);
	const trendFrom = new Date(Date.parse(week.from) - (REVIEW_TREND_WEEKS - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
	const trend = await kpis(trendFrom, week.to, 'week');
	const tables: ReviewTableData[] = [];
	for (const t of REVIEW_TABLES) {
		const { rows, total } = await t.load(db, week, REVIEW_PAGE_ROWS);
		tables.push({ key: t.key, title: t.title, description: t.description, empty: t.empty, columns: t.columns, rows, total });
	}
	return { week, previous, weeks, current, before, trend, tables };
}
