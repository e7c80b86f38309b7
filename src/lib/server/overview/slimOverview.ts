// The overview data as the page needs it: every figure the cards show at full precision (they
// must equal `kpis --json`), but trend and breakdown rows cut to the values the charts and
// tables draw, rounded — the page's serialised data is a third of its HTML otherwise.
import { kpisShownOn } from '../../kpi/kpiCatalogue';
import type { KpiRow } from '../kpi';
import type { Breakdown, OverviewData } from './loadOverview';

/** The KPIs the breakdown charts and tables show (the catalogue says which). */
const BREAKDOWN_KPIS = kpisShownOn('breakdown');

const round = (v: number | null) => (v === null || Number.isInteger(v) ? v : Math.round(v * 1e6) / 1e6);

function pick(row: KpiRow, keys: readonly string[] | null): KpiRow {
	const out: Record<string, unknown> = { group: row.group };
	for (const [k, v] of Object.entries(row)) if (k !== 'group' && (!keys || keys.includes(k))) out[k] = round(v as number | null);
	return out as KpiRow;
}

const slimmed = new WeakMap<OverviewData, OverviewData>();

/** Same object for the same cached overview, so a busy page slims it once. */
export function slimOverview(data: OverviewData): OverviewData {
	let slim = slimmed.get(data);
	if (!slim) {
		const breakdowns = {} as Record<Breakdown, KpiRow[]>;
		for (const [by, rows] of Object.entries(data.breakdowns)) breakdowns[by as Breakdown] = rows.map((r) => pick(r, BREAKDOWN_KPIS));
		slim = { ...data, trend: data.trend.map((r) => pick(r, null)), breakdowns };
		slimmed.set(data, slim);
	}
	return slim;
}
