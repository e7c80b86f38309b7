// Bench worker for `scale`: on a warehouse the real import just filled, in a fresh process
// (so its peak RSS is its own): the kpi section's overview queries, the conversation list with
// and without a KPI filter, then a full rebuild of the facts (last: at 10M it is the slow
// part, and the import already wrote the facts the queries read); prints its figures as JSON.
//   tsx pipelines/bench/scaleWorker.ts DB MEMORY_LIMIT
import { listConversations } from '../../src/lib/server/conversations/listConversations';
import { parseConversationListRequest } from '../../src/lib/server/conversations/parseConversationFilter';
import { rebuildConversationFacts } from '../../src/lib/server/kpi';
import { withWarehouse } from '../../src/lib/server/warehouse';
import { LISTS as KPI_LISTS } from './exportBench';
import { overview } from './kpiBench';

/** The list as a user opens it before choosing a KPI: everything, one week and channel, a deep page. */
const PLAIN_LISTS: Record<string, string> = {
	all_newest_first: '',
	one_week_chat: 'week=2026-W45&channel=chat',
	all_page_100: 'page=100'
};
/** Timed runs after the warm-up: 5, or 3 once they have taken 10 s (at 10M a list can take seconds). */
const RUNS = 5;
const MIN_RUNS = 3;
const ENOUGH_MS = 10_000;

const ms = (t: number) => Math.round(t * 100) / 100;

/** Median, min and max of the timed calls after one warm-up; the last call's result. */
async function timeRuns<T>(fn: () => Promise<T>): Promise<{ median_ms: number; min_ms: number; max_ms: number; runs: number; last: T }> {
	let last = await fn();
	const runs: number[] = [];
	let spent = 0;
	while (runs.length < RUNS && (runs.length < MIN_RUNS || spent < ENOUGH_MS)) {
		const started = performance.now();
		last = await fn();
		runs.push(performance.now() - started);
		spent += runs[runs.length - 1];
	}
	runs.sort((a, b) => a - b);
	const median = runs[Math.floor(runs.length / 2)];
	return { median_ms: ms(median), min_ms: ms(runs[0]), max_ms: ms(runs[runs.length - 1]), runs: runs.length, last };
}

const [db, memoryLimit] = process.argv.slice(2);
const figures = await withWarehouse(
	db,
	async (w) => {
		const counts = (await w.db.one<{ conversations: number; events: number }>(
			'SELECT (SELECT count(*) FROM conversations) AS conversations, (SELECT count(*) FROM events) AS events'
		))!;
		const { last: result, ...overviewMs } = await timeRuns(() => overview(w.db));
		process.stderr.write(`overview: median ${overviewMs.median_ms} ms of ${overviewMs.runs}\n`);
		const lists: Record<string, { kpi_filter: boolean; total: number; median_ms: number; max_ms: number; runs: number }> = {};
		for (const [kpiFilter, set] of [
			[false, PLAIN_LISTS],
			[true, KPI_LISTS]
		] as const) {
			for (const [name, query] of Object.entries(set)) {
				const request = parseConversationListRequest(new URLSearchParams(query));
				const { last, median_ms, max_ms, runs } = await timeRuns(() => listConversations(w.db, request));
				lists[name] = { kpi_filter: kpiFilter, total: last.total, median_ms, max_ms, runs };
				process.stderr.write(`list ${name}: median ${median_ms} ms of ${runs}\n`);
			}
		}
		const rebuildStarted = performance.now();
		await rebuildConversationFacts(w.db);
		const rebuildSeconds = (performance.now() - rebuildStarted) / 1000;
		await w.db.run('CHECKPOINT');
		process.stderr.write(`facts rebuilt in ${rebuildSeconds.toFixed(1)} s\n`);
		return {
			...counts,
			facts_rebuild_s: ms(rebuildSeconds),
			overview: { ...overviewMs, conversations_in_range: result.all.rows[0].conversations, weeks_returned: result.weekly.rows.length },
			lists
		};
	},
	{ mustExist: true, memoryLimit }
);
console.log(JSON.stringify({ ...figures, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) }));
