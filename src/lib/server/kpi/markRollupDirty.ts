// Every writer of conversation_facts calls this before and after it changes rows, in the same
// transaction: the weeks of the rows it touches become "dirty", so no query reads a stale
// weekly rollup (it reads the facts) until refreshKpiRollup has rebuilt those weeks.
import type { SqlParams, WarehouseConnection } from '../warehouse/WarehouseConnection';

/** Marks the weeks of the `table` rows (default conversation_facts) matching `where`. */
export async function markRollupDirty(
	db: WarehouseConnection,
	where: string,
	params?: SqlParams,
	table = 'conversation_facts'
): Promise<void> {
	await db.run(`INSERT INTO kpi_rollup_dirty SELECT DISTINCT week FROM ${table} WHERE ${where}`, params);
}
