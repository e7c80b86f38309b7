// Bench worker: one import (ours, or DuckDB's own read_json as the baseline) in a fresh
// process; prints {seconds, peak_rss_mb, ...} as JSON.
//   tsx importWorker.ts ours FILE DB   |   tsx importWorker.ts duckdb FILE DB
import os from 'node:os';
import { DuckDBInstance } from '@duckdb/node-api';
import { IMPORT_DUCKDB_MEMORY_LIMIT, importFiles } from '../../src/lib/server/ingest';
import { withWarehouse } from '../../src/lib/server/warehouse';

const [mode, file, db] = process.argv.slice(2);
const started = performance.now();
let extra: Record<string, unknown>;
if (mode === 'ours') {
	// Exactly what `ingest` does: worker threads and the import memory limit.
	let mergeStarted = 0;
	const onProgress = (p: { phase: string }) => {
		if (p.phase === 'loading' && !mergeStarted) mergeStarted = performance.now();
	};
	const summary = await withWarehouse(
		db,
		(w) => importFiles(w, [file], { origin: 'bench', workers: Math.min(4, os.availableParallelism()), onProgress }),
		{
			memoryLimit: process.env.SUPPORTLENS_DUCKDB_MEMORY ?? IMPORT_DUCKDB_MEMORY_LIMIT
		}
	);
	const done = performance.now();
	// Reading = parse, validate, flatten and stage in worker threads; merging = the DuckDB transaction (with the KPI facts).
	extra = {
		loaded: summary.loaded,
		quarantined: summary.quarantined,
		read_seconds: (mergeStarted - started) / 1000,
		merge_seconds: (done - mergeStarted) / 1000
	};
} else {
	const instance = await DuckDBInstance.create(db);
	const connection = await instance.connect();
	try {
		await connection.run(`CREATE TABLE raw AS SELECT * FROM read_json(?, format = 'newline_delimited')`, [file]);
		const reader = await connection.runAndReadAll('SELECT count(*)::INTEGER AS n FROM raw');
		extra = { loaded: reader.getRowObjectsJS()[0].n };
	} finally {
		connection.closeSync();
		instance.closeSync();
	}
}
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ seconds, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), ...extra }));
