// Every KPI against values worked out by hand on tests/kpi/handFixture.ts (a real DuckDB file):
// reopen after close, hand-off then solved, drafts of each review outcome, no customer id,
// repeat contacts just inside and just outside the windows, an empty period, no events.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importConversations } from '../../src/lib/server/ingest';
import { distinctDimensionValues, KPI_KEYS, markRollupDirty, parseKpiQuery, queryKpis, type KpiRow } from '../../src/lib/server/kpi';
import { Warehouse } from '../../src/lib/server/warehouse';
import { HAND_FIXTURE, t } from '../kpi/handFixture';
import { makeTempDir } from '../helpers/tempDir';

const { dir, cleanup } = makeTempDir('supportlens-kpi-');
let w: Warehouse;

beforeAll(async () => {
	w = await Warehouse.open(path.join(dir, 'kpi.duckdb'));
	const summary = await importConversations(w, HAND_FIXTURE);
	expect(summary.loaded).toBe(11);
});
afterAll(() => {
	w?.close();
	cleanup();
});

const kpis = (input: Parameters<typeof parseKpiQuery>[0] = {}, settings = {}) => queryKpis(w.db, parseKpiQuery(input), settings);
const all = async (input: Parameters<typeof parseKpiQuery>[0] = {}, settings = {}) => (await kpis(input, settings)).rows[0];

/** Compares numbers within floating-point noise, counts, nulls and groups exactly. */
function expectKpis(row: KpiRow, expected: Partial<KpiRow>) {
	for (const [k, v] of Object.entries(expected)) {
		const actual = (row as Record<string, unknown>)[k];
		if (typeof v === 'number' && !['conversations', 'ai_involved', 'csat_responses'].includes(k)) {
			expect(typeof actual, k).toBe('number');
			expect(actual, k).toBeCloseTo(v, 9);
		} else expect(actual, k).toBe(v);
	}
}

