// Temp folders that name the process owning them (`supportlens-<kind>-p<PID>-XXXXXX`), so a
// folder left by a killed import or upload can be told from one still in use and removed
// at the next start of the server or the command line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isProcessAlive } from '../isProcessAlive';

const OWNED = /^supportlens-[a-z]+-p(\d+)-/;

/** A new temp folder under `parent` whose name carries this process's PID. */
export function makeOwnedTempDir(kind: string, parent = os.tmpdir()): string {
	return fs.mkdtempSync(path.join(parent, `supportlens-${kind}-p${process.pid}-`));
}

/**
 * Removes the owned temp folders in `parent` whose process is gone; returns their names.
 * Folders of live processes, and any folder not named this way, are left alone.
 */
export function sweepStaleTempDirs(parent = os.tmpdir()): string[] {
	let names: string[];
	try {
		names = fs.readdirSync(parent);
	} catch {
		return [];
	}
	const removed: string[] = [];
	for (const name of names) {
		const owner = OWNED.exec(name);
		if (!owner || Number(owner[1]) === process.pid || isProcessAlive(Number(owner[1]))) continue;
		try {
			fs.rmSync(path.join(parent, name), { recursive: true, force: true });
			removed.push(name);
		} catch {
			/* another sweeper got it first, or no permission: not ours to insist */
		}
	}
	return removed;
}
