// Everything the overview page shows for one set of filters: the period's KPIs against the
// previous period of the same length, 12 weekly points per KPI (sparklines and trend charts),
// breakdowns by channel, language and queue, and the values the filter dropdowns offer.
import { distinctDimensionValues, KPI_DEFINITIONS, parseKpiQuery, queryKpis, type KpiRow } from '../kpi';
import type { WarehouseConnection } from '../warehouse';
import { FILTER_DIMENSIONS, whereOf, type FilterDimension, type OverviewFilters } from './overviewFilters';

export const TREND_WEEKS = 12;
export const BREAKDOWNS = ['channel', 'language', 'queue'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];
/** Without a date range, the overview shows this many full ISO weeks up to the latest data. */
const DEFAULT_WEEKS = 4;
const DAY_MS = 86_400_000;

export interface KpiMeta {
	key: string;
	label: string;
	description: string;
	kind: 'count' | 'rate' | 'quantile';
}

export interface OverviewPeriod {
	from: string;
	to: string;
	days: number;
}

export interface OverviewData {
	/** Conversations in the whole warehouse: 0 means nothing was imported yet. */
	warehouseConversations: number;
	dataFrom: string | null;
	dataTo: string | null;
	period: OverviewPeriod | null;
	previous: OverviewPeriod | null;
	current: KpiRow | null;
	before: KpiRow | null;
	/** One row per ISO week (group = its Monday), oldest first, weeks without data included. */
	trend: KpiRow[];
	breakdowns: Record<Breakdown, KpiRow[]>;
	options: Record<FilterDimension, string[]>;
	kpis: KpiMeta[];
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
const mondayOf = (t: number) => t - ((new Date(t).getUTCDay() + 6) % 7) * DAY_MS;

/** The period the filters ask for, or the last DEFAULT_WEEKS full weeks of the data. */
export function resolvePeriod(filters: Pick<OverviewFilters, 'from' | 'to'>, dataTo: string): OverviewPeriod {
	let from: number, to: number;
	if (filters.from && filters.to) [from, to] = [ms(filters.from), ms(filters.to)];
	else if (filters.to) [to, from] = [ms(filters.to), ms(filters.to) - (DEFAULT_WEEKS * 7 - 1) * DAY_MS];
	else if (filters.from) [from, to] = [ms(filters.from), Math.max(ms(filters.from), ms(dataTo))];
	else {
		to = mondayOf(ms(dataTo)) + 6 * DAY_MS;
		from = mondayOf(ms(dataTo)) - (DEFAULT_WEEKS - 1) * 7 * DAY_MS;
	}
	return { from: day(from), to: day(to), days: Math.round((to - from) / DAY_MS) + 1 };
}

/** The same number of days, ending the day before `period` starts. */
export function previousPeriod(period: OverviewPeriod): OverviewPeriod {
	const to = ms(period.from) - DAY_MS;
	return { from: day(to - (period.days - 1) * DAY_MS), to: day(to), days: period.days };
}

export const KPI_META: KpiMeta[] = KPI_DEFINITIONS.map((d) => ({ key: d.key, label: d.label, description: d.description, kind: d.kind }));

export async function loadOverview(db: WarehouseConnection, filters: OverviewFilters): Promise<OverviewData> {
	const span = await db.one<{ n: number; first: string | null; last: string | null }>(
		`SELECT count(*) AS n, strftime(min(created_at), '%Y-%m-%d') AS first, strftime(max(created_at), '%Y-%m-%d') AS last FROM conversation_facts`
	);
	const options = {} as Record<FilterDimension, string[]>;
	for (const dim of FILTER_DIMENSIONS) options[dim] = await distinctDimensionValues(db, dim);
	const empty: OverviewData = {
		warehouseConversations: span?.n ?? 0,
		dataFrom: span?.first ?? null,
		dataTo: span?.last ?? null,
		period: null,
		previous: null,
		current: null,
		before: null,
		trend: [],
		breakdowns: { channel: [], language: [], queue: [] },
		options,
		kpis: KPI_META
	};
	if (!span?.n || !span.last) return empty;

	const where = whereOf(filters);
	const period = resolvePeriod(filters, span.last);
	const previous = previousPeriod(period);
	const kpis = (from: string, to: string, by?: string) => queryKpis(db, parseKpiQuery({ from, to, by, where }));
	const current = (await kpis(period.from, period.to)).rows[0];
	const before = (await kpis(previous.from, previous.to)).rows[0];
	const trendFrom = day(mondayOf(ms(period.to)) - (TREND_WEEKS - 1) * 7 * DAY_MS);
	const trend = (await kpis(trendFrom, period.to, 'week')).rows;
	const breakdowns = { ...empty.breakdowns };
	for (const by of BREAKDOWNS) breakdowns[by] = (await kpis(period.from, period.to, by)).rows;
	return { ...empty, period, previous, current, before, trend, breakdowns };
}