describe('KPIs on the hand-worked fixture', () => {
	it('computes every KPI of the all row as worked out by hand', async () => {
		const row = await all();
		expect(Object.keys(row)).toEqual(['group', ...KPI_KEYS]);
		expectKpis(row, {
			group: 'all',
			conversations: 11,
			ai_involved: 8, // c1 c2 c3 c4 c7 c9 c10 c11
			containment_rate: 5 / 8, // c1 c2 c7 c9 c11 (c3, c4 handed off; c10 never solved)
			verified_containment_rate: 3 / 8, // c1 (next contact 7d+1s later), c9 (7d later), c11 (no customer, reopened after 8d); not c2 (reopened after 1d), c7 (new conversation exactly 72h later)
			escalation_rate: 2 / 8, // c3 c4
			reopen_rate: 2 / 8, // solved: c1 c2 c3 c4 c6 c7 c9 c11; reopened: c2 (after close), c11
			reroute_rate: 1 / 2, // assigned: c3 c4; two queues: c4
			escalation_accuracy: 1 / 2, // c3's hand-off to billing stayed in billing; c4's went on to tech
			draft_edit_rate: 1 / 2, // c4: 1 edited / (1 sent as is + 1 edited)
			draft_reject_rate: 1 / 4, // c4: 1 rejected / 4 reviewed (escalated counts as reviewed)
			edit_magnitude: 3 / 7, // kitten → sitting: 3 edits, longer text 7
			qualified_handoff_rate: null, // nothing graded
			unanswered_rate: 1 / 8, // c3's fallback
			first_response_time_median_s: 60, // 10 30 60 60 60 120 180 300 600 (c5 c8 none)
			first_response_time_p90_s: 360, // position 7.2: 300 + 0.2 × 300
			time_to_resolution_median_s: 2100, // 60 120 300 600 | 3600 3600 3600 7200 → (600 + 3600) / 2
			time_to_resolution_p90_s: 4680, // position 6.3: 3600 + 0.3 × 3600
			csat: 2 / 3, // c1 5/5 and c3 4/5 positive, c2 "bad"
			csat_responses: 3,
			repeat_contact_rate: 2 / 6, // solved with a customer: c1 c2 c3 c6 c7 c9; repeats c7 (72h), c9 (exactly 7d)
			first_contact_resolution_rate: 3 / 8 // c1 c3 c6 (c2 c11 reopened, c4 two queues, c7 c9 repeat)
		});
	});

	it('stores one facts row per conversation, including the one without events', async () => {
		const facts = await w.db.all<Record<string, unknown>>('SELECT * FROM conversation_facts ORDER BY id');
		expect(facts).toHaveLength(11);
		const c5 = facts.find((f) => f.id === 'c5')!;
		expect(c5).toMatchObject({
			ai_involved: false,
			human_involved: false,
			solved: false,
			handoffs: 0,
			assignments: 0,
			first_response_s: null,
			resolution_s: null,
			queue: null
		});
		const c4 = facts.find((f) => f.id === 'c4')!;
		expect(c4).toMatchObject({
			handoffs: 1,
			accurate_handoffs: 0,
			queue: 'tech',
			distinct_queues: 2,
			drafts_sent_as_is: 1,
			drafts_edited: 1,
			drafts_rejected: 1,
			drafts_escalated: 1,
			drafts_reviewed: 4,
			customer_id: null,
			handoffs_qualified: null
		});
		const c2 = facts.find((f) => f.id === 'c2')!;
		expect(c2).toMatchObject({ reopened: true, reopen_gap_s: 86400 - 600, contained: true });
		expect(facts.find((f) => f.id === 'c7')).toMatchObject({ next_contact_gap_s: 72 * 3600 });
		expect(facts.find((f) => f.id === 'c1')).toMatchObject({ next_contact_gap_s: 7 * 86400 + 1 });
	});

	it('breaks down by week (Mondays, UTC) and the rows add up to the all row', async () => {
		const result = await kpis({ by: 'week' });
		expect(result.by).toBe('week');
		expect(result.rows.map((r) => r.group)).toEqual(['2026-10-05', '2026-10-12']);
		const [w41, w42] = result.rows;
		expectKpis(w41, { conversations: 9, ai_involved: 7, containment_rate: 5 / 7, csat_responses: 3 });
		expectKpis(w42, {
			conversations: 2,
			ai_involved: 1,
			containment_rate: 0,
			reopen_rate: 0,
			repeat_contact_rate: 0,
			first_contact_resolution_rate: 1,
			first_response_time_median_s: 450,
			time_to_resolution_median_s: 3600,
			csat: null,
			csat_responses: 0
		});
	});

	it('breaks down by last assigned queue, missing values grouped as null', async () => {
		const rows = (await kpis({ by: 'queue' })).rows;
		expect(rows.map((r) => [r.group, r.conversations])).toEqual([
			['billing', 1],
			['tech', 1],
			[null, 9]
		]);
		expectKpis(rows[0], { escalation_accuracy: 1, reroute_rate: 0, first_contact_resolution_rate: 1 });
		expectKpis(rows[1], { escalation_accuracy: 0, reroute_rate: 1, draft_reject_rate: 1 / 4 });
	});

	it('filters: AND across dimensions, OR within one, week by day or ISO week', async () => {
		expectKpis(await all({ where: ['channel=email'] }), {
			conversations: 2,
			ai_involved: 2,
			containment_rate: 0,
			escalation_rate: 1,
			escalation_accuracy: 1 / 2,
			reroute_rate: 1 / 2,
			csat: 1,
			repeat_contact_rate: 0,
			first_contact_resolution_rate: 1 / 2
		});
		expect((await all({ where: ['channel=email', 'channel:in_app'] })).conversations).toBe(4);
		expect((await all({ where: ['channel=chat', 'week=2026-W42'] })).conversations).toBe(1);
		expect((await all({ where: ['week=2026-10-14'] })).conversations).toBe(2);
		expect((await all({ where: ['language=de'] })).conversations).toBe(1);
		expect((await all({ where: ['tier=vip', 'intent=billing'] })).conversations).toBe(1);
		expect((await all({ where: ['channel=pigeon'] })).conversations).toBe(0);
	});

	it('takes --from/--to as inclusive UTC days', async () => {
		expect((await all({ from: '2026-10-12', to: '2026-10-12' })).conversations).toBe(1); // c6 at 09:05:01
		expect((await all({ from: '2026-10-12', to: '2026-10-14' })).conversations).toBe(2);
		expect((await all({ from: '2026-10-05', to: '2026-10-11' })).conversations).toBe(9);
		expect((await all({ to: '2026-10-05' })).conversations).toBe(2); // c1 c2
	});

	it('gives nulls, not zeros, for an empty period; empty weeks in a range are rows', async () => {
		const row = await all({ from: '2026-12-01', to: '2026-12-07' });
		for (const key of KPI_KEYS) expect(row[key], key).toBe(['conversations', 'ai_involved', 'csat_responses'].includes(key) ? 0 : null);
		const weeks = await kpis({ from: '2026-10-05', to: '2026-10-25', by: 'week' });
		expect(weeks.rows.map((r) => [r.group, r.conversations])).toEqual([
			['2026-10-05', 9],
			['2026-10-12', 2],
			['2026-10-19', 0]
		]);
		expect(weeks.rows[2].containment_rate).toBeNull();
	});

	it('applies the windows as settings at query time', async () => {
		expectKpis(await all({}, { repeatWindowDays: 8 }), { repeat_contact_rate: 3 / 6, first_contact_resolution_rate: 2 / 8 }); // c1 now a repeat
		expectKpis(await all({}, { verifiedWindowHours: 71 }), { verified_containment_rate: 4 / 8 }); // c7 now verified
		expectKpis(await all({}, { reopenWindowDays: 9 }), { verified_containment_rate: 2 / 8 }); // c11 no longer
		expectKpis(await all({}, { repeatWindowDays: 0, verifiedWindowHours: 0 }), {
			repeat_contact_rate: 0,
			verified_containment_rate: 4 / 8
		});
	});

	it('lists distinct dimension values for filters', async () => {
		expect(await distinctDimensionValues(w.db, 'channel')).toEqual(['chat', 'email', 'in_app', 'web_form']);
		expect(await distinctDimensionValues(w.db, 'queue')).toEqual(['billing', 'tech']);
		expect(await distinctDimensionValues(w.db, 'week')).toEqual(['2026-10-05', '2026-10-12']);
		expect(await distinctDimensionValues(w.db, 'tier')).toEqual(['standard', 'vip']);
	});

	it('reads the grader’s handoffs_qualified, and keeps it for conversations an import did not change', async () => {
		// As every facts writer does: the changed weeks leave the rollup until it is refreshed.
		await markRollupDirty(w.db, "id IN ('c3', 'c4')");
		await w.db.run(`UPDATE conversation_facts SET handoffs_qualified = CASE id WHEN 'c3' THEN 1 ELSE 0 END WHERE id IN ('c3', 'c4')`);
		expect((await all()).qualified_handoff_rate).toBe(1 / 2);
		// cu-9's other conversation changes: c9 is recomputed too (same customer) but keeps its facts.
		const c10 = HAND_FIXTURE.find((c) => c.id === 'c10')!;
		await importConversations(w, [{ ...c10, updated_at: t(20, '00:00'), intent: 'shipping' }]);
		expect((await all()).qualified_handoff_rate).toBe(1 / 2);
		// c3 itself changes: its grade is stale, so it is cleared until the grader runs again.
		const c3 = HAND_FIXTURE.find((c) => c.id === 'c3')!;
		await importConversations(w, [{ ...c3, updated_at: t(20, '00:00'), subject: 'Refund' }]);
		expect((await all()).qualified_handoff_rate).toBe(0);
		expect((await all({ where: ['intent=shipping'] })).conversations).toBe(1);
	});
});
