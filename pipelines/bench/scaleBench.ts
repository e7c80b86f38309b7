// Bench section `scale`: builds a large canonical export on disk with the sample generator
// (10,000,000 conversations by default), imports it with the real import, and measures what
// a dashboard at that size pays: import time and rate, warehouse size on disk, a facts
// rebuild, the kpi section's uncached overview, the conversation list with and without a KPI
// filter, and the peak RSS of each process. A baseline size (1,000,000) goes through the same
// steps first in the same run, and each figure's growth is large / baseline.
//   SUPPORTLENS_BENCH_SCALE=200000 SUPPORTLENS_BENCH_SCALE_BASELINE=20000 npm run bench -- --only scale
// Inputs and warehouses are deleted as soon as they are measured (10M is ~15 GB of JSON Lines).
import fs from 'node:fs';
import path from 'node:path';
import { isProcessAlive } from '../../src/lib/server/isProcessAlive';
import { generateSample } from '../generate/generateSample';
import { IMPORT_WORKER, type ImportFigures } from './buildGeneratedWarehouse';
import { measureChild } from './measureChild';
import type { BenchContext } from './runBench';

const QUERY_WORKER = path.resolve('pipelines/bench/scaleWorker.ts');
/** DuckDB memory limit of the query process (the import keeps its own): big enough not to spill on reads, small enough for a shared box. */
const QUERY_MEMORY_LIMIT = process.env.SUPPORTLENS_DUCKDB_MEMORY ?? '2GB';
/** Disk a conversation needs at most while its size is measured: JSON Lines, manifest, import staging, warehouse. */
const DISK_BYTES_PER_CONVERSATION = 4500;

interface ListFigures {
	kpi_filter: boolean;
	total: number;
	median_ms: number;
	max_ms: number;
	runs: number;
}
interface QueryFigures {
	conversations: number;
	events: number;
	facts_rebuild_s: number;
	overview: { median_ms: number; min_ms: number; max_ms: number; runs: number; conversations_in_range: number; weeks_returned: number };
	lists: Record<string, ListFigures>;
	peak_rss_mb: number;
}

function sizeFromEnv(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const n = Number(raw.replace(/[_,]/g, ''));
	if (!Number.isInteger(n) || n < 1000) throw new Error(`${name}=${raw}: expected a whole number of conversations, at least 1000`);
	return n;
}

const round = (x: number, digits = 2) => +x.toFixed(digits);
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

function fileBytes(file: string): number {
	return [file, `${file}.wal`].reduce((sum, f) => sum + (fs.existsSync(f) ? fs.statSync(f).size : 0), 0);
}

/** Where a kept input records that it is complete and how long it took to write. */
const GENERATED_MARK = 'generated.json';

/**
 * Writes `n` canonical conversations into `out` (only the JSON Lines stay: the manifest of
 * planted truths is not needed here and is big), unless a complete copy is already there.
 */
export async function generateScaleInput(
	out: string,
	n: number,
	log: (line: string) => void
): Promise<{ file: string; generateSeconds: number }> {
	const file = path.join(out, 'canonical', 'conversations.jsonl');
	const mark = path.join(out, GENERATED_MARK);
	// Another process writing the same kept input (one started ahead of the bench): wait for it.
	const lock = `${out}.generating`;
	const writer = () => (fs.existsSync(lock) ? Number(fs.readFileSync(lock, 'utf8')) : 0);
	if (writer() && writer() !== process.pid && isProcessAlive(writer())) log(`scale: waiting for PID ${writer()} to finish writing ${out}…`);
	while (!fs.existsSync(mark) && writer() && writer() !== process.pid && isProcessAlive(writer())) {
		await new Promise((resolve) => setTimeout(resolve, 5000));
	}
	if (fs.existsSync(mark)) {
		log(`scale: reusing the ${n.toLocaleString('en')} conversations in ${out}`);
		return { file, generateSeconds: JSON.parse(fs.readFileSync(mark, 'utf8')).generate_s };
	}
	fs.rmSync(out, { recursive: true, force: true });
	fs.mkdirSync(path.dirname(out), { recursive: true });
	fs.writeFileSync(lock, String(process.pid));
	log(`scale: generating ${n.toLocaleString('en')} canonical conversations…`);
	const generatedAt = performance.now();
	let nextLog = 0.1;
	await generateSample({
		out,
		conversations: n,
		formatShares: { canonical: 1 },
		onProgress: (written, total) => {
			if (written / total < nextLog) return;
			log(`scale: generated ${written.toLocaleString('en')} of ${total.toLocaleString('en')}`);
			nextLog += 0.1;
		}
	});
	const generateSeconds = (performance.now() - generatedAt) / 1000;
	for (const entry of fs.readdirSync(out)) if (entry !== 'canonical') fs.rmSync(path.join(out, entry), { recursive: true, force: true });
	fs.writeFileSync(mark, JSON.stringify({ conversations: n, generate_s: round(generateSeconds, 1) }));
	fs.rmSync(lock, { force: true });
	return { file, generateSeconds };
}

/**
 * Generates, imports and queries `n` conversations; removes its files before returning
 * (SUPPORTLENS_BENCH_SCALE_INPUTS=DIR keeps the generated inputs in DIR for the next run: 10M
 * take a quarter of an hour to write). `onImported` gets the figures known once the import is
 * done (saved in case the run stops).
 */
