// Bench section `import`: our import of a generated canonical file against DuckDB's own
// read_json loading the same file into a table, each in a fresh process (own peak RSS).
import fs from 'node:fs';
import path from 'node:path';
import { generateSample } from '../generate/generateSample';
import { measureChild } from './measureChild';
import type { BenchContext } from './runBench';

interface WorkerResult {
	seconds: number;
	peak_rss_mb: number;
	loaded: number;
}

const WORKER = path.resolve('pipelines/bench/importWorker.ts');

export async function runImportBench(ctx: BenchContext) {
	const conversations = ctx.quick ? 20_000 : 1_000_000;
	const out = path.join(ctx.tmpDir, 'import-sample');
	ctx.log(`generating ${conversations.toLocaleString('en')} canonical conversations…`);
	const generatedAt = performance.now();
	await generateSample({ out, conversations, formatShares: { canonical: 1 } });
	const generateSeconds = (performance.now() - generatedAt) / 1000;
	const file = path.join(out, 'canonical', 'conversations.jsonl');
	const fileMb = fs.statSync(file).size / 2 ** 20;

	ctx.log('DuckDB read_json baseline…');
	const baseline = await measureChild<WorkerResult>(WORKER, ['duckdb', file, path.join(ctx.tmpDir, 'baseline.duckdb')], ctx.log);
	ctx.log('our import…');
	const ours = await measureChild<WorkerResult>(WORKER, ['ours', file, path.join(ctx.tmpDir, 'ours.duckdb')], ctx.log);
	return {
		conversations,
		file_mb: Math.round(fileMb),
		generate_seconds: +generateSeconds.toFixed(1),
		ours: { ...ours, records_per_s: Math.round(ours.loaded / ours.seconds), mb_per_s: +(fileMb / ours.seconds).toFixed(1) },
		duckdb_read_json: { ...baseline, records_per_s: Math.round(baseline.loaded / baseline.seconds) },
		ratio_ours_to_read_json: +(ours.seconds / baseline.seconds).toFixed(2),
		aim: 'ratio ≤ 2, peak RSS < 1024 MB'
	};
}
