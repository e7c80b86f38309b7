// The values a dimension takes in conversation_facts, for filter dropdowns.
import type { WarehouseConnection } from '../warehouse/WarehouseConnection';
import { DIMENSION_SQL, type Dimension } from './dimensions';

/** Sorted, without nulls; weeks as their Monday (YYYY-MM-DD). */
export async function distinctDimensionValues(db: WarehouseConnection, dim: Dimension): Promise<string[]> {
	const expr = DIMENSION_SQL[dim];
	if (!expr) throw new RangeError(`unknown dimension ${dim}`);
	const rows = await db.all<{ v: string }>(`SELECT DISTINCT ${expr} AS v FROM conversation_facts WHERE ${expr} IS NOT NULL ORDER BY 1`);
	return rows.map((r) => r.v);
}
