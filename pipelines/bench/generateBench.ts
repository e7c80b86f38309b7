// Bench section `generate`: the sample generator writing every format (canonical, Zendesk,
// Intercom, CSV, manifest) in its own process, against copying the same bytes (the least any
// writer of that output must do), with the generator's peak RSS.
import fs from 'node:fs';
import path from 'node:path';
import { measureChild } from './measureChild';
import type { BenchContext } from './runBench';

interface WorkerResult {
	seconds: number;
	peak_rss_mb: number;
	conversations?: number;
	events?: number;
	bytes?: number;
}

const WORKER = path.resolve('pipelines/bench/generateWorker.ts');

export async function runGenerateBench(ctx: BenchContext) {
	const conversations = ctx.quick ? 10_000 : 100_000;
	const out = path.join(ctx.tmpDir, 'generate-sample');
	ctx.log(`generating ${conversations.toLocaleString('en')} conversations in every format…`);
	const ours = await measureChild<WorkerResult>(WORKER, ['generate', out, String(conversations)], ctx.log);
	ctx.log('baseline: copying the same output…');
	const copy = await measureChild<WorkerResult>(WORKER, ['copy', out, path.join(ctx.tmpDir, 'generate-copy')], ctx.log);
	fs.rmSync(path.join(ctx.tmpDir, 'generate-copy'), { recursive: true, force: true });
	fs.rmSync(out, { recursive: true, force: true });
	return {
		conversations,
		output_mb: Math.round((copy.bytes ?? 0) / 2 ** 20),
		seconds: ours.seconds,
		conversations_per_s: Math.round(conversations / ours.seconds),
		events_per_s: Math.round((ours.events ?? 0) / ours.seconds),
		peak_rss_mb: ours.peak_rss_mb,
		copy_baseline_seconds: copy.seconds,
		ratio_to_copy: +(ours.seconds / Math.max(0.01, copy.seconds)).toFixed(1)
	};
}
