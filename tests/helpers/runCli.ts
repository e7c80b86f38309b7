// Runs the real command line as a child process: one node process with tsx loaded in it, as
// bin/supportlens.js runs it (the tsx launcher of `npm run cli` starts a second node process,
// which cost every CLI test another start-up).
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export function runCli(args: string[], env: Record<string, string> = {}) {
	const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'pipelines/cli.ts'), ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...process.env, ...env },
		timeout: 300_000
	});
	return { code: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal };
}

/**
 * The command line as a child process that doesn't block this one (a test's own HTTP server
 * must keep answering it); `child` is there to be killed mid-run.
 */
export function spawnCli(args: string[], env: Record<string, string> = {}) {
	// `node --import tsx`, not the tsx launcher: one process, so a SIGKILL stops the command itself.
	const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'pipelines/cli.ts'), ...args], {
		cwd: ROOT,
		env: { ...process.env, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
	child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
	const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
		child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
	);
	return { child, done };
}
