// The built server (`node build`) started on a warehouse of its own per test: the session
// cookie is Secure behind an https ORIGIN, and SIGTERM during an upload import lets the import
// finish before the warehouse and its server file are released, and the process guard logs a
// stray rejection or throw and keeps serving.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, ensureBuiltCopy, loginCookie, prepareWarehouse, startServer } from '../e2e/harness';
import { runCli } from '../helpers/runCli';

let build: string;

beforeAll(() => {
	build = ensureBuiltCopy();
});

afterAll(() => {
	cleanup(build);
});

describe('behind https', () => {
	it('the session cookie is Secure when the server ORIGIN is https', async () => {
		const other = await prepareWarehouse({ samples: false });
		const origin = 'https://supportlens.example';
		const tls = await startServer(build, other.dbPath, { ORIGIN: origin });
		try {
			const response = await fetch(`${tls.url}/login`, {
				method: 'POST',
				headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ username: other.users.admin.username, password: other.users.admin.password }),
				redirect: 'manual'
			});
			expect(response.status).toBe(303);
			expect(response.headers.getSetCookie()[0]).toMatch(/; Secure/);
		} finally {
			await tls.stop();
			cleanup(other.dir);
		}
	});
});

describe('graceful shutdown', () => {
	it('SIGTERM during an upload import lets it finish, then releases the warehouse and its server file', async () => {
		const sample = path.resolve(import.meta.dirname, '../../data/samples/canonical/conversations.jsonl');
		if (!fs.existsSync(sample)) return;
		const other = await prepareWarehouse({ samples: false });
		const s2 = await startServer(build, other.dbPath);
		try {
			const cookie = await loginCookie(s2.url, other.users.admin);
			const job = await (
				await fetch(`${s2.url}/api/imports`, {
					method: 'POST',
					headers: { Cookie: cookie, 'Content-Type': 'application/json' },
					body: '{"files":[{"name":"conversations.jsonl"}]}'
				})
			).json();
			const bytes = fs.readFileSync(sample);
			for (let offset = 0; offset < bytes.length; offset += 480 * 1024) {
				await fetch(`${s2.url}/api/imports/${job.id}/files/0?offset=${offset}`, {
					method: 'PUT',
					headers: { Cookie: cookie, 'Content-Type': 'application/octet-stream' },
					body: bytes.subarray(offset, offset + 480 * 1024)
				});
			}
			await fetch(`${s2.url}/api/imports/${job.id}/start`, { method: 'POST', headers: { Cookie: cookie } });
			expect(fs.existsSync(`${other.dbPath}.server.json`)).toBe(true);
		} finally {
			await s2.stop();
		}
		expect([s2.process.signalCode, s2.process.exitCode, s2.output()]).toEqual([null, 0, expect.any(String)]);
		expect(fs.existsSync(`${other.dbPath}.server.json`)).toBe(false);
		const stats = runCli(['stats', '--json', '--db', other.dbPath]);
		expect(stats.code).toBe(0);
		// the import finished before the close
		expect([JSON.parse(stats.stdout).conversations > 1000, s2.output()]).toEqual([true, expect.any(String)]);
		cleanup(other.dir);
	});
});

describe('the process guard in the built server', () => {
	it('a stray rejection and a stray throw are logged and the server keeps answering', async () => {
		// A preload that misbehaves on demand (SIGUSR2), long after start-up installed the guard.
		const other = await prepareWarehouse({ samples: false });
		const probe = path.join(other.dir, 'stray-errors.mjs');
		fs.writeFileSync(
			probe,
			"process.on('SIGUSR2', () => { Promise.reject(new Error('stray rejection probe')); setTimeout(() => { throw new Error('stray throw probe'); }); });\n"
		);
		const guarded = await startServer(build, other.dbPath, { NODE_OPTIONS: `--import=${probe}` });
		try {
			guarded.process.kill('SIGUSR2');
			await expect.poll(() => guarded.output(), { timeout: 30_000 }).toMatch(/uncaught exception, still serving: Error: stray throw probe/);
			expect(guarded.output()).toMatch(/unhandled rejection, still serving: Error: stray rejection probe/);
			expect(guarded.process.exitCode).toBeNull();
			expect((await fetch(`${guarded.url}/login`)).status).toBe(200);
		} finally {
			await guarded.stop();
			cleanup(other.dir);
		}
	});
});
