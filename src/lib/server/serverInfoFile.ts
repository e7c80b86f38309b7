// `<db>.server.json` beside the warehouse file: the running dashboard writes its URL and PID
// there, so a CLI command that finds the file locked can name the dashboard to use instead.
import fs from 'node:fs';
import { isProcessAlive } from './isProcessAlive';

export interface ServerInfo {
	url: string;
	pid: number;
	started_at: string;
}

export const serverInfoPath = (dbPath: string) => `${dbPath}.server.json`;

/** The URL the server answers on, from adapter-node's ORIGIN, HOST and PORT. */
export function serverUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
	if (env.ORIGIN) return env.ORIGIN.replace(/\/$/, '');
	const host = !env.HOST || env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
	return `http://${host.includes(':') ? `[${host}]` : host}:${env.PORT ?? '3000'}`;
}

export function writeServerInfo(dbPath: string, url: string): void {
	const file = serverInfoPath(dbPath);
	const info: ServerInfo = { url, pid: process.pid, started_at: new Date().toISOString() };
	try {
		fs.writeFileSync(file, JSON.stringify(info) + '\n');
	} catch {
		return; // a read-only folder only costs the CLI its hint
	}
	process.once('exit', () => {
		try {
			if (readServerInfo(dbPath)?.pid === process.pid) fs.unlinkSync(file);
		} catch {
			/* already gone */
		}
	});
}

/** The info of a dashboard that is still running on this machine, else null (stale files are ignored). */
export function readServerInfo(dbPath: string): ServerInfo | null {
	let info: ServerInfo;
	try {
		info = JSON.parse(fs.readFileSync(serverInfoPath(dbPath), 'utf8'));
	} catch {
		return null;
	}
	if (typeof info?.url !== 'string' || !Number.isInteger(info.pid)) return null;
	return isProcessAlive(info.pid) ? info : null;
}
