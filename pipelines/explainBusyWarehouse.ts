// Turns DuckDB's "file is locked" into one line saying what to do: when the running
// dashboard holds the warehouse (it writes `<db>.server.json`), name its URL and the page
// that does the same job there.
import { WarehouseBusyError } from '../src/lib/server/errors';
import { readServerInfo } from '../src/lib/server/serverInfoFile';

const PAGE_FOR_COMMAND: Record<string, string> = {
	ingest: 'upload the files on its Imports page ({url}/imports)',
	users: 'manage users on its Users page ({url}/users)',
	gaps: 'mine with "Mine again" on its Knowledge gaps page ({url}/gaps)',
	alerts: 'read the alerts on its Overview ({url}/) and Weekly review ({url}/review)',
	digest: 'let it send the digest on its schedule, or stop it'
};

export function explainBusyWarehouse(error: WarehouseBusyError, command: string | undefined): string {
	const server = readServerInfo(error.dbPath);
	if (!server) return error.message;
	const instead = (PAGE_FOR_COMMAND[command ?? ''] ?? 'use the dashboard').replace('{url}', server.url);
	return `the dashboard at ${server.url} holds the warehouse ${error.dbPath}; ${instead}, or stop it (PID ${server.pid}) and run this again`;
}
