// Batched multi-row INSERT with bound parameters only: the SQL text holds placeholders and
// per-column casts from the caller's fixed column list, never values.
import type { DuckDBValue } from '@duckdb/node-api';
import type { WarehouseConnection } from '../warehouse';

export async function insertRows(
	db: WarehouseConnection,
	table: string,
	columns: { name: string; cast?: string }[],
	rows: DuckDBValue[][],
	batch = Math.max(1, Math.floor(4000 / columns.length))
): Promise<void> {
	const placeholder = `(${columns.map((c) => (c.cast ? `?::${c.cast}` : '?')).join(', ')})`;
	const names = columns.map((c) => c.name).join(', ');
	for (let i = 0; i < rows.length; i += batch) {
		const part = rows.slice(i, i + batch);
		await db.run(`INSERT INTO ${table} (${names}) VALUES ${part.map(() => placeholder).join(', ')}`, part.flat());
	}
}
