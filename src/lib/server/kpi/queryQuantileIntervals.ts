// The sampling interval of each quantile KPI (median and p90 response and resolution times):
// the distribution-free confidence interval from order statistics, read from the same
// conversations the KPI engine measures (each definition's `measured` condition and column,
// the same facts filter), per group of a breakdown.
import { paramsUsedBy } from '../warehouse/paramsUsedBy';
import type { WarehouseConnection } from '../warehouse/WarehouseConnection';
import { DIMENSION_SQL } from './dimensions';
import { factsFilter } from './factsFilter';
import { KPI_DEFINITIONS, type KpiKey, type QuantileKpi } from './kpiDefinitions';
import { resolveKpiSettings, settingsParams, type KpiSettings } from './kpiSettings';
import type { KpiQuery } from './parseKpiQuery';

/** The week's (group's) measured conversations and the values at the bracketing ranks. */
export interface QuantileInterval {
	n: number;
	low: number;
	high: number;
}
export type QuantileIntervals = Partial<Record<KpiKey, QuantileInterval>>;

const QUANTILE_KPIS = KPI_DEFINITIONS.filter((d): d is QuantileKpi => d.kind === 'quantile');

/**
 * For n measured conversations, the order statistics at ranks floor(n·q − z·√(n·q·(1−q))) and
 * ceil(n·q + z·√(n·q·(1−q))) + 1 (clamped to 1..n) bracket the q-quantile with about the
 * normal coverage of z, whatever the distribution — also a bimodal one, where the interval
 * stretches across the gap when the quantile sits near it. `z` per KPI (default 1). Keyed by
 * group as the engine's rows are (`'all'` without a breakdown); groups nothing measured are absent.
 */
export async function queryQuantileIntervals(
	db: WarehouseConnection,
	q: KpiQuery,
	z: Partial<Record<KpiKey, number>> = {},
	settings: Partial<KpiSettings> = {}
): Promise<Map<string, QuantileIntervals>> {
	const params: Record<string, string | number> = settingsParams(resolveKpiSettings(settings));
	const where = factsFilter(q, params);
	const group = q.by ? DIMENSION_SQL[q.by] : `'all'`;
	// One sort per measured population (column and condition), shared by its quantiles.
	const populations = new Map<string, QuantileKpi[]>();
	for (const d of QUANTILE_KPIS) {
		const key = `${d.column}\u0000${d.measured.where}`;
		populations.set(key, [...(populations.get(key) ?? []), d]);
	}
	// One statement: a ranked CTE per population, one row per group and KPI out of it.
	const ctes: string[] = [];
	const selects: string[] = [];
	[...populations.values()].forEach((kpis, p) => {
		const { column, measured } = kpis[0];
		ctes.push(
			`m${p} AS (SELECT ${group} AS g, ${column} AS v FROM conversation_facts WHERE ${[...where, `(${measured.where})`].join(' AND ')})`,
			`r${p} AS MATERIALIZED (SELECT g, v, row_number() OVER (PARTITION BY g ORDER BY v) AS i, count(*) OVER (PARTITION BY g) AS n FROM m${p})`
		);
		for (const d of kpis) {
			const k = selects.length;
			params[`k${k}`] = d.key;
			params[`z${k}`] = z[d.key] ?? 1;
			const spread = `$z${k} * sqrt(n * ${d.q} * (1 - ${d.q}))`;
			selects.push(
				`SELECT g, $k${k} AS kpi, any_value(n) AS n, ` +
					`max(v) FILTER (WHERE i = greatest(1, least(n, floor(n * ${d.q} - ${spread})))) AS low, ` +
					`max(v) FILTER (WHERE i = greatest(1, least(n, ceil(n * ${d.q} + ${spread}) + 1))) AS high FROM r${p} GROUP BY g`
			);
		}
	});
	const sql = `WITH ${ctes.join(',\n')}\n${selects.join('\nUNION ALL\n')}`;
	const rows = await db.all<{ g: unknown; kpi: KpiKey; n: unknown; low: unknown; high: unknown }>(sql, paramsUsedBy(sql, params));
	const out = new Map<string, QuantileIntervals>();
	for (const row of rows) {
		const intervals = out.get(String(row.g)) ?? {};
		intervals[row.kpi] = { n: Number(row.n), low: Number(row.low), high: Number(row.high) };
		out.set(String(row.g), intervals);
	}
	return out;
}
