// Runs the real command line (`npm run --silent cli -- …` is `tsx pipelines/cli.ts …`) as a child process.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export function runCli(args: string[], env: Record<string, string> = {}) {
	const result = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'pipelines/cli.ts'), ...args], {
		cwd: ROOT,
		encoding: 'utf8',
		env: { ...process.env, ...env },
		timeout: 300_000
	});
	return { code: result.status, stdout: result.stdout, stderr: result.stderr, signal: result.signal };
}

/** The same, without blocking this process: for commands that talk to servers the test itself runs. */
export function runCliAsync(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
	return new Promise((resolve, reject) => {
		const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'pipelines/cli.ts'), ...args], { cwd: ROOT, env: { ...process.env, ...env } });
		let stdout = '', stderr = '';
		child.stdout.on('data', (d) => (stdout += d));
		child.stderr.on('data', (d) => (stderr += d));
		child.on('error', reject);
		child.on('close', (code) => resolve({ code, stdout, stderr }));
	});
}
