// Turns DuckDB's "file is locked" into one line saying who holds the warehouse and what to
// do: the running dashboard (it writes `<db>.server.json`) — then its URL and the page that
// does the same job there; another command (it writes `<db>.cli.json`) — then which one, to
// wait for; anything else — its PID, as DuckDB reports it.
import { readCliHolder } from '../src/lib/server/cliHolderFile';
import type { WarehouseBusyError } from '../src/lib/server/errors';
import { readServerInfo } from '../src/lib/server/serverInfoFile';

const PAGE_FOR_COMMAND: Record<string, string> = {
	ingest: 'upload the files on its Imports page ({url}/imports)',
	sync: 'use "Sync now" on its Imports page ({url}/imports)',
	users: 'manage users on its Users page ({url}/users)',
	gaps: 'mine with "Mine again" on its Knowledge gaps page ({url}/gaps)',
	alerts: 'read the alerts on its Overview ({url}/) and Weekly review ({url}/review)',
	digest: 'let it send the digest on its schedule, or stop it'
};

export function explainBusyWarehouse(error: WarehouseBusyError, command: string | undefined): string {
	const server = readServerInfo(error.dbPath);
	if (server) {
		const instead = (PAGE_FOR_COMMAND[command ?? ''] ?? 'use the dashboard').replace('{url}', server.url);
		return `the dashboard at ${server.url} holds the warehouse ${error.dbPath}; ${instead}, or stop it (PID ${server.pid}) and run this again`;
	}
	const cli = readCliHolder(error.dbPath);
	if (cli) {
		const since = cli.started_at.slice(0, 19).replace('T', ' ');
		return `another \`${cli.command}\` command (PID ${cli.pid}, started ${since} UTC) holds the warehouse ${error.dbPath}; wait for it to finish, then run this again`;
	}
	return `the warehouse ${error.dbPath} is in use by ${error.holder}; wait for it to finish or stop it, then run this again`;
}
