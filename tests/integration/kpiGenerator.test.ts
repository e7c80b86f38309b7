// On the generator's data (every export format), `kpis` reproduces the expected values the
// generator wrote to its manifest: the all row and every week.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../pipelines/generate/generateSample';
import { importFiles } from '../../src/lib/server/ingest';
import { KPI_KEYS, parseKpiQuery, queryKpis, type KpiRow } from '../../src/lib/server/kpi';
import { withWarehouse } from '../../src/lib/server/warehouse';
import { runCli } from '../helpers/runCli';
import { makeTempDir } from '../helpers/tempDir';

const { dir, cleanup } = makeTempDir('supportlens-kpigen-');
const out = path.join(dir, 'sample');
const db = path.join(dir, 'gen.duckdb');
let manifest: {
	expected_kpis: Record<string, number | null>;
	expected_kpis_by_week: ({ week: string } & Record<string, number | null>)[];
	counts: { by_source: Record<string, number> };
};

beforeAll(async () => {
	await generateSample({ out, conversations: 500, weeks: 8, seed: 11 });
	manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
	const summary = await withWarehouse(db, (w) => importFiles(w, [out]));
	expect(summary.quarantined).toBe(0);
	expect(summary.loaded).toBe(500);
}, 120_000);
afterAll(cleanup);

function expectSame(actual: Record<string, unknown>, expected: Record<string, number | null>, label: string) {
	for (const key of KPI_KEYS) {
		const e = expected[key];
		if (e === null) expect(actual[key], `${label} ${key}`).toBeNull();
		else expect(actual[key] as number, `${label} ${key}`).toBeCloseTo(e, 9);
	}
}

describe('KPIs on generated data', () => {
	it('covers several export formats', () => {
		expect(Object.keys(manifest.counts.by_source).length).toBeGreaterThan(1);
	});

	it('kpis --json equals manifest.expected_kpis', () => {
		const r = runCli(['kpis', '--db', db, '--json']);
		expect(r.code).toBe(0);
		const row = JSON.parse(r.stdout).rows[0] as KpiRow;
		expectSame(row, manifest.expected_kpis, 'all');
	});

	it('every week equals manifest.expected_kpis_by_week', async () => {
		const result = await withWarehouse(db, (w) => queryKpis(w.db, parseKpiQuery({ by: 'week' })));
		expect(result.rows.map((r) => r.group)).toEqual(manifest.expected_kpis_by_week.map((w) => w.week));
		result.rows.forEach((row, i) => expectSame(row, manifest.expected_kpis_by_week[i], `week ${row.group}`));
	});
});
