// Applies the migrations the warehouse file hasn't seen yet, each in its own transaction.
import { MIGRATIONS, type Migration } from './migrations';
import type { WarehouseConnection } from './WarehouseConnection';

export async function applyMigrations(db: WarehouseConnection, migrations: Migration[] = MIGRATIONS): Promise<number[]> {
	await db.run(
		`CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)`
	);
	const done = new Set((await db.all<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
	const applied: number[] = [];
	for (const migration of migrations) {
		if (done.has(migration.version)) continue;
		await db.transaction(async (tx) => {
			await tx.run(migration.sql);
			await tx.run('INSERT INTO schema_migrations VALUES (?, ?, now()::TIMESTAMP)', [migration.version, migration.name]);
		});
		applied.push(migration.version);
	}
	return applied;
}
