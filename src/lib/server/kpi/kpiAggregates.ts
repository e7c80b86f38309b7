// The aggregate columns every KPI query computes, derived once from KPI_DEFINITIONS: each
// distinct count/sum expression once (several rates share a denominator) under a short alias,
// and the quantiles each measured column needs. The fact-table query and the weekly rollup
// (which stores these same sums per cell) both select from this list, so they cannot drift.
import { aggregateSql, KPI_DEFINITIONS, type KpiCondition, type QuantileKpi } from './kpiDefinitions';

export interface KpiAggregate {
	/** Column alias, a0, a1… */
	alias: string;
	/** The aggregate over conversation_facts rows (count_if / sum). */
	sql: string;
	/** A DECIMAL sum (a fractional measure); else an integer count or sum. */
	fractional: boolean;
}

function build() {
	const aggregates: KpiAggregate[] = [];
	const byExpr = new Map<string, string>();
	const alias = new Map<string, string>(); // `${key}` / `${key}__num` / `${key}__den` → column alias
	const use = (name: string, c: KpiCondition) => {
		const sql = aggregateSql(c);
		if (!byExpr.has(sql)) {
			byExpr.set(sql, `a${aggregates.length}`);
			aggregates.push({ alias: `a${aggregates.length}`, sql, fractional: !!c.fractional });
		}
		alias.set(name, byExpr.get(sql)!);
	};
	const quantiles = new Map<QuantileKpi['column'], number[]>();
	for (const d of KPI_DEFINITIONS) {
		if (d.kind === 'count') use(d.key, d.counted);
		else if (d.kind === 'rate') {
			use(`${d.key}__num`, d.numerator);
			use(`${d.key}__den`, d.denominator);
		} else quantiles.set(d.column, [...(quantiles.get(d.column) ?? []), d.q]);
	}
	return { aggregates, alias, quantiles };
}

const built = build();
/** Every distinct count/sum, in a stable order. */
export const KPI_AGGREGATES: readonly KpiAggregate[] = built.aggregates;
/** KPI key (count) or `${key}__num` / `${key}__den` (rate) → its aggregate's alias. */
export const AGGREGATE_ALIAS: ReadonlyMap<string, string> = built.alias;
/** Each measured column with the quantiles asked of it (one sort per column), in definition order. */
export const QUANTILE_COLUMNS: ReadonlyMap<QuantileKpi['column'], readonly number[]> = built.quantiles;
