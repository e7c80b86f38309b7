// The dashboard server's one warehouse (SUPPORTLENS_DB, default data/supportlens.duckdb),
// opened once and held while the process runs, with a small pool of connections so
// requests and a running import don't queue behind each other.
import { Warehouse, resolveDbPath, type WarehouseConnection } from './warehouse';
import { serverUrlFromEnv, writeServerInfo } from './serverInfoFile';

const MAX_IDLE = 8;
const beforeCloseHooks: (() => Promise<unknown>)[] = [];

/** Work to wait for before the warehouse closes at shutdown (e.g. a running import). */
export function beforeWarehouseClose(hook: () => Promise<unknown>): void {
	beforeCloseHooks.push(hook);
}
let opening: Promise<Warehouse> | undefined;
const idle: WarehouseConnection[] = [];

async function open(): Promise<Warehouse> {
	const dbPath = resolveDbPath();
	const warehouse = await Warehouse.open(dbPath);
	writeServerInfo(dbPath, serverUrlFromEnv());
	// adapter-node emits this on a graceful SIGINT/SIGTERM shutdown, once requests are done:
	// let background work (a running upload import) finish, then flush and unlock the file.
	process.once('sveltekit:shutdown' as 'exit', () => {
		Promise.allSettled(beforeCloseHooks.map((hook) => hook())).finally(() => {
			for (const c of idle.splice(0)) c.close();
			warehouse.close();
		});
	});
	return warehouse;
}

export function appWarehouse(): Promise<Warehouse> {
	opening ??= open().catch((error) => {
		opening = undefined; // retry on the next request, e.g. once a CLI import has released the file
		throw error;
	});
	return opening;
}

/** Runs `fn` on a pooled connection of the server's warehouse. */
export async function withAppDb<T>(fn: (db: WarehouseConnection) => Promise<T>): Promise<T> {
	const warehouse = await appWarehouse();
	const connection = idle.pop() ?? (await warehouse.connect());
	let healthy = true;
	try {
		return await fn(connection);
	} catch (error) {
		healthy = !/connection.*closed|database.*invalidated/i.test(String(error));
		throw error;
	} finally {
		if (healthy && idle.length < MAX_IDLE) idle.push(connection);
		else connection.close();
	}
}
