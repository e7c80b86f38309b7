// Runs the real command line (`npm run --silent cli -- …` is `tsx pipelines/cli.ts …`) as a child process.
import { spawnSync } from 'node:child_process';
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
