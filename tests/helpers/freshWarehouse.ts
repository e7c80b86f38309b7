// A new, empty warehouse for tests that open many (property tests open one per run): copied from
// one migrated once per folder, since applying every migration cost more than many a run's work.
import fs from 'node:fs';
import path from 'node:path';
import { withWarehouse, type Warehouse } from '../../src/lib/server/warehouse';

const migrated = new Map<string, Promise<string>>();

/** Runs `fn` on a new warehouse at `file` (which must not exist yet), closing it afterwards. */
export async function withFreshWarehouse<T>(file: string, fn: (w: Warehouse) => Promise<T>): Promise<T> {
	const dir = path.dirname(file);
	let template = migrated.get(dir);
	if (!template) {
		const templateFile = path.join(dir, 'migrated-template.duckdb');
		template = withWarehouse(templateFile, async () => templateFile);
		migrated.set(dir, template);
	}
	fs.copyFileSync(await template, file, fs.constants.COPYFILE_EXCL);
	return withWarehouse(file, fn);
}
