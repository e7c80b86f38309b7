// Everything the overview page shows for one set of filters: the period's KPIs against the
// previous period of the same length, 12 weekly points per KPI (sparklines and trend charts),
// breakdowns by channel, language and queue, and the values the filter dropdowns offer.
import { distinctDimensionValues, parseKpiQuery, queryKpis, type KpiRow } from '../kpi';
import type { WarehouseConnection } from '../warehouse';
import { FILTER_DIMENSIONS, whereOf, type FilterDimension, type OverviewFilters } from './overviewFilters';
import { previousPeriod, resolvePeriod, type OverviewPeriod } from './resolvePeriod';

export const TREND_WEEKS = 12;
export const BREAKDOWNS = ['channel', 'language', 'queue'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];
const DAY_MS = 86_400_000;
const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
const mondayOf = (t: number) => t - ((new Date(t).getUTCDay() + 6) % 7) * DAY_MS;

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
}

/** What the overview shows whatever the filters: the warehouse's size and span, and the dropdowns' values. */
export interface OverviewBase {
	warehouseConversations: number;
	dataFrom: string | null;
	dataTo: string | null;
	options: Record<FilterDimension, string[]>;
}

export async function loadOverviewBase(db: WarehouseConnection): Promise<OverviewBase> {
	const span = await db.one<{ n: number; first: string | null; last: string | null }>(
		`SELECT count(*) AS n, strftime(min(created_at), '%Y-%m-%d') AS first, strftime(max(created_at), '%Y-%m-%d') AS last FROM conversation_facts`
	);
	const options = {} as Record<FilterDimension, string[]>;
	for (const dim of FILTER_DIMENSIONS) options[dim] = await distinctDimensionValues(db, dim);
	return { warehouseConversations: span?.n ?? 0, dataFrom: span?.first ?? null, dataTo: span?.last ?? null, options };
}

/** `base` is shared by every filter set of one warehouse state (the cache passes it in). */
export async function loadOverview(db: WarehouseConnection, filters: OverviewFilters, base?: OverviewBase): Promise<OverviewData> {
	const { warehouseConversations, dataFrom, dataTo, options } = base ?? (await loadOverviewBase(db));
	const empty: OverviewData = {
		warehouseConversations,
		dataFrom,
		dataTo,
		period: null,
		previous: null,
		current: null,
		before: null,
		trend: [],
		breakdowns: { channel: [], language: [], queue: [] },
		options
	};
	if (!warehouseConversations || !dataTo) return empty;

	const where = whereOf(filters);
	const period = resolvePeriod(filters, dataTo);
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
