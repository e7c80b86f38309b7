// Reads the weekly figures alerts judge, from the KPI engine itself: every KPI by week,
// overall and for each channel, queue and language — one engine query per scope.
import { distinctDimensionValues, parseKpiQuery, queryKpiDetails, type KpiDetailRow, type KpiFilter } from '../kpi';
import type { WarehouseConnection } from '../warehouse';
import type { AlertSettings } from './alertSettings';
import type { AlertScope } from '../../alerts/types';

export interface AlertSeries {
	scope: AlertScope;
	/** One row per week from `from` to `to`, weeks without conversations included (empty rows). */
	rows: KpiDetailRow[];
}

/** `from` and `to` are inclusive UTC days, Monday to Sunday. */
export async function loadAlertSeries(
	db: WarehouseConnection,
	from: string,
	to: string,
	settings: Pick<AlertSettings, 'scopes'>
): Promise<AlertSeries[]> {
	const byWeek = parseKpiQuery({ from, to, by: 'week' });
	// Filters built as values, not parsed from "dim=value" text: a value may hold anything.
	const weekly = async (where: KpiFilter[]) => (await queryKpiDetails(db, { ...byWeek, where })).rows;
	const series: AlertSeries[] = [{ scope: { dimension: 'all', value: null }, rows: await weekly([]) }];
	for (const dimension of settings.scopes) {
		for (const value of await distinctDimensionValues(db, dimension)) {
			series.push({ scope: { dimension, value }, rows: await weekly([{ dim: dimension, value }]) });
		}
	}
	return series;
}
