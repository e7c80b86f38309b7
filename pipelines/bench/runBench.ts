// `npm run bench`: runs every bench section in one process run and writes the figures to
// bench-results/latest.json and bench-results/latest.md. Figures are ratios against a
// baseline measured in the same run, because machines here are noisy.
//   npm run bench                      all sections, full sizes
//   npm run bench -- --quick           small sizes, for a smoke run
//   npm run bench -- --only import,kpi one or more sections (dashboard-filters: 40 clients, own filters each)
//   npm run bench -- --only scale      10M conversations through the real import (SUPPORTLENS_BENCH_SCALE sets the size)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

export interface BenchContext {
	/** A scratch folder for this run; removed at the end. */
	tmpDir: string;
	/** Small sizes: a smoke run in a minute or two. */
	quick: boolean;
	log: (line: string) => void;
	/** Writes what a long section has measured so far to latest.json, marked partial, in case the run is stopped. */
	savePartial: (figures: object) => void;
}

/** `onlyWhenNamed`: too long for a full run (an hour, 15 GB of temp files); runs with --only. */
type Section = { name: string; module: string; exportName: string; onlyWhenNamed?: boolean };

const SECTIONS: Section[] = [
	{ name: 'import', module: './importBench', exportName: 'runImportBench' },
	{ name: 'generate', module: './generateBench', exportName: 'runGenerateBench' },
	{ name: 'kpi', module: './kpiBench', exportName: 'runKpiBench' },
	{ name: 'export', module: './exportBench', exportName: 'runExportBench' },
	{ name: 'gaps', module: './gapsBench', exportName: 'runGapsBench' },
	{ name: 'grading', module: './gradingBench', exportName: 'runGradingBench' },
	{ name: 'dashboard', module: './dashboardBench', exportName: 'runDashboardBench' },
	{ name: 'dashboard-filters', module: './dashboardFiltersBench', exportName: 'runDashboardFiltersBench' },
	{ name: 'auth', module: './authBench', exportName: 'runAuthBench' },
	{ name: 'alerts', module: './alertsBench', exportName: 'runAlertsBench' },
	{ name: 'scale', module: './scaleBench', exportName: 'runScaleBench', onlyWhenNamed: true }
];

function toMarkdown(results: Record<string, unknown>, meta: Record<string, unknown>): string {
	const lines = ['# SupportLens bench', '', '```json', JSON.stringify(meta, null, 2), '```', ''];
	for (const [name, figures] of Object.entries(results)) {
		lines.push(`## ${name}`, '', '```json', JSON.stringify(figures, null, 2), '```', '');
	}
	return lines.join('\n');
}

async function main() {
	const { values } = parseArgs({ options: { quick: { type: 'boolean' }, only: { type: 'string' }, out: { type: 'string' } } });
	const only = values.only?.split(',').map((s) => s.trim());
	const outDir = path.resolve(values.out ?? 'bench-results');
	fs.mkdirSync(outDir, { recursive: true });
	const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'supportlens-bench-'));
	let running: { name: string; ran: object } | undefined;
	const ctx: BenchContext = {
		tmpDir,
		quick: !!values.quick,
		log: (line) => process.stderr.write(`[bench] ${line}\n`),
		savePartial: (figures) => {
			if (!running) return;
			results[running.name] = { ran: running.ran, partial: true, ...figures };
			fs.writeFileSync(path.join(outDir, 'latest.json'), JSON.stringify({ meta, results }, null, 2));
		}
	};
	const meta = {
		started_at: new Date().toISOString(),
		quick: ctx.quick,
		node: process.version,
		cpus: os.cpus().length,
		cpu_model: os.cpus()[0]?.model,
		memory_gib: Math.round(os.totalmem() / 2 ** 30)
	};
	// With --only, the other sections' figures from an earlier run are kept: each section is
	// self-contained (its own same-run baseline) and stamped with when and under what load it ran.
	const previous = path.join(outDir, 'latest.json');
	const results: Record<string, unknown> =
		only && fs.existsSync(previous) ? (JSON.parse(fs.readFileSync(previous, 'utf8')).results ?? {}) : {};
	try {
		for (const section of SECTIONS) {
			if (only ? !only.includes(section.name) : section.onlyWhenNamed) continue;
			const mod = await import(section.module).catch((error: unknown) => ({ __missing: error }));
			const run = (mod as Record<string, unknown>)[section.exportName] as ((c: BenchContext) => Promise<unknown>) | undefined;
			if (!run) {
				results[section.name] = { skipped: 'section not built yet' };
				continue;
			}
			ctx.log(`section ${section.name}…`);
			const started = performance.now();
			const ran = { started_at: new Date().toISOString(), quick: ctx.quick, load_average_1m: +os.loadavg()[0].toFixed(2) };
			running = { name: section.name, ran };
			try {
				results[section.name] = { ran, ...((await run(ctx)) as object) };
			} catch (error) {
				results[section.name] = { ran, error: error instanceof Error ? error.message : String(error) };
			}
			ctx.log(`section ${section.name} took ${((performance.now() - started) / 1000).toFixed(1)}s`);
			fs.writeFileSync(path.join(outDir, 'latest.json'), JSON.stringify({ meta, results }, null, 2));
		}
	} finally {
		fs.rmSync(tmpDir, { recursive: true, force: true });
	}
	fs.writeFileSync(path.join(outDir, 'latest.json'), JSON.stringify({ meta, results }, null, 2));
	fs.writeFileSync(path.join(outDir, 'latest.md'), toMarkdown(results, meta));
	console.log(JSON.stringify(results, null, 2));
	console.log(`\nwritten to ${path.relative(process.cwd(), path.join(outDir, 'latest.json'))} and latest.md`);
}

main().catch((error) => {
	console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
	process.exitCode = 1;
});
