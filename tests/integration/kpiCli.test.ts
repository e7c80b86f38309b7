// The `kpis` command's contract (what scripts rely on) on a real warehouse loaded with importFiles:
// --json keys and nulls, --by/--where/--from/--to, the readable table, one-line errors.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/lib/server/ingest';
import { KPI_KEYS } from '../../src/lib/server/kpi';
import { withWarehouse } from '../../src/lib/server/warehouse';
import { HAND_FIXTURE } from '../kpi/handFixture';
import { runCli } from '../helpers/runCli';
import { makeTempDir, writeJsonl } from '../helpers/tempDir';

const { dir, cleanup } = makeTempDir('supportlens-kpicli-');
const db = path.join(dir, 'cli.duckdb');
afterAll(cleanup);
beforeAll(async () => {
	const file = writeJsonl(path.join(dir, 'hand.jsonl'), HAND_FIXTURE);
	const summary = await withWarehouse(db, (w) => importFiles(w, [file]));
	expect(summary.loaded).toBe(11);
});

describe('cli kpis', () => {
	it('prints {from, to, by, rows} with every KPI key in order, rates in 0..1, nulls for empty denominators', () => {
		const r = runCli([
			'kpis',
			'--db',
			db,
			'--json',
			'--from',
			'2026-10-12',
			'--to',
			'2026-10-18',
			'--by',
			'channel',
			'--where',
			'channel=chat',
			'--where',
			'channel=in_app'
		]);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		const out = JSON.parse(r.stdout);
		expect(Object.keys(out)).toEqual(['from', 'to', 'by', 'rows']);
		expect(out).toMatchObject({ from: '2026-10-12', to: '2026-10-18', by: 'channel' });
		expect(out.rows.map((row: { group: string }) => row.group)).toEqual(['chat', 'in_app']);
		for (const row of out.rows) expect(Object.keys(row)).toEqual(['group', ...KPI_KEYS]);
		// chat that week: c6, human only and solved, no AI.
		expect(out.rows[0]).toMatchObject({
			conversations: 1,
			ai_involved: 0,
			containment_rate: null,
			reopen_rate: 0,
			first_contact_resolution_rate: 1,
			time_to_resolution_median_s: 3600
		});
		// in_app: c10, AI-involved, pending.
		expect(out.rows[1]).toMatchObject({
			conversations: 1,
			ai_involved: 1,
			containment_rate: 0,
			reopen_rate: null,
			first_response_time_median_s: 600
		});
	});

	it('prints the all row without --by, and a readable table without --json', () => {
		const json = JSON.parse(runCli(['kpis', '--db', db, '--json']).stdout);
		expect(json.rows).toHaveLength(1);
		expect(json.rows[0]).toMatchObject({
			group: 'all',
			conversations: 11,
			ai_involved: 8,
			containment_rate: 0.625,
			qualified_handoff_rate: null
		});
		const table = runCli(['kpis', '--db', db, '--by', 'week']);
		expect(table.code).toBe(0);
		expect(table.stdout).toMatch(/^KPI\s+2026-10-05\s+2026-10-12$/m);
		expect(table.stdout).toMatch(/^Containment rate\s+71\.4%\s+0\.0%$/m);
		expect(table.stdout).toMatch(/^Qualified hand-off rate\s+—\s+—$/m);
	});

	it.each([
		[['--from', '2026-02-30'], /^supportlens: bad from date "2026-02-30"/],
		[['--where', 'mood=happy'], /^supportlens: unknown dimension "mood" in filter/]
	])('exits 1 with one line for %j (every message: parseKpiQuery.test.ts)', (args, message) => {
		const r = runCli(['kpis', '--db', db, ...args]);
		expect(r.code).toBe(1);
		expect(r.stdout).toBe('');
		expect(r.stderr).toMatch(message);
		expect(r.stderr.trim().split('\n')).toHaveLength(1);
	});

	it('says plainly when there is no warehouse', () => {
		const r = runCli(['kpis', '--db', path.join(dir, 'nope.duckdb'), '--json']);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/^supportlens: no warehouse at .*nope\.duckdb/);
	});
});
