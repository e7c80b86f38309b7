// `demo`: the README's main job. Loads the committed sample into the warehouse, makes one
// user per role, mines the gap list and grades drafts and hand-offs offline, builds the
// dashboard if needed and serves it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureDemoUsers } from '../../src/lib/server/auth';
import { mineGaps } from '../../src/lib/server/gaps';
import { createGrader } from '../../src/lib/server/grading/createGrader';
import { runGrading } from '../../src/lib/server/grading/runGrading';
import { describeProgress, importFiles, type ImportProgress } from '../../src/lib/server/ingest';
import { resolveDbPath, withWarehouse } from '../../src/lib/server/warehouse';
import { warehouseStats } from '../../src/lib/server/warehouse/warehouseStats';
import { parseFlags, type Command } from '../command';
import { progressReporter } from '../progressReporter';
import { formatSummary } from './ingest';

const usage = 'demo [--db PATH] [--port N] [--no-serve]';
export const SAMPLE_DIR = 'data/samples';

function buildIsStale(root: string): boolean {
	const entry = path.join(root, 'build', 'index.js');
	if (!fs.existsSync(entry)) return true;
	const built = fs.statSync(entry).mtimeMs;
	const newest = (dir: string): number =>
		fs.readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
			const full = path.join(dir, e.name);
			return Math.max(max, e.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
		}, 0);
	return newest(path.join(root, 'src')) > built;
}

export const demoCommand: Command = {
	name: 'demo',
	summary: 'load the committed sample data and serve the dashboard',
	usage,
	async run(argv) {
		const { values } = parseFlags(argv, { db: { type: 'string' }, port: { type: 'string' }, 'no-serve': { type: 'boolean' } }, usage);
		const dbPath = resolveDbPath(values.db);
		let latest: ImportProgress | undefined;
		const progress = progressReporter(() => (latest ? describeProgress(latest) : 'starting…'));
		const { summary, stats, users } = await withWarehouse(dbPath, async (warehouse) => {
			// The export folders only: the manifest and README beside them are not exports.
			const exportDirs = fs
				.readdirSync(SAMPLE_DIR, { withFileTypes: true })
				.filter((e) => e.isDirectory())
				.map((e) => path.join(SAMPLE_DIR, e.name));
			const summary = await importFiles(warehouse, exportDirs, {
				origin: 'demo',
				onProgress: (p) => {
					latest = p;
					progress.update();
				}
			});
			const users = await ensureDemoUsers(warehouse.db);
			// The gap list ready on first visit; lexical keeps the demo offline and quick ("Mine again" on the page uses auto).
			await mineGaps(warehouse.db, { embedder: 'lexical', onProgress: (line) => process.stderr.write(`gaps: ${line}\n`) });
			// Grades for the weekly review; cached by input hash, so a second demo grades nothing.
			const graded = await runGrading(warehouse, createGrader('rules'));
			process.stderr.write(`grades: ${graded.graded} graded, ${graded.cached} cached (rules grader)\n`);
			return { summary, stats: await warehouseStats(warehouse.db), users };
		});
		progress.done();
		console.log(formatSummary(summary));
		console.log(`warehouse ${dbPath}: ${JSON.stringify(stats)}`);
		// Printed even with --no-serve: each run gives the demo users fresh passwords.
		if (users.length) {
			console.log('log in as one of:');
			for (const u of users) console.log(`  ${u.role.padEnd(9)} ${u.username.padEnd(10)} password ${u.password}`);
		}
		if (values['no-serve']) return 0;

		const root = process.cwd();
		if (buildIsStale(root)) {
			console.log('building the dashboard (npm run build)…');
			const build = spawnSync('npm', ['run', '--silent', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
			if (build.status !== 0) return 1;
		}
		const port = values.port ?? process.env.PORT ?? '3000';
		const host = process.env.HOST ?? '127.0.0.1';
		const url = `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`;
		console.log(`\nSupportLens is serving at ${url}  (Ctrl+C stops it)`);
		const server = spawn(process.execPath, ['build'], {
			stdio: 'inherit',
			env: { ...process.env, PORT: port, HOST: host, ORIGIN: process.env.ORIGIN ?? url, SUPPORTLENS_DB: dbPath }
		});
		for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
		return await new Promise<number>((resolve) => server.on('exit', (code) => resolve(code ?? 0)));
	}
};
