// Bench section `kpi`: the dashboard overview's KPI queries (all KPIs for the last 12 weeks,
// the same by week, and one filtered breakdown by channel) at 100,000 and 1,000,000
// conversations over the same 12 weeks, their ratio — served by the weekly rollup, and for
// comparison from conversation_facts alone — the time to rebuild and to refresh
// conversation_facts and the rollup, and the p95 of the conversation list opened from a KPI,
// the gap list and the weekly review (pageQueryLatency.ts). `--quick` uses 10,000 and 100,000.
// The data is the sample generator's (14 weeks), loaded by the real import: a uniform synthetic
// fill once hid what realistic data costs (skewed dimensions, whole-second times that pile up
// on a day-long auto-close), 88 ms there against 300 ms on generated data at 1M.
import { isDeepStrictEqual } from 'node:util';
import path from 'node:path';
import {
	parseKpiQuery,
	queryFactKpiDetails,
	queryKpiDetails,
	refreshConversationFacts,
	rebuildConversationFacts,
	refreshKpiRollup
} from '../../src/lib/server/kpi';
import { measurePageQueries } from './pageQueryLatency';
import { withWarehouse, type WarehouseConnection } from '../../src/lib/server/warehouse';
import type { BenchContext } from './runBench';
import { DEFAULT_END } from '../generate/sampleCalendar';
import { buildGeneratedWarehouse } from './buildGeneratedWarehouse';

const WEEKS = 12;
const RUNS = 9;
const DAY_MS = 86_400_000;

function median(values: number[]): number {
	const v = [...values].sort((a, b) => a - b);
	return v[Math.floor(v.length / 2)];
}
const ms = (t: number) => Math.round(t * 100) / 100;

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
	const started = performance.now();
	const result = await fn();
	return [performance.now() - started, result];
}

const day = (t: number) => new Date(t).toISOString().slice(0, 10);
/** The generator's last 12 whole weeks (its data ends at DEFAULT_END, a Monday). */
const RANGE = { from: day(Date.parse(DEFAULT_END) - WEEKS * 7 * DAY_MS), to: day(Date.parse(DEFAULT_END) - DAY_MS) };

const QUERIES = ['all', 'weekly', 'byChannel'] as const;

/**
 * The overview page's three KPI queries, run one after another (`query`: the engine, or the
 * fact table alone; the scale section runs them too); `times` gets each one's milliseconds.
 */
export async function overview(db: WarehouseConnection, query: typeof queryKpiDetails = queryKpiDetails, times?: Record<string, number>) {
	const run = async (name: (typeof QUERIES)[number], q: Parameters<typeof parseKpiQuery>[0]) => {
		const [t, result] = await time(() => query(db, parseKpiQuery(q)));
		if (times) times[name] = t;
		return result;
	};
	const all = await run('all', RANGE);
	const weekly = await run('weekly', { ...RANGE, by: 'week' });
	const byChannel = await run('byChannel', { ...RANGE, by: 'channel', where: ['language=en'] });
	return { all, weekly, byChannel };
}

/** Median, min and max of RUNS runs after 2 warm-ups, each query's median, and the last result. */
async function timeOverview(db: WarehouseConnection, query?: typeof queryKpiDetails) {
	for (let i = 0; i < 2; i++) await overview(db, query); // warm-up
	const runs: number[] = [];
	const each: Record<string, number[]> = Object.fromEntries(QUERIES.map((q) => [q, []]));
	let last: Awaited<ReturnType<typeof overview>> | undefined;
	for (let i = 0; i < RUNS; i++) {
		const times: Record<string, number> = {};
		const [t, result] = await time(() => overview(db, query, times));
		runs.push(t);
		for (const q of QUERIES) each[q].push(times[q]);
		last = result;
	}
	const queries = Object.fromEntries(QUERIES.map((q) => [q, ms(median(each[q]))]));
	return { median: median(runs), min: Math.min(...runs), max: Math.max(...runs), queries, last: last! };
}

