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
	// Time is summed per phase: a file in slices reads and merges once per slice.
	const spent = { reading: 0, loading: 0 };
	let phase: 'reading' | 'loading' = 'reading';
	let phaseStarted = started;
	let merges = 0;
	const onProgress = (p: { phase: string; records: number }) => {
		const next = p.phase === 'loading' ? 'loading' : 'reading';
		if (next === phase) return;
		const now = performance.now();
		spent[phase] += now - phaseStarted;
		if (next === 'loading') merges++;
		// One line per transaction on stderr (the bench logs it): how far a long import got if it is stopped.
		else
			process.stderr.write(
				`import: transaction ${merges} committed, ${p.records.toLocaleString('en')} records read in ${((now - started) / 1000).toFixed(1)} s ` +
					`(read ${(spent.reading / 1000).toFixed(1)} s, merge ${(spent.loading / 1000).toFixed(1)} s), peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB\n`
			);
		phase = next;
		phaseStarted = now;
	};
	const summary = await withWarehouse(
		db,
		(w) => importFiles(w, [file], { origin: 'bench', workers: Math.min(4, os.availableParallelism()), onProgress }),
		{
			memoryLimit: process.env.SUPPORTLENS_DUCKDB_MEMORY ?? IMPORT_DUCKDB_MEMORY_LIMIT
		}
	);
	spent[phase] += performance.now() - phaseStarted;
	// Reading = parse, validate, flatten and stage (DuckDB or worker threads); merging = the DuckDB transactions (with the KPI facts).
	extra = {
		loaded: summary.loaded,
		quarantined: summary.quarantined,
		read_seconds: spent.reading / 1000,
		merge_seconds: spent.loading / 1000,
		transactions: merges
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
