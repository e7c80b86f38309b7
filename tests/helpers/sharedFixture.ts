// A fixture built once per test run and shared by the test files that ask for it by name: the
// first file to ask builds it (the others wait), later ones find it done. Files are in separate
// processes, so a folder made with mkdir (atomic) marks who builds, and a `done` file that it is
// complete. Without the shared folder (a config without the global setup) each caller builds its own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { isProcessAlive } from '../../src/lib/server/isProcessAlive';

/** The folder holding fixture `name`, built by `build(folder)` if no test file of this run has yet. */
export async function sharedFixture(name: string, build: (folder: string) => Promise<void>): Promise<string> {
	const root = inject('sharedFixturesDir');
	if (!root) {
		const folder = fs.mkdtempSync(path.join(os.tmpdir(), `supportlens-${name}-`));
		await build(folder);
		return folder;
	}
	const folder = path.join(root, name);
	const done = path.join(folder, 'done');
	const failed = path.join(folder, 'failed');
	const owner = path.join(folder, 'owner');
	if (fs.existsSync(done)) return folder;
	try {
		fs.mkdirSync(folder);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		return waitFor(name, folder);
	}
	fs.writeFileSync(owner, String(process.pid));
	try {
		await build(folder);
		fs.writeFileSync(done, '');
		return folder;
	} catch (error) {
		fs.writeFileSync(failed, error instanceof Error ? (error.stack ?? error.message) : String(error));
		throw error;
	}
}

async function waitFor(name: string, folder: string): Promise<string> {
	for (;;) {
		if (fs.existsSync(path.join(folder, 'done'))) return folder;
		if (fs.existsSync(path.join(folder, 'failed')))
			throw new Error(`shared fixture ${name} failed in another test file:\n${fs.readFileSync(path.join(folder, 'failed'), 'utf8')}`);
		const pid = Number(fs.existsSync(path.join(folder, 'owner')) ? fs.readFileSync(path.join(folder, 'owner'), 'utf8') : 0);
		if (pid && !isProcessAlive(pid)) throw new Error(`shared fixture ${name}: the test process building it (PID ${pid}) is gone`);
		await new Promise((r) => setTimeout(r, 200));
	}
}