async function measure(ctx: BenchContext, n: number) {
	const file = path.join(ctx.tmpDir, `kpi-${n}.duckdb`);
	const { generateSeconds, imported } = await buildGeneratedWarehouse(ctx, 'kpi', n, path.join(ctx.tmpDir, `kpi-${n}`), file);
	return withWarehouse(file, async (w) => {
		const db = w.db;
		const events = (await db.one<{ n: number }>('SELECT count(*) AS n FROM events'))!.n;
		ctx.log(
			`kpi: ${n.toLocaleString('en')} conversations, ${events.toLocaleString('en')} events imported in ${imported.seconds.toFixed(1)}s; rebuilding conversation_facts…`
		);
		const [rebuildMs] = await time(() => rebuildConversationFacts(db));
		const [rollupMs] = await time(() => db.transaction((tx) => refreshKpiRollup(tx, true)));
		ctx.log(
			`kpi: rebuilt facts and rollup in ${(rebuildMs / 1000).toFixed(1)}s (${Math.round(n / (rebuildMs / 1000)).toLocaleString('en')} conversations/s; the rollup alone ${(rollupMs / 1000).toFixed(1)}s); refreshing 1,000…`
		);
		// What an import of 1,000 changed conversations adds for the facts, inside its transaction.
		await db.run(
			`CREATE OR REPLACE TEMP TABLE bench_affected AS SELECT source, id FROM conversations WHERE hash(id) % ${Math.max(1, Math.round(n / 1000))} = 0 LIMIT 1000`
		);
		let rollupRefreshMs = 0;
		let rollupMode = '';
		const [refreshMs] = await time(() =>
			db.transaction(async (tx) => {
				await refreshConversationFacts(tx, 'bench_affected');
				const started = performance.now();
				rollupMode = await refreshKpiRollup(tx);
				rollupRefreshMs = performance.now() - started;
			})
		);
		await db.run('DROP TABLE bench_affected');
		await db.run('CHECKPOINT');

		const rollup = await timeOverview(db);
		const facts = await timeOverview(db, queryFactKpiDetails);
		ctx.log(
			`kpi: overview at ${n.toLocaleString('en')}: median ${rollup.median.toFixed(1)} ms (from the facts alone ${facts.median.toFixed(1)} ms) over ${RUNS} runs; page queries…`
		);
		const pages = await measurePageQueries(db, RANGE.from, RANGE.to);
		const last = rollup.last;
		return {
			conversations: n,
			events,
			generate_s: ms(generateSeconds),
			import_s: ms(imported.seconds),
			facts_rebuild_s: ms(rebuildMs / 1000),
			rollup_rebuild_s: ms(rollupMs / 1000),
			facts_refresh_1000_ms: ms(refreshMs),
			rollup_refresh_after_1000_ms: ms(rollupRefreshMs),
			rollup_refresh_mode: rollupMode,
			overview_ms: ms(rollup.median),
			overview_min_ms: ms(rollup.min),
			overview_max_ms: ms(rollup.max),
			overview_queries_ms: rollup.queries,
			overview_facts_only_ms: ms(facts.median),
			overview_facts_only_queries_ms: facts.queries,
			overview_equal_to_facts: isDeepStrictEqual(rollup.last, facts.last),
			// Sanity: the queries saw the data.
			conversations_in_12_weeks: last.all.rows[0].conversations,
			weeks_returned: last.weekly.rows.length,
			channels_returned: last.byChannel.rows.length,
			pages
		};
	});
}

export async function runKpiBench(ctx: BenchContext) {
	const [small, large] = ctx.quick ? [10_000, 100_000] : [100_000, 1_000_000];
	const a = await measure(ctx, small);
	const b = await measure(ctx, large);
	return {
		what: `generated sample data (14 weeks) through the real import; overview = all KPIs for the last 12 weeks (${RANGE.from} to ${RANGE.to}) + the same by week + by channel filtered to language=en; median of 9 runs after 2 warm-ups (and each query's median); overview_ms from the weekly rollup, overview_facts_only_ms from conversation_facts alone (how it ran before the rollup); pages: p95 of 20 runs`,
		small: a,
		large: b,
		size_ratio: large / small,
		overview_time_ratio: ms(b.overview_ms / a.overview_ms),
		overview_facts_only_time_ratio: ms(b.overview_facts_only_ms / a.overview_facts_only_ms),
		aim: 'large overview < 100 ms (at 1,000,000) and time ratio <= 2 for 10x the data'
	};
}
