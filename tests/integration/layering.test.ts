// The source tree's layers, read from the files themselves: the warehouse layer imports nothing
// from the parts above it; code the browser gets never imports server modules; domain code
// under src/lib/server neither calls SvelteKit nor reaches for the app's warehouse singleton
// (it takes a connection); routes hold no SQL.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SERVER = path.join(ROOT, 'src/lib/server');

function filesUnder(dir: string, extensions: string[]): string[] {
	return fs
		.readdirSync(dir, { recursive: true, encoding: 'utf8' })
		.filter((name) => extensions.some((ext) => name.endsWith(ext)) && !name.endsWith('.test.ts'))
		.map((name) => path.join(dir, name));
}

/** Every module specifier a file imports or re-exports (static and dynamic). */
function importsOf(file: string): string[] {
	const text = fs.readFileSync(file, 'utf8');
	return [...text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"]([^'"]+)['"]/gm)].map((m) => m[1]);
}

const rel = (file: string) => path.relative(ROOT, file);

/** [file, specifier] pairs that break a rule. */
function offenders(files: string[], bad: (specifier: string, file: string) => boolean): string[] {
	return files.flatMap((file) =>
		importsOf(file)
			.filter((s) => bad(s, file))
			.map((s) => `${rel(file)} → ${s}`)
	);
}

describe('layering', () => {
	it('finds the imports it checks (the scan itself works)', () => {
		expect(importsOf(path.join(SERVER, 'derivedTables.ts'))).toEqual(
			expect.arrayContaining(['./warehouse', './kpi/refreshConversationFacts', './grading/refreshHandoffsQualified'])
		);
	});

	it('nothing under src/lib/server/warehouse imports from a sibling domain folder', () => {
		const domains = fs
			.readdirSync(SERVER, { withFileTypes: true })
			.filter((d) => d.isDirectory() && d.name !== 'warehouse')
			.map((d) => d.name);
		expect(domains).toEqual(expect.arrayContaining(['kpi', 'grading', 'ingest', 'conversations']));
		const warehouseFiles = filesUnder(path.join(SERVER, 'warehouse'), ['.ts']);
		const bad = offenders(warehouseFiles, (specifier, file) => {
			if (specifier.startsWith('$lib/server/')) return domains.includes(specifier.split('/')[2]);
			if (!specifier.startsWith('.')) return false;
			const target = path.relative(SERVER, path.resolve(path.dirname(file), specifier));
			return domains.includes(target.split(path.sep)[0]);
		});
		expect(bad).toEqual([]);
	});

	it('no Svelte file and no browser-side module under src/lib imports server code', () => {
		const svelte = filesUnder(path.join(ROOT, 'src'), ['.svelte']);
		const browserModules = filesUnder(path.join(ROOT, 'src/lib'), ['.ts']).filter((f) => !f.startsWith(SERVER + path.sep));
		const bad = offenders(
			[...svelte, ...browserModules],
			(specifier) => specifier.startsWith('$lib/server') || /(^|\/)server(\/|$)/.test(specifier)
		);
		expect(bad).toEqual([]);
	});

	it('domain code under src/lib/server calls neither SvelteKit nor the app warehouse singleton', () => {
		// The HTTP edge (http/), the singleton itself, the role guard on `locals` and the server's
		// one upload queue are the places that may.
		const edge = ['http/', 'appWarehouse.ts', 'auth/requireRole.ts', 'imports/uploadJobs.ts'];
		const domainFiles = filesUnder(SERVER, ['.ts']).filter((f) => !edge.some((e) => path.relative(SERVER, f).startsWith(e)));
		const bad = offenders(domainFiles, (specifier) => specifier.startsWith('@sveltejs/kit') || /(^|\/)appWarehouse$/.test(specifier));
		expect(bad).toEqual([]);
	});

	it('route files hold no SQL', () => {
		const routes = filesUnder(path.join(ROOT, 'src/routes'), ['.ts']);
		const withSql = routes
			.filter((f) => /\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b|\bdb\.(all|one|run)\(/.test(fs.readFileSync(f, 'utf8')))
			.map(rel);
		expect(withSql).toEqual([]);
	});
});
