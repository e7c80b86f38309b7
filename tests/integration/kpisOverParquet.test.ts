// Beyond one machine: `export conversations --partition-by week` writes a folder of Parquet
// files, one week=YYYY-Www subfolder per ISO week; `kpis --parquet` runs the KPI engine's own
// queries over those files in a fresh DuckDB (read_parquet with hive partitioning) and must
// print what `kpis --json` prints from the warehouse. Generated data, graded, real CLI.
import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../pipelines/generate/generateSample';
import { rulesGrader } from '../../src/lib/server/grading/rules/rulesGrader';
import { runGrading } from '../../src/lib/server/grading/runGrading';
import { importFiles } from '../../src/lib/server/ingest';
import { KPI_KEYS, type KpiResult } from '../../src/lib/server/kpi';
import { Warehouse } from '../../src/lib/server/warehouse';
import { runCli } from '../helpers/runCli';
import { makeTempDir } from '../helpers/tempDir';

const { dir, cleanup } = makeTempDir('supportlens-lake-');
const db = path.join(dir, 'warehouse.duckdb');
const lake = path.join(dir, 'lake');
let weeks: string[] = [];

beforeAll(async () => {
	const out = path.join(dir, 'sample');
	await generateSample({ out, conversations: 1500, weeks: 8, seed: 41 });
	const w = await Warehouse.open(db);
	try {
		expect((await importFiles(w, [out])).quarantined).toBe(0);
		await runGrading(w, rulesGrader);
		weeks = (await w.db.all<{ week: string }>(`SELECT DISTINCT strftime(created_at, '%G-W%V') AS week FROM conversations ORDER BY 1`)).map(
			(r) => r.week
		);
	} finally {
		w.close();
	}
	const r = runCli(['export', 'conversations', '--db', db, '--partition-by', 'week', '--out', lake]);
	expect(r.code, r.stderr).toBe(0);
	expect(r.stderr).toMatch(/wrote 1,500 conversations to .*week=… \(parquet\)/);
}, 300_000);
afterAll(cleanup);

/** Tests that compare with the same figures share one CLI run per set of flags. */
const printed = new Map<string, KpiResult>();
function kpis(...flags: string[]): KpiResult {
	const key = JSON.stringify(flags);
	if (!printed.has(key)) {
		const r = runCli(['kpis', '--json', ...flags]);
		expect(r.code, r.stderr).toBe(0);
		printed.set(key, JSON.parse(r.stdout) as KpiResult);
	}
	return printed.get(key)!;
}

/**
 * Equal to the last digit. Edit magnitude is the one KPI whose numerator is a sum of doubles:
 * added in another order (the files are read week by week, in parallel) its last bit may differ.
 */
function expectSameKpis(fromLake: KpiResult, fromWarehouse: KpiResult) {
	expect({ ...fromLake, rows: fromLake.rows.length }).toEqual({ ...fromWarehouse, rows: fromWarehouse.rows.length });
	fromWarehouse.rows.forEach((expected, i) => {
		const actual = fromLake.rows[i];
		expect(actual.group).toBe(expected.group);
		for (const key of KPI_KEYS) {
			const [a, b] = [actual[key], expected[key]];
			if (key === 'edit_magnitude' && a !== null && b !== null)
				expect(Math.abs(a - b), `${expected.group} ${key}`).toBeLessThanOrEqual(4 * Number.EPSILON * Math.abs(b));
			else expect(a, `${expected.group} ${key}`).toBe(b);
		}
	});
}

describe('KPIs over a week-partitioned Parquet export', () => {
	it('writes one week=YYYY-Www folder per ISO week, the week left out of the files and read back from the names', async () => {
		expect(weeks.length).toBeGreaterThanOrEqual(8);
		expect(fs.readdirSync(lake).sort()).toEqual(weeks.map((w) => `week=${w}`));
		const instance = await DuckDBInstance.create(':memory:');
		const connection = await instance.connect();
		try {
			const files = path.join(lake, '*', '*.parquet');
			const inFile = await connection.runAndReadAll(`SELECT name FROM parquet_schema('${files}') WHERE name = 'week'`);
			expect(inFile.getRowObjectsJS()).toEqual([]);
			const perWeek = await connection.runAndReadAll(
				`SELECT week, count(*)::INTEGER AS n FROM read_parquet('${files}', hive_partitioning = true) GROUP BY week ORDER BY week`
			);
			const counts = perWeek.getRowObjectsJS() as { week: string; n: number }[];
			expect(counts.map((r) => r.week)).toEqual(weeks);
			expect(counts.reduce((sum, r) => sum + r.n, 0)).toBe(1500);
		} finally {
			connection.closeSync();
			instance.closeSync();
		}
	});

	it('every KPI from the files equals kpis --json from the warehouse', () => {
		const expected = kpis('--db', db);
		const row = expected.rows[0];
		// The comparison covers graded hand-offs, draft edits and both quantiles.
		for (const key of ['qualified_handoff_rate', 'edit_magnitude', 'first_response_time_p90_s', 'time_to_resolution_median_s'] as const)
			expect(row[key], key).not.toBeNull();
		expectSameKpis(kpis('--parquet', lake), expected);
	});

	it('by week, and by channel for a date range, a filter and a KPI window: the same', () => {
		expectSameKpis(kpis('--parquet', lake, '--by', 'week'), kpis('--db', db, '--by', 'week'));
		const flags = ['--by', 'channel', '--from', '2026-09-28', '--to', '2026-11-08', '--where', 'language=en', '--repeat-window-days', '3'];
		const expected = kpis('--db', db, ...flags);
		expect(expected.rows.length).toBeGreaterThan(3);
		expectSameKpis(kpis('--parquet', lake, ...flags), expected);
	});

	it('one week folder alone gives that week', () => {
		const week = weeks[3];
		const monday = kpis('--db', db, '--by', 'week').rows[3].group!;
		const expected = kpis('--db', db, '--where', `week=${monday}`);
		expectSameKpis(kpis('--parquet', path.join(lake, `week=${week}`)), expected);
	});

	it('says in one line what is wrong', () => {
		const empty = path.join(dir, 'empty');
		fs.mkdirSync(empty);
		const none = runCli(['kpis', '--parquet', empty]);
		expect(none.code).not.toBe(0);
		expect(none.stderr.trim()).toBe(`supportlens: no Parquet files at ${empty}`);
		expect(runCli(['kpis', '--parquet', lake, '--db', db]).stderr).toMatch(/--parquet reads an export instead of a warehouse/);
		const exportTo = (...flags: string[]) => runCli(['export', 'conversations', '--db', db, ...flags]).stderr;
		expect(exportTo('--partition-by', 'week', '--out', lake)).toMatch(/the folder is not empty/);
		expect(exportTo('--partition-by', 'month', '--out', path.join(dir, 'm'))).toMatch(/cannot partition by "month": use week/);
		expect(exportTo('--partition-by', 'week', '--format', 'jsonl', '--out', path.join(dir, 'j'))).toMatch(/Parquet or CSV/);
	});
});