async function measureSize(ctx: BenchContext, n: number, onImported: (figures: object) => void) {
	const label = n.toLocaleString('en');
	const keptInputs = process.env.SUPPORTLENS_BENCH_SCALE_INPUTS;
	const out = path.join(keptInputs ?? ctx.tmpDir, `scale-${n}`);
	const free = fs.statfsSync(ctx.tmpDir);
	const need = n * DISK_BYTES_PER_CONVERSATION;
	if (!fs.existsSync(path.join(out, GENERATED_MARK)) && free.bavail * free.bsize < need)
		throw new Error(`scale: ${label} conversations need about ${mb(need).toLocaleString('en')} MB free in ${ctx.tmpDir}`);
	const db = path.join(ctx.tmpDir, `scale-${n}.duckdb`);
	const removeInput = () => {
		if (!keptInputs) fs.rmSync(out, { recursive: true, force: true });
	};
	try {
		const { file, generateSeconds } = await generateScaleInput(out, n, ctx.log);
		const inputBytes = fs.statSync(file).size;
		ctx.log(`scale: ${label} conversations, ${mb(inputBytes).toLocaleString('en')} MB in ${generateSeconds.toFixed(0)} s; importing…`);

		const imported = await measureChild<ImportFigures>(IMPORT_WORKER, ['ours', file, db], ctx.log);
		removeInput();
		const warehouseBytes = fileBytes(db);
		ctx.log(
			`scale: imported ${imported.loaded.toLocaleString('en')} in ${imported.seconds.toFixed(1)} s, peak RSS ${imported.peak_rss_mb} MB, warehouse ${mb(warehouseBytes)} MB; querying…`
		);
		const importFigures = {
			conversations: n,
			input_mb: mb(inputBytes),
			generate_s: round(generateSeconds, 1),
			import: {
				...imported,
				conversations_per_s: Math.round(imported.loaded / imported.seconds),
				mb_per_s: round(mb(inputBytes) / imported.seconds, 1)
			},
			warehouse_mb: mb(warehouseBytes),
			warehouse_bytes_per_conversation: Math.round(warehouseBytes / n)
		};
		onImported(importFigures);
		const queried = await measureChild<QueryFigures>(QUERY_WORKER, [db, QUERY_MEMORY_LIMIT], ctx.log);
		ctx.log(`scale: ${label}: ${JSON.stringify(queried)}`);
		return {
			...importFigures,
			events: queried.events,
			warehouse_mb_after_rebuild: mb(fileBytes(db)),
			facts_rebuild_s: queried.facts_rebuild_s,
			overview: queried.overview,
			lists: queried.lists,
			query_process_peak_rss_mb: queried.peak_rss_mb
		};
	} finally {
		removeInput();
		for (const f of [db, `${db}.wal`]) fs.rmSync(f, { force: true });
	}
}

type SizeFigures = Awaited<ReturnType<typeof measureSize>>;

/** How each figure grows from the baseline to the large size (large / baseline). */
function growth(a: SizeFigures, b: SizeFigures) {
	const ratio = (x: number, y: number) => round(y / Math.max(x, 1e-9));
	return {
		conversations: ratio(a.conversations, b.conversations),
		import_seconds: ratio(a.import.seconds, b.import.seconds),
		import_rate: ratio(a.import.conversations_per_s, b.import.conversations_per_s),
		import_peak_rss: ratio(a.import.peak_rss_mb, b.import.peak_rss_mb),
		warehouse_size: ratio(a.warehouse_mb, b.warehouse_mb),
		facts_rebuild: ratio(a.facts_rebuild_s, b.facts_rebuild_s),
		overview: ratio(a.overview.median_ms, b.overview.median_ms),
		lists: Object.fromEntries(Object.keys(b.lists).map((k) => [k, ratio(a.lists[k].median_ms, b.lists[k].median_ms)])),
		query_process_peak_rss: ratio(a.query_process_peak_rss_mb, b.query_process_peak_rss_mb)
	};
}

const WHAT =
	'generated canonical JSON Lines imported by the real import (importWorker, as the import section); then in a fresh process: ' +
	'the kpi section overview (3 queries) and the conversation list (count + one page) without and with a KPI filter, each the ' +
	'median of 5 runs after a warm-up (3 once runs take 10 s), then a full rebuild of conversation_facts; ' +
	`query process DuckDB memory_limit ${QUERY_MEMORY_LIMIT}`;

export async function runScaleBench(ctx: BenchContext) {
	const large = sizeFromEnv('SUPPORTLENS_BENCH_SCALE', ctx.quick ? 200_000 : 10_000_000);
	const baseline = sizeFromEnv('SUPPORTLENS_BENCH_SCALE_BASELINE', ctx.quick ? 20_000 : 1_000_000);
	if (baseline >= large) throw new Error(`scale: the baseline (${baseline}) must be smaller than the large size (${large})`);
	const a = await measureSize(ctx, baseline, (imported) => ctx.savePartial({ what: WHAT, baseline: imported }));
	ctx.savePartial({ what: WHAT, baseline: a });
	const b = await measureSize(ctx, large, (imported) => ctx.savePartial({ what: WHAT, baseline: a, large: imported }));
	return {
		what: WHAT,
		baseline: a,
		large: b,
		growth_large_over_baseline: growth(a, b)
	};
}
