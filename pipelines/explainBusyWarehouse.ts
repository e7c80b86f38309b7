// The one place the CLI says the warehouse is busy: turns DuckDB's "file is locked" into one
// line saying who holds the warehouse and what to do: the running dashboard (it writes
// `<db>.server.json`) — then its URL and the page that does the same job there; another
// command (it writes `<db>.cli.json`) — then which one, to wait for; anything else — its PID,
// as DuckDB reports it. Commands don't catch WarehouseBusyError themselves: cli.ts calls this.
import { readCliHolder } from '../src/lib/server/cliHolderFile';
import type { WarehouseBusyError } from '../src/lib/server/errors';
import { readServerInfo } from '../src/lib/server/serverInfoFile';

/** What to do instead, per command, while the dashboard holds the file ({url}, {pid} filled in). */
const INSTEAD_FOR_COMMAND: Record<string, string> = {
	ingest: 'upload the files on its Imports page ({url}/imports), or stop it (PID {pid}) and run this again',
	users: 'manage users on its Users page ({url}/users), or stop it (PID {pid}) and run this again',
	gaps: 'mine with "Mine again" on its Knowledge gaps page ({url}/gaps), or stop it (PID {pid}) and run this again',
	kpis: 'read the same figures on its Overview page or from {url}/api/kpis, or stop it (PID {pid}) and run this again',
	export: 'use "Download all" on its Conversations page ({url}/conversations), or stop it (PID {pid}) and run this again',
	agreement: 'see the agreement panel on its Weekly review ({url}/review), or stop it (PID {pid}) and run this again',
	// Grading writes grades into the file: there is nothing to do there instead.
	grade: 'grading writes to the file, so stop it (PID {pid}), run grade, then start it again',
	sync: 'use "Sync now" on its Imports page ({url}/imports), or stop it (PID {pid}) and run this again',
	alerts: 'read the alerts on its Overview ({url}/) and Weekly review ({url}/review), or stop it (PID {pid}) and run this again',
	digest: 'let it send the digest on its schedule, or stop it (PID {pid}) and run this again'
};
const DEFAULT_INSTEAD = 'use the dashboard, or stop it (PID {pid}) and run this again';

export function explainBusyWarehouse(error: WarehouseBusyError, command: string | undefined): string {
	const server = readServerInfo(error.dbPath);
	if (server) {
		const instead = (INSTEAD_FOR_COMMAND[command ?? ''] ?? DEFAULT_INSTEAD)
			.replaceAll('{url}', server.url)
			.replaceAll('{pid}', String(server.pid));
		return `the dashboard at ${server.url} holds the warehouse ${error.dbPath}; ${instead}`;
	}
	const cli = readCliHolder(error.dbPath);
	if (cli) {
		const since = cli.started_at.slice(0, 19).replace('T', ' ');
		return `another \`${cli.command}\` command (PID ${cli.pid}, started ${since} UTC) holds the warehouse ${error.dbPath}; wait for it to finish, then run this again`;
	}
	return error.message;
}
