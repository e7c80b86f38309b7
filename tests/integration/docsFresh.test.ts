// The generated docs pages must match the code they are generated from: a changed KPI or
// rubric criterion without `npm run docs` fails here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_DOCS } from '../../pipelines/docs/renderDocs';
import { KPIS } from '../../src/lib/kpi/kpiCatalogue';

const docsDir = path.resolve(import.meta.dirname, '../../docs');

describe('generated docs', () => {
	it.each(Object.keys(GENERATED_DOCS))('docs/%s is up to date (run `npm run docs`)', (name) => {
		expect(fs.readFileSync(path.join(docsDir, name), 'utf8')).toBe(GENERATED_DOCS[name]());
	});

	it('the KPI page names every KPI of the catalogue with its definition', () => {
		const page = fs.readFileSync(path.join(docsDir, 'kpis.md'), 'utf8');
		for (const kpi of KPIS) {
			expect(page).toContain(`### ${kpi.label} \`${kpi.key}\``);
			expect(page).toContain(kpi.description);
		}
	});

	it('every docs page that the index links exists', () => {
		const index = fs.readFileSync(path.join(docsDir, 'README.md'), 'utf8');
		const links = [...index.matchAll(/\]\(([^)]+\.md)\)/g)].map((m) => m[1]);
		expect(links.length).toBeGreaterThan(5);
		for (const link of links) expect(fs.existsSync(path.join(docsDir, link)), link).toBe(true);
	});
});
