// The values a dimension takes in conversation_facts, for filter dropdowns: read from the
// weekly rollup's one-dimension grouping set when it is up to date (a few hundred rows instead
// of every conversation; the same values, since every fact row lies in one of its cells).
import type { WarehouseConnection } from '../warehouse/WarehouseConnection';
import { DIMENSION_SQL, type Dimension } from './dimensions';
import { rollupUsable } from './queryRollupKpis';
import { groupingId } from './rollupSql';

/** Sorted, without nulls; weeks as their Monday (YYYY-MM-DD). */
export async function distinctDimensionValues(db: WarehouseConnection, dim: Dimension): Promise<string[]> {
	const expr = DIMENSION_SQL[dim];
	if (!expr) throw new RangeError(`unknown dimension ${dim}`);
	const from = (await rollupUsable(db))
		? `kpi_rollup WHERE gs = ${groupingId(dim === 'week' ? [] : [dim])} AND`
		: 'conversation_facts WHERE';
	const rows = await db.all<{ v: string }>(`SELECT DISTINCT ${expr} AS v FROM ${from} ${expr} IS NOT NULL ORDER BY 1`);
	return rows.map((r) => r.v);
}
