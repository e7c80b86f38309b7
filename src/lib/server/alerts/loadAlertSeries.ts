// Reads the weekly figures alerts judge, from the KPI engine itself: every KPI by week,
// overall and for each channel, queue and language — one engine query per scope.
import { distinctDimensionValues, parseKpiQuery, queryKpiDetails, type KpiDetailRow } from '../kpi';
import type { WarehouseConnection } from '../warehouse';
import type { AlertSettings } from './alertSettings';
import type { AlertScope } from './alertTypes';

export interface AlertSeries {
	scope: AlertScope;
	/** One row per week from `from` to `to`, weeks without conversations included (empty rows). */
	rows: KpiDetailRow[];
}

/** `from` and `to` are inclusive UTC days, Monday to Sunday. */
export async function loadAlertSeries(db: WarehouseConnection, from: string, to: string, settings: Pick<AlertSettings, 'scopes'>): Promise<AlertSeries[]> {
	const weekly = async (where: string[]) => (await queryKpiDetails(db, parseKpiQuery({ from, to, by: 'week', where }))).rows;
	const series: AlertSeries[] = [{ scope: { dimension: 'all', value: null }, rows: await weekly([]) }];
	for (const dimension of settings.scopes) {
		for (const value of await distinctDimensionValues(db, dimension)) {
			series.push({ scope: { dimension, value }, rows: await weekly([`${dimension}=${value}`]) });
		}
	}
	return series;
}
