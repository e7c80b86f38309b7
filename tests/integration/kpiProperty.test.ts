// Property tests on a real DuckDB file: for random canonical data, (1) every breakdown's rows
// add up to the all row for every count, numerator and denominator; (2) every KPI equals what
// the independent plain-TypeScript oracle (tests/kpi/kpiOracle.ts) computes from the records;
// (3) refreshing after a re-import of changed copies gives the same facts as a full rebuild.
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { conversationSchema } from '../../src/lib/schema';
import { importConversations } from '../../src/lib/server/ingest';
import {
	DIMENSIONS,
	KPI_DEFINITIONS,
	parseKpiQuery,
	queryKpiDetails,
	rebuildConversationFacts,
	type KpiDetailRow,
	type Dimension
} from '../../src/lib/server/kpi';
import { linkCustomers, oracleConversation, quantile, tally, type OracleConversation, type OracleSettings } from '../kpi/kpiOracle';
import { conversationArb, datasetArb, toCanonical } from '../kpi/randomConversations';
import { withFreshWarehouse } from '../helpers/freshWarehouse';
import { makeTempDir } from '../helpers/tempDir';

const { dir, cleanup } = makeTempDir('supportlens-kpiprop-');
afterAll(cleanup);
let runNo = 0;

const COUNT_KEYS = ['conversations', 'ai_involved', 'csat_responses'] as const;
const SETTINGS = fc.constantFrom<OracleSettings>(
	{ repeatWindowDays: 7, verifiedWindowHours: 72, reopenWindowDays: 7 },
	{ repeatWindowDays: 3, verifiedWindowHours: 24, reopenWindowDays: 1 },
	{ repeatWindowDays: 14, verifiedWindowHours: 200, reopenWindowDays: 10 }
);

function dimValue(o: OracleConversation, dim: Dimension): string | null {
	return dim === 'week' ? o.week : (o[dim] as string | null);
}

function expectRowMatchesOracle(row: KpiDetailRow, list: OracleConversation[], settings: OracleSettings, label: string) {
	const t = tally(list, settings);
	for (const k of COUNT_KEYS) expect(row[k], `${label} ${k}`).toBe(t.counts[k]);
	for (const d of KPI_DEFINITIONS) {
		if (d.kind !== 'rate' || d.key === 'qualified_handoff_rate') continue;
		const [num, den] = t.rates[d.key];
		expect(row.parts[d.key]!.denominator, `${label} ${d.key} denominator`).toBe(den);
		expect(row.parts[d.key]!.numerator, `${label} ${d.key} numerator`).toBeCloseTo(num, 9);
		if (den === 0) expect(row[d.key], `${label} ${d.key}`).toBeNull();
		else expect(row[d.key], `${label} ${d.key}`).toBeCloseTo(num / den, 9);
	}
	expect(row.qualified_handoff_rate).toBeNull();
	const quantiles: [keyof KpiDetailRow, number[], number][] = [
		['first_response_time_median_s', t.frt, 0.5],
		['first_response_time_p90_s', t.frt, 0.9],
		['time_to_resolution_median_s', t.ttr, 0.5],
		['time_to_resolution_p90_s', t.ttr, 0.9]
	];
	for (const [key, values, q] of quantiles) {
		const expected = quantile(values, q);
		if (expected === null) expect(row[key], `${label} ${key}`).toBeNull();
		else expect(row[key] as number, `${label} ${key}`).toBeCloseTo(expected, 6);
	}
}

describe('KPI properties on random canonical data', () => {
	it('breakdowns add up to the all row, and every KPI equals the independent oracle', async () => {
		await fc.assert(
			fc.asyncProperty(datasetArb, SETTINGS, async (parts, settings) => {
				const records = parts.map((p, i) => toCanonical(p, i));
				const parsed = records.map((r) => conversationSchema.parse(r));
				const oracle = parsed.map((c) => ({ ...oracleConversation(c), source: c.source }));
				linkCustomers(oracle);
				await withFreshWarehouse(path.join(dir, `p${runNo++}.duckdb`), async (w) => {
					const summary = await importConversations(w, records);
					expect(summary.quarantined).toBe(0);
					// Detected languages are the import's business: read them back for the oracle's grouping.
					const langs = new Map(
						(await w.db.all<{ source: string; id: string; language: string | null }>('SELECT source, id, language FROM conversations')).map(
							(r) => [`${r.source}\u0000${r.id}`, r.language]
						)
					);
					for (const o of oracle) o.language = langs.get(o.key) ?? null;

					const allRow = (await queryKpiDetails(w.db, parseKpiQuery({}), settings)).rows[0];
					expectRowMatchesOracle(allRow, oracle, settings, 'all');
					for (const dim of DIMENSIONS) {
						const rows = (await queryKpiDetails(w.db, parseKpiQuery({ by: dim }), settings)).rows;
						for (const k of COUNT_KEYS)
							expect(
								rows.reduce((s, r) => s + (r[k] ?? 0), 0),
								`${dim} ${k}`
							).toBe(allRow[k]);
						for (const d of KPI_DEFINITIONS) {
							if (d.kind !== 'rate') continue;
							expect(
								rows.reduce((s, r) => s + r.parts[d.key]!.denominator, 0),
								`${dim} ${d.key} den`
							).toBe(allRow.parts[d.key]!.denominator);
							expect(
								rows.reduce((s, r) => s + r.parts[d.key]!.numerator, 0),
								`${dim} ${d.key} num`
							).toBeCloseTo(allRow.parts[d.key]!.numerator, 9);
						}
						for (const row of rows) {
							const members = oracle.filter((o) => dimValue(o, dim) === row.group);
							expectRowMatchesOracle(row, members, settings, `${dim}=${row.group}`);
						}
					}
				});
			}),
			{ numRuns: 25, seed: 42, endOnFailure: true }
		);
	}, 120_000);

	it('refreshing after a re-import of changed copies equals a full rebuild', async () => {
		await fc.assert(
			fc.asyncProperty(datasetArb, fc.array(fc.tuple(fc.nat(30), conversationArb), { maxLength: 10 }), async (first, changes) => {
				await withFreshWarehouse(path.join(dir, `p${runNo++}.duckdb`), async (w) => {
					await importConversations(
						w,
						first.map((p, i) => toCanonical(p, i))
					);
					// Changed copies (newer updated_at) of existing ids, and some new ids.
					await importConversations(
						w,
						changes.map(([i, p]) => toCanonical(p, i, 24 * 60))
					);
					// The grader's column survives a rebuild; give it values to check that too.
					await w.db.run(`UPDATE conversation_facts SET handoffs_qualified = handoffs WHERE hash(id) % 2 = 0`);
					const order = 'ORDER BY source, id';
					const refreshed = await w.db.all(`SELECT * FROM conversation_facts ${order}`);
					await rebuildConversationFacts(w.db);
					const rebuilt = await w.db.all(`SELECT * FROM conversation_facts ${order}`);
					expect(refreshed).toEqual(rebuilt);
					const n = (await w.db.one<{ n: number }>('SELECT count(*) AS n FROM conversations'))!.n;
					expect(rebuilt).toHaveLength(n);
				});
			}),
			{ numRuns: 15, seed: 7, endOnFailure: true }
		);
	}, 120_000);
});
