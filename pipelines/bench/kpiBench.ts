// Bench section `kpi`: the dashboard overview's KPI queries (all KPIs for the last 12 weeks,
// the same by week, and one filtered breakdown by channel) at 100,000 and 1,000,000
// conversations over the same 12 weeks, their ratio, and the time to rebuild and to refresh
// conversation_facts. `--quick` uses 10,000 and 100,000.
import path from 'node:path';
import { parseKpiQuery, queryKpis, refreshConversationFacts, rebuildConversationFacts } from '../../src/lib/server/kpi';
import { withWarehouse, type WarehouseConnection } from '../../src/lib/server/warehouse';
import type { BenchContext } from './runBench';
import { fillSyntheticWarehouse } from './fillSyntheticWarehouse';

const WEEKS = 12;
const END = '2026-11-23';
const RUNS = 9;

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

/** The overview page's three KPI queries, run one after another (the scale section runs them too). */
export async function overview(db: WarehouseConnection) {
	const range = { from: '2026-08-31', to: '2026-11-22' };
	const all = await queryKpis(db, parseKpiQuery(range));
	const weekly = await queryKpis(db, parseKpiQuery({ ...range, by: 'week' }));
	const byChannel = await queryKpis(db, parseKpiQuery({ ...range, by: 'channel', where: ['language=en'] }));
	return { all, weekly, byChannel };
}

async function measure(ctx: BenchContext, n: number) {
	const file = path.join(ctx.tmpDir, `kpi-${n}.duckdb`);
	return withWarehouse(file, async (w) => {
		const db = w.db;
		ctx.log(`kpi: filling ${n.toLocaleString('en')} synthetic conversations…`);
		const [fillMs] = await time(() => fillSyntheticWarehouse(db, n, WEEKS, END));
		const events = (await db.one<{ n: number }>('SELECT count(*) AS n FROM events'))!.n;
		ctx.log(
			`kpi: ${n.toLocaleString('en')} conversations, ${events.toLocaleString('en')} events in ${(fillMs / 1000).toFixed(1)}s; rebuilding conversation_facts…`
		);
		const [rebuildMs] = await time(() => rebuildConversationFacts(db));
		ctx.log(
			`kpi: rebuilt facts in ${(rebuildMs / 1000).toFixed(1)}s (${Math.round(n / (rebuildMs / 1000)).toLocaleString('en')} conversations/s); refreshing 1,000…`
		);
		// What an import of 1,000 changed conversations adds for the facts, inside its transaction.
		await db.run(
			`CREATE OR REPLACE TEMP TABLE bench_affected AS SELECT source, id FROM conversations WHERE hash(id) % ${Math.max(1, Math.round(n / 1000))} = 0 LIMIT 1000`
		);
		const [refreshMs] = await time(() => db.transaction((tx) => refreshConversationFacts(tx, 'bench_affected')));
		await db.run('DROP TABLE bench_affected');
		await db.run('CHECKPOINT');

		for (let i = 0; i < 2; i++) await overview(db); // warm-up
		const runs: number[] = [];
		let last: Awaited<ReturnType<typeof overview>> | undefined;
		for (let i = 0; i < RUNS; i++) {
			const [t, result] = await time(() => overview(db));
			runs.push(t);
			last = result;
		}
		const overviewMs = median(runs);
		ctx.log(`kpi: overview at ${n.toLocaleString('en')}: median ${overviewMs.toFixed(1)} ms over ${RUNS} runs`);
		return {
			conversations: n,
			events,
			fill_s: ms(fillMs / 1000),
			facts_rebuild_s: ms(rebuildMs / 1000),
			facts_refresh_1000_ms: ms(refreshMs),
			overview_ms: ms(overviewMs),
			overview_min_ms: ms(Math.min(...runs)),
			overview_max_ms: ms(Math.max(...runs)),
			// Sanity: the queries saw the data.
			conversations_in_12_weeks: last!.all.rows[0].conversations,
			weeks_returned: last!.weekly.rows.length,
			channels_returned: last!.byChannel.rows.length
		};
	});
}

export async function runKpiBench(ctx: BenchContext) {
	const [small, large] = ctx.quick ? [10_000, 100_000] : [100_000, 1_000_000];
	const a = await measure(ctx, small);
	const b = await measure(ctx, large);
	return {
		what: 'overview = all KPIs for 12 weeks + the same by week + by channel filtered to language=en; median of 9 runs after 2 warm-ups; same 12 weeks at both sizes',
		small: a,
		large: b,
		size_ratio: large / small,
		overview_time_ratio: ms(b.overview_ms / a.overview_ms),
		aim: 'large overview < 100 ms (at 1,000,000) and time ratio <= 2 for 10x the data'
	};
}
