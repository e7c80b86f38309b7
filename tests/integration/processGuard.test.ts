// The process guard in a real Node process: a rejected promise nobody handles and a throw in
// a timer are logged and the process keeps running; a port that can't be listened on still
// ends it with exit code 1.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/runCli';
import { makeTempDir } from '../helpers/tempDir';

const { dir, cleanup } = makeTempDir();
afterAll(cleanup);

function runScript(body: string) {
	const file = path.join(dir, `script-${Math.random().toString(36).slice(2)}.ts`);
	const guard = path.join(ROOT, 'src/lib/server/processGuard.ts');
	fs.writeFileSync(file, `import { installProcessGuard } from ${JSON.stringify(guard)};\ninstallProcessGuard();\n${body}\n`);
	return spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), [file], { encoding: 'utf8', timeout: 60_000 });
}

describe('installProcessGuard', () => {
	it('logs an unhandled rejection and an uncaught exception, and the process goes on', () => {
		const result = runScript(`
Promise.reject(new Error('nobody awaited me'));
setTimeout(() => { throw new Error('thrown in a timer'); }, 10);
setTimeout(() => { console.log('still serving'); }, 100);
`);
		expect(result.status).toBe(0);
		expect(result.stdout.trim()).toBe('still serving');
		expect(result.stderr).toMatch(/supportlens: unhandled rejection, still serving: Error: nobody awaited me/);
		expect(result.stderr).toMatch(/supportlens: uncaught exception, still serving: Error: thrown in a timer/);
	});

	it('a failure to listen still ends the process', () => {
		const result = runScript(`
import net from 'node:net';
const first = net.createServer().listen(0, '127.0.0.1', () => {
	const { port } = first.address() as net.AddressInfo;
	net.createServer().listen(port, '127.0.0.1');
	setTimeout(() => { console.log('should not get here'); first.close(); }, 2000);
});
`);
		expect(result.status).toBe(1);
		expect(result.stdout).not.toContain('should not get here');
		expect(result.stderr).toMatch(/EADDRINUSE/);
	});
});
