// Keeps the weekly KPI rollup (rollupSql.ts) in step with conversation_facts: rebuilds the
// weeks markRollupDirty recorded, or everything when the rollup is missing, was built by other
// KPI definitions, or has collected too many appended week batches (each batch is sorted on
// its own, so reading one value bucket touches one more row group per batch). Registered in
// DERIVED_REFRESHERS after every refresher that writes conversation_facts, so it runs inside
// the same import transaction.
import { paramsUsedBy } from '../warehouse/paramsUsedBy';
import type { WarehouseConnection } from '../warehouse/WarehouseConnection';
import { ROLLUP_PARAMS, ROLLUP_SIGNATURE, ROLLUP_TABLES, rollupSteps } from './rollupSql';

/** Week batches appended before the value tables are rebuilt in one sorted piece. */
const MAX_APPENDED_BATCHES = 4;

async function rebuildAll(db: WarehouseConnection): Promise<void> {
	const created = new Set<string>();
	for (const { table, select } of rollupSteps(null)) {
		const sql = created.has(table) ? `INSERT INTO ${table} ${select}` : `CREATE OR REPLACE TABLE ${table} AS ${select}`;
		created.add(table);
		await db.run(sql, paramsUsedBy(sql, ROLLUP_PARAMS));
	}
	await db.run('DELETE FROM kpi_rollup_state');
	await db.run('INSERT INTO kpi_rollup_state VALUES (?, 0)', [ROLLUP_SIGNATURE]);
}

async function rebuildWeeks(db: WarehouseConnection): Promise<void> {
	await db.run('CREATE OR REPLACE TEMP TABLE kpi_rollup_weeks AS SELECT DISTINCT week FROM kpi_rollup_dirty');
	try {
		for (const table of ROLLUP_TABLES) await db.run(`DELETE FROM ${table} WHERE week IN (SELECT week FROM kpi_rollup_weeks)`);
		for (const { table, select } of rollupSteps('kpi_rollup_weeks')) {
			const sql = `INSERT INTO ${table} ${select}`;
			await db.run(sql, paramsUsedBy(sql, ROLLUP_PARAMS));
		}
		await db.run('UPDATE kpi_rollup_state SET appended_batches = appended_batches + 1');
	} finally {
		await db.run('DROP TABLE IF EXISTS kpi_rollup_weeks').catch(() => {});
	}
}

/** Brings the rollup up to date; `full` rebuilds it whatever its state. */
export async function refreshKpiRollup(db: WarehouseConnection, full = false): Promise<'full' | 'weeks' | 'none'> {
	const state = (await db.one<{ signature: string | null; batches: number | null; tables: number; dirty: number }>(
		`SELECT (SELECT any_value(signature) FROM kpi_rollup_state) AS signature,
			(SELECT any_value(appended_batches) FROM kpi_rollup_state) AS batches,
			(SELECT count(*) FROM duckdb_tables() WHERE schema_name = 'main' AND table_name IN (${ROLLUP_TABLES.map((t) => `'${t}'`).join(', ')})) AS tables,
			(SELECT count(DISTINCT week) FROM kpi_rollup_dirty) AS dirty`
	))!;
	const usable = state.signature === ROLLUP_SIGNATURE && state.tables === ROLLUP_TABLES.length;
	let mode: 'full' | 'weeks' | 'none' = 'none';
	if (full || !usable || (state.batches ?? 0) >= MAX_APPENDED_BATCHES) mode = 'full';
	else if (state.dirty > 0) {
		const weeks = (await db.one<{ n: number }>('SELECT count(DISTINCT week) AS n FROM kpi_rollup'))!.n;
		// Most weeks changed: one sorted build costs about the same and keeps reads fast.
		mode = state.dirty * 2 >= weeks ? 'full' : 'weeks';
	}
	if (mode === 'full') await rebuildAll(db);
	else if (mode === 'weeks') await rebuildWeeks(db);
	if (mode !== 'none') await db.run('DELETE FROM kpi_rollup_dirty');
	return mode;
}
