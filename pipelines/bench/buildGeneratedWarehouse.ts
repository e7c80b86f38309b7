// Fills a warehouse the way a user does, for the benches that need realistic data (skewed
// channels, queues, intents and languages, response times in whole seconds with an auto-close a
// day after the last reply): the sample generator writes N canonical conversations as JSON
// Lines, and the real import loads them in its own process (importWorker, so its peak RSS is
// its own). The input is removed once imported; the warehouse stays for the caller.
import fs from 'node:fs';
import path from 'node:path';
import { measureChild } from './measureChild';
import { generateScaleInput } from './scaleBench';
import type { BenchContext } from './runBench';

export const IMPORT_WORKER = path.resolve('pipelines/bench/importWorker.ts');

/** What the import section's worker prints (it may add more, e.g. where the time went: passed on as is). */
export interface ImportFigures {
	seconds: number;
	peak_rss_mb: number;
	loaded: number;
	[more: string]: unknown;
}

/** Generates `n` conversations (`label`: the section's name in the log) into `db`; the JSON Lines go under `out` and are deleted. */
export async function buildGeneratedWarehouse(ctx: BenchContext, label: string, n: number, out: string, db: string) {
	const count = n.toLocaleString('en');
	try {
		const { file, generateSeconds } = await generateScaleInput(out, n, (line) => ctx.log(line.replace(/^scale:/, `${label}:`)));
		const inputBytes = fs.statSync(file).size;
		ctx.log(
			`${label}: ${count} conversations, ${Math.round(inputBytes / 2 ** 20).toLocaleString('en')} MB in ${generateSeconds.toFixed(0)} s; importing…`
		);
		const imported = await measureChild<ImportFigures>(IMPORT_WORKER, ['ours', file, db], ctx.log);
		return { generateSeconds, inputBytes, imported };
	} finally {
		fs.rmSync(out, { recursive: true, force: true });
	}
}
