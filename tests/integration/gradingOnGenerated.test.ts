// The rules grader on the generator's data (all export formats): its verdicts agree with the
// planted good/bad labels of drafts and hand-offs, and the qualified hand-off rate it fills
// equals the planted one.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { generateSample } from '../../pipelines/generate/generateSample';
import { computeAgreement } from '../../src/lib/server/grading/computeAgreement';
import { rulesGrader } from '../../src/lib/server/grading/rules/rulesGrader';
import { runGrading } from '../../src/lib/server/grading/runGrading';
import { importFiles } from '../../src/lib/server/ingest';
import { parseKpiQuery, queryKpis } from '../../src/lib/server/kpi';
import { Warehouse } from '../../src/lib/server/warehouse';
import { makeTempDir } from '../helpers/tempDir';

const { dir, cleanup } = makeTempDir();
afterAll(cleanup);

it('agrees with the planted labels and reproduces the planted qualified hand-off rate', async () => {
	const out = path.join(dir, 'sample');
	await generateSample({ out, conversations: 600, seed: 11 });
	const manifestPath = path.join(out, 'manifest.json');
	const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
	const w = await Warehouse.open(path.join(dir, 'gen.duckdb'));
	try {
		const imported = await importFiles(w, [out], { origin: 'cli' });
		expect(imported.quarantined).toBe(0);
		const run = await runGrading(w, rulesGrader);
		expect(run.errors).toBe(0);
		const report = await computeAgreement(w.db, { grader: 'rules', editThreshold: 0.3 }, manifestPath);
		expect(report.planted!.drafts.n).toBe(manifest.drafts.length);
		expect(report.planted!.handoffs.n).toBe(manifest.handoffs.length);
		expect(report.planted!.drafts.kappa).toBeGreaterThanOrEqual(0.9);
		expect(report.planted!.handoffs.kappa).toBeGreaterThanOrEqual(0.9);
		// Against human review the bar is lower: reviewers also edit good drafts.
		expect(report.kappa).toBeGreaterThanOrEqual(0.7);
		const [all] = (await queryKpis(w.db, parseKpiQuery({}))).rows;
		expect(all.qualified_handoff_rate).toBeCloseTo(manifest.planted_qualified_handoff_rate, 9);
	} finally {
		w.close();
	}
}, 120_000);
