// Reads the weekly figures alerts judge, from the KPI engine itself: every KPI by week,
// overall and for each channel, queue and language — one engine query per scope, plus the
// sampling interval of each quantile KPI in each week (from the same conversations).
import {
	distinctDimensionValues,
	parseKpiQuery,
	queryKpiDetails,
	queryQuantileIntervals,
	type KpiDetailRow,
	type KpiFilter,
	type KpiKey,
	type QuantileIntervals
} from '../kpi';
import type { WarehouseConnection } from '../warehouse';
import type { AlertSettings } from './alertSettings';
import type { AlertScope } from '../../alerts/types';

/** One week of a scope: the engine's figures, and each quantile KPI's interval at its rule's z. */
export type AlertWeek = KpiDetailRow & { quantileIntervals: QuantileIntervals };

export interface AlertSeries {
	scope: AlertScope;
	/** One row per week from `from` to `to`, weeks without conversations included (empty rows). */
	rows: AlertWeek[];
}

/** `from` and `to` are inclusive UTC days, Monday to Sunday. */
export async function loadAlertSeries(
	db: WarehouseConnection,
	from: string,
	to: string,
	settings: Pick<AlertSettings, 'scopes' | 'kpis'>
): Promise<AlertSeries[]> {
	const byWeek = parseKpiQuery({ from, to, by: 'week' });
	const z = Object.fromEntries(Object.entries(settings.kpis).map(([key, rule]) => [key, rule.z])) as Record<KpiKey, number>;
	// Filters built as values, not parsed from "dim=value" text: a value may hold anything.
	const weekly = async (where: KpiFilter[]): Promise<AlertWeek[]> => {
		const q = { ...byWeek, where };
		const intervals = await queryQuantileIntervals(db, q, z);
		return (await queryKpiDetails(db, q)).rows.map((r) => ({ ...r, quantileIntervals: intervals.get(r.group!) ?? {} }));
	};
	const series: AlertSeries[] = [{ scope: { dimension: 'all', value: null }, rows: await weekly([]) }];
	for (const dimension of settings.scopes) {
		for (const value of await distinctDimensionValues(db, dimension)) {
			series.push({ scope: { dimension, value }, rows: await weekly([{ dim: dimension, value }]) });
		}
	}
	return series;
}
