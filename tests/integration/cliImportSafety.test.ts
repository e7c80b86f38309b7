// The command line's import safety, with real processes: a second command that finds the
// warehouse held by another command says which one (not "the dashboard"), and temp folders
// that a killed import left behind are removed when the next command starts.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../helpers/tempDir';
import { ROOT, runCli } from '../helpers/runCli';

const { dir, cleanup } = makeTempDir();
const children: ChildProcess[] = [];
afterAll(() => {
	for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
	cleanup();
});

const conversation = JSON.stringify({
	id: 'fifo-1',
	created_at: '2026-10-05T21:00:00Z',
	events: [{ id: 'e1', at: '2026-10-05T21:01:00Z', type: 'message', author: 'customer', body: 'where is my refund?' }]
});

/**
 * Starts `ingest` on a named pipe: it opens the warehouse, then waits for the pipe's writer,
 * so it holds the lock for as long as the test wants. Resolves once its holder file exists.
 */
async function holdingIngest(db: string, env: Record<string, string> = {}) {
	const fifo = path.join(dir, `pipe-${children.length}.jsonl`);
	expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
	// node with tsx's loader rather than the tsx binary: then the child's PID is the command's own.
	const child = spawn(
		process.execPath,
		['--import', 'tsx', path.join(ROOT, 'pipelines/cli.ts'), 'ingest', fifo, '--format', 'canonical', '--db', db],
		{
			cwd: ROOT,
			env: { ...process.env, ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		}
	);
	children.push(child);
	let stderr = '';
	child.stderr!.on('data', (d) => (stderr += d));
	const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
	for (let i = 0; i < 600 && !fs.existsSync(`${db}.cli.json`); i++) {
		if (child.exitCode !== null) throw new Error(`ingest ended early: ${stderr}`);
		await new Promise((r) => setTimeout(r, 100));
	}
	expect(fs.existsSync(`${db}.cli.json`)).toBe(true);
	return { child, fifo, exited, stderr: () => stderr };
}

describe('two command-line imports at once', () => {
	it('the second names the command that holds the warehouse, and runs once it is done', async () => {
		const db = path.join(dir, 'busy.duckdb');
		const first = await holdingIngest(db);
		const holder = JSON.parse(fs.readFileSync(`${db}.cli.json`, 'utf8'));
		expect(holder).toMatchObject({ command: 'ingest' });
		expect(Number.isInteger(holder.pid)).toBe(true);

		const file = path.join(dir, 'second.jsonl');
		fs.writeFileSync(file, conversation + '\n');
		const second = runCli(['ingest', file, '--db', db]);
		expect(second.code).toBe(1);
		const lines = second.stderr.trim().split('\n');
		expect(lines).toHaveLength(1);
		expect(lines[0]).toMatch(
			new RegExp(
				`^supportlens: another \`ingest\` command \\(PID ${holder.pid}, started [\\d-]+ [\\d:]+ UTC\\) holds the warehouse .*busy\\.duckdb; wait for it to finish, then run this again$`
			)
		);
		expect(lines[0]).not.toMatch(/dashboard/);

		fs.writeFileSync(first.fifo, conversation + '\n'); // lets the first finish
		expect(await first.exited).toBe(0);
		expect(fs.existsSync(`${db}.cli.json`)).toBe(false);
		expect(runCli(['ingest', file, '--db', db]).code).toBe(0);
	});

	it('a holder file left by a dead process is not believed', async () => {
		const db = path.join(dir, 'stale.duckdb');
		const first = await holdingIngest(db);
		first.child.kill('SIGKILL');
		await first.exited;
		// The file survives a kill -9; the lock does not.
		expect(fs.existsSync(`${db}.cli.json`)).toBe(true);
		const file = path.join(dir, 'after-kill.jsonl');
		fs.writeFileSync(file, conversation + '\n');
		expect(runCli(['ingest', file, '--db', db]).code).toBe(0);
	});
});

describe('temp folders of killed imports', () => {
	it('are removed when the next command starts; live and foreign folders stay', async () => {
		const tmp = path.join(dir, 'tmp');
		fs.mkdirSync(tmp);
		const db = path.join(dir, 'sweep.duckdb');
		const killed = await holdingIngest(db, { TMPDIR: tmp });
		// Give it a staging folder to leave behind: write a record so staging starts, keep the pipe open.
		const pipe = fs.openSync(killed.fifo, 'w');
		fs.writeSync(pipe, conversation + '\n');
		const owned = () => fs.readdirSync(tmp).filter((n) => n.startsWith(`supportlens-import-p${killed.child.pid}-`));
		for (let i = 0; i < 300 && owned().length === 0; i++) await new Promise((r) => setTimeout(r, 100));
		expect(owned()).toHaveLength(1);
		killed.child.kill('SIGKILL');
		await killed.exited;
		fs.closeSync(pipe);
		expect(owned()).toHaveLength(1); // kill -9 runs no cleanup

		const live = `supportlens-import-p${process.pid}-keep`;
		fs.mkdirSync(path.join(tmp, live));
		fs.mkdirSync(path.join(tmp, 'someone-elses-folder'));
		expect(runCli(['stats', '--db', db, '--json'], { TMPDIR: tmp }).code).toBe(0);
		expect(owned()).toEqual([]);
		// (tsx keeps its compile cache in the temp folder too)
		expect(
			fs
				.readdirSync(tmp)
				.filter((n) => !n.startsWith('tsx-'))
				.sort()
		).toEqual(['someone-elses-folder', live]);
	});
});
