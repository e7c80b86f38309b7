// Bench section `export`: `export conversations` of every conversation as CSV and Parquet
// (time, file size, peak RSS of the exporting process), and the conversation list's latency
// with a KPI filter (count + one page), at 1,000,000 synthetic conversations; `--quick`
// uses 100,000. The baseline is DuckDB copying conversation_facts alone to the same format.
import fs from 'node:fs';
import path from 'node:path';
import { listConversations } from '../../src/lib/server/conversations/listConversations';
import { parseConversationListRequest } from '../../src/lib/server/conversations/parseConversationFilter';
import { rebuildConversationFacts } from '../../src/lib/server/kpi';
import { withWarehouse } from '../../src/lib/server/warehouse';
import { fillSyntheticWarehouse } from './fillSyntheticWarehouse';
import { measureChild } from './measureChild';
import type { BenchContext } from './runBench';

const WEEKS = 12;
const RUNS = 9;
const ms = (t: number) => Math.round(t * 100) / 100;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Drill-down lists a dashboard user opens: KPI condition plus week / channel / sort / a deep page (the scale section opens them too). */
export const LISTS: Record<string, string> = {
	reopened_all_time: 'kpi=reopen_rate&cond=numerator',
	contained_one_week_chat: 'kpi=containment_rate&cond=numerator&week=2026-W45&channel=chat',
	csat_bad_by_resolution: 'kpi=csat&cond=rest&sort=-resolution_s',
	edited_drafts_page_100: 'kpi=draft_edit_rate&cond=numerator&page=100'
};

export async function runExportBench(ctx: BenchContext) {
	const n = ctx.quick ? 100_000 : 1_000_000;
	const db = path.join(ctx.tmpDir, `export-${n}.duckdb`);
	const lists: Record<string, { total: number; median_ms: number; max_ms: number }> = {};
	const baseline: Record<string, number> = {};
	await withWarehouse(db, async (w) => {
		ctx.log(`export: filling ${n.toLocaleString('en')} synthetic conversations…`);
		await fillSyntheticWarehouse(w.db, n, WEEKS);
		await rebuildConversationFacts(w.db);
		await w.db.run('CHECKPOINT');
		for (const [name, query] of Object.entries(LISTS)) {
			const request = parseConversationListRequest(new URLSearchParams(query));
			await listConversations(w.db, request); // warm-up
			const runs: number[] = [];
			let total = 0;
			for (let i = 0; i < RUNS; i++) {
				const started = performance.now();
				total = (await listConversations(w.db, request)).total;
				runs.push(performance.now() - started);
			}
			lists[name] = { total, median_ms: ms(median(runs)), max_ms: ms(Math.max(...runs)) };
			ctx.log(`export: list ${name}: ${total.toLocaleString('en')} rows, median ${median(runs).toFixed(1)} ms`);
		}
		for (const format of ['csv', 'parquet'] as const) {
			const started = performance.now();
			await w.db.run(`COPY conversation_facts TO '${path.join(ctx.tmpDir, `baseline.${format}`)}' (FORMAT ${format})`);
			baseline[format] = ms((performance.now() - started) / 1000);
		}
	});
	const exports: Record<string, { seconds: number; rows: number; mb: number; peak_rss_mb: number; vs_facts_copy: number }> = {};
	for (const format of ['csv', 'parquet'] as const) {
		const out = path.join(ctx.tmpDir, `export.${format}`);
		ctx.log(`export: ${format}…`);
		const r = await measureChild<{ seconds: number; rows: number; bytes: number; peak_rss_mb: number }>(
			path.resolve('pipelines/bench/exportWorker.ts'),
			[db, format, out],
			ctx.log
		);
		exports[format] = {
			seconds: ms(r.seconds),
			rows: r.rows,
			mb: ms(r.bytes / 2 ** 20),
			peak_rss_mb: r.peak_rss_mb,
			vs_facts_copy: ms(r.seconds / baseline[format])
		};
		fs.rmSync(out, { force: true });
	}
	return {
		what: 'export conversations of every conversation in a fresh process (time includes opening the warehouse; vs_facts_copy = that time / DuckDB COPY of conversation_facts alone); list = count + one 50-row page with the KPI filter, median of 9 after a warm-up',
		conversations: n,
		exports,
		baseline_facts_copy_s: baseline,
		lists,
		aim: 'export of 1,000,000 in under a minute with flat memory (RSS well under 2 GB); list < 100 ms at 1,000,000'
	};
}
