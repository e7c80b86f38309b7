// Bench section `grading`: the rules grader's throughput (items/s, in memory and as a full
// `grade` run with storage, against loading the same items from DuckDB), and the llm
// grader's wall time for 1,000 items against a loopback Chat Completions server with a fixed
// 200 ms latency at concurrency 16, as a ratio to the ideal 1,000 × 0.2 s / 16.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createLlmGrader } from '../../src/lib/server/grading/llm/createLlmGrader';
import { llmConfigFromEnv } from '../../src/lib/server/grading/llm/llmConfig';
import { loadGradingItems } from '../../src/lib/server/grading/loadGradingItems';
import { gradeByRules, rulesGrader } from '../../src/lib/server/grading/rules/rulesGrader';
import type { GradingItem } from '../../src/lib/server/grading/GradingItem';
import { runGrading } from '../../src/lib/server/grading/runGrading';
import { importFiles } from '../../src/lib/server/ingest';
import { Warehouse } from '../../src/lib/server/warehouse';
import { generateSample } from '../generate/generateSample';
import type { BenchContext } from './runBench';

const LATENCY_MS = 200;
const CONCURRENCY = 16;

/** Starts the loopback Chat Completions server in a child process; resolves with its URL and a stats/stop handle. */
function startServerProcess(latencyMs: number) {
	const child = spawn(path.resolve('node_modules/.bin/tsx'), [path.resolve('pipelines/bench/chatServerProcess.ts'), String(latencyMs)], {
		stdio: ['pipe', 'pipe', 'inherit']
	});
	const lines: string[] = [];
	let waiting: ((line: string) => void) | undefined;
	let buffer = '';
	child.stdout!.setEncoding('utf8');
	child.stdout!.on('data', (d: string) => {
		buffer += d;
		let i;
		while ((i = buffer.indexOf('\n')) >= 0) {
			const line = buffer.slice(0, i);
			buffer = buffer.slice(i + 1);
			if (waiting) {
				const w = waiting;
				waiting = undefined;
				w(line);
			} else lines.push(line);
		}
	});
	const nextLine = () =>
		new Promise<string>((resolve, reject) => {
			if (lines.length) return resolve(lines.shift()!);
			waiting = resolve;
			child.once('exit', (code) => reject(new Error(`chat server process exited ${code}`)));
		});
	return nextLine().then((url) => ({
		url,
		async stats(): Promise<{ requests: number; max_in_flight: number }> {
			child.stdin!.write('stats\n');
			return JSON.parse(await nextLine());
		},
		stop: () =>
			new Promise<void>((resolve) => {
				child.once('exit', () => resolve());
				child.stdin!.end();
			})
	}));
}

export async function runGradingBench(ctx: BenchContext) {
	const conversations = ctx.quick ? 2_000 : 20_000;
	const llmItems = ctx.quick ? 160 : 1_000;
	const out = path.join(ctx.tmpDir, 'grading-sample');
	ctx.log(`generating ${conversations.toLocaleString('en')} conversations for grading…`);
	await generateSample({ out, conversations, formatShares: { canonical: 1 } });
	const warehouse = await Warehouse.open(path.join(ctx.tmpDir, 'grading.duckdb'));
	try {
		await importFiles(warehouse, [path.join(out, 'canonical')], { origin: 'cli' });

		let t = performance.now();
		const items: GradingItem[] = [];
		for await (const batch of loadGradingItems(warehouse.db)) items.push(...batch);
		const loadSeconds = (performance.now() - t) / 1000;

		t = performance.now();
		let failed = 0;
		for (const item of items) for (const r of Object.values(gradeByRules(item))) if (r.verdict === 'fail') failed++;
		const rulesSeconds = (performance.now() - t) / 1000;

		ctx.log(`rules grader over ${items.length} items…`);
		t = performance.now();
		const run = await runGrading(warehouse, rulesGrader);
		const runSeconds = (performance.now() - t) / 1000;

		ctx.log(`llm grader: ${llmItems} items, ${LATENCY_MS} ms latency, concurrency ${CONCURRENCY}…`);
		const server = await startServerProcess(LATENCY_MS);
		let llm: { seconds: number; grading_phase_seconds: number; graded: number; errors: number; requests: number; max_in_flight: number };
		try {
			const grader = createLlmGrader({
				...llmConfigFromEnv({ OPENAI_BASE_URL: server.url, SUPPORTLENS_LLM_MODEL: 'bench' }),
				maxRetries: 0
			});
			t = performance.now();
			const result = await runGrading(warehouse, grader, { limit: llmItems, concurrency: CONCURRENCY });
			const seconds = (performance.now() - t) / 1000;
			llm = {
				seconds,
				grading_phase_seconds: result.seconds.grade,
				graded: result.graded,
				errors: result.errors,
				...(await server.stats())
			};
		} finally {
			await server.stop();
		}
		const ideal = (llmItems * LATENCY_MS) / 1000 / CONCURRENCY;
		return {
			conversations,
			items: items.length,
			rules: {
				items_per_s_in_memory: Math.round(items.length / rulesSeconds),
				items_per_s_grade_run: Math.round(run.graded / runSeconds),
				failed_criteria: failed,
				load_items_seconds: +loadSeconds.toFixed(2),
				ratio_grading_to_loading: +(rulesSeconds / loadSeconds).toFixed(2)
			},
			llm: {
				...llm,
				seconds: +llm.seconds.toFixed(2),
				grading_phase_seconds: +llm.grading_phase_seconds.toFixed(2),
				latency_ms: LATENCY_MS,
				concurrency: CONCURRENCY,
				ideal_seconds: ideal,
				/** The whole `grade` run: reading what to grade, grading, storing, refreshing the KPI counts. */
				ratio_to_ideal: +(llm.seconds / ideal).toFixed(3),
				/** Requests and storing only: what concurrency 16 buys. */
				grading_phase_ratio_to_ideal: +(llm.grading_phase_seconds / ideal).toFixed(3)
			},
			aim: 'llm grading_phase_ratio_to_ideal ≤ 1.1'
		};
	} finally {
		warehouse.close();
	}
}
