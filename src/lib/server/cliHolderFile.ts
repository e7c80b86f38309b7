// `<db>.cli.json` beside the warehouse file: a command-line process that opened the warehouse
// writes its PID and command there (as the dashboard writes `<db>.server.json`), so another
// command that finds the file locked can say which command holds it.
import fs from 'node:fs';
import { isProcessAlive } from './isProcessAlive';

export interface CliHolder {
	pid: number;
	command: string;
	started_at: string;
}

export const cliHolderPath = (dbPath: string) => `${dbPath}.cli.json`;

let announced: string | null = null;

/** Called once by the command line: from now on, each warehouse this process opens is recorded as held by `command`. */
export function announceCliCommand(command: string): void {
	announced = command;
}

/** Records this process as the holder of `dbPath` (only in a command-line process); removed on `releaseCliHolder` or exit. */
export function recordCliHolder(dbPath: string): void {
	if (!announced) return;
	const holder: CliHolder = { pid: process.pid, command: announced, started_at: new Date().toISOString() };
	try {
		fs.writeFileSync(cliHolderPath(dbPath), JSON.stringify(holder) + '\n');
	} catch {
		return; // a read-only folder only costs the other command its hint
	}
	process.once('exit', () => releaseCliHolder(dbPath));
}

export function releaseCliHolder(dbPath: string): void {
	try {
		if (readCliHolder(dbPath)?.pid === process.pid) fs.unlinkSync(cliHolderPath(dbPath));
	} catch {
		/* already gone */
	}
}

/** The command-line process holding `dbPath` if it is still running, else null (stale files are ignored). */
export function readCliHolder(dbPath: string): CliHolder | null {
	let holder: CliHolder;
	try {
		holder = JSON.parse(fs.readFileSync(cliHolderPath(dbPath), 'utf8'));
	} catch {
		return null;
	}
	if (typeof holder?.command !== 'string' || !Number.isInteger(holder.pid)) return null;
	return isProcessAlive(holder.pid) ? holder : null;
}
