// Opens (or creates) the DuckDB warehouse file, brings its schema up to date, and turns
// DuckDB's open/lock failures into one-line SupportLensErrors.
import fs from 'node:fs';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { recordCliHolder, releaseCliHolder } from '../cliHolderFile';
import { WarehouseBusyError, WarehouseOpenError } from '../errors';
import { applyMigrations } from './applyMigrations';
import { WarehouseConnection } from './WarehouseConnection';

export interface OpenOptions {
	/** Fail instead of creating a new, empty warehouse (read commands such as `stats`). */
	mustExist?: boolean;
	/** DuckDB memory_limit, e.g. '1GB'. Defaults to SUPPORTLENS_DUCKDB_MEMORY or DuckDB's own. */
	memoryLimit?: string;
}

export class Warehouse {
	private constructor(
		readonly path: string,
		private readonly instance: DuckDBInstance,
		/** The shared connection for simple, sequential work. */
		readonly db: WarehouseConnection
	) {}

	static async open(dbPath: string, options: OpenOptions = {}): Promise<Warehouse> {
		const dir = path.dirname(dbPath);
		if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
			throw new WarehouseOpenError(`cannot open warehouse ${dbPath}: folder ${dir} does not exist`);
		}
		if (fs.existsSync(dbPath) && fs.statSync(dbPath).isDirectory()) {
			throw new WarehouseOpenError(`cannot open warehouse ${dbPath}: it is a folder, not a DuckDB file`);
		}
		if (options.mustExist && !fs.existsSync(dbPath)) {
			throw new WarehouseOpenError(`no warehouse at ${dbPath}: run \`ingest\` or \`demo\` first, or pass --db`);
		}
		const config: Record<string, string> = {};
		const memoryLimit = options.memoryLimit ?? process.env.SUPPORTLENS_DUCKDB_MEMORY;
		if (memoryLimit) {
			config.memory_limit = memoryLimit;
			// The limit bounds DuckDB's buffers, not what its allocator keeps after a statement:
			// without these, the process stayed ~250 MB above the limit through a 1M import.
			config.allocator_flush_threshold = '8MB';
			config.allocator_background_threads = 'true';
		}
		let instance: DuckDBInstance;
		try {
			instance = await DuckDBInstance.create(dbPath, config);
		} catch (error) {
			throw translateOpenError(dbPath, error);
		}
		let connection: WarehouseConnection | undefined;
		try {
			connection = new WarehouseConnection(await instance.connect());
			await connection.run("SET TimeZone = 'UTC'");
			await applyMigrations(connection);
			recordCliHolder(dbPath);
			return new Warehouse(dbPath, instance, connection);
		} catch (error) {
			connection?.close();
			instance.closeSync();
			throw error;
		}
	}

	/** A separate connection, for work that must not share the default one's transaction. */
	async connect(): Promise<WarehouseConnection> {
		const connection = new WarehouseConnection(await this.instance.connect());
		await connection.run("SET TimeZone = 'UTC'");
		return connection;
	}

	/** Runs `fn` on a fresh connection and closes it afterwards, whatever happens. */
	async withConnection<T>(fn: (db: WarehouseConnection) => Promise<T>): Promise<T> {
		const connection = await this.connect();
		try {
			return await fn(connection);
		} finally {
			connection.close();
		}
	}

	close(): void {
		this.db.close();
		this.instance.closeSync();
		releaseCliHolder(this.path);
	}
}

export async function openWarehouse(dbPath: string, options?: OpenOptions): Promise<Warehouse> {
	return Warehouse.open(dbPath, options);
}

/** Runs `fn` with an open warehouse and closes it afterwards, whatever happens. */
export async function withWarehouse<T>(dbPath: string, fn: (warehouse: Warehouse) => Promise<T>, options?: OpenOptions): Promise<T> {
	const warehouse = await Warehouse.open(dbPath, options);
	try {
		return await fn(warehouse);
	} finally {
		warehouse.close();
	}
}

function translateOpenError(dbPath: string, error: unknown): Error {
	const message = error instanceof Error ? error.message : String(error);
	const lock = /Could not set lock on file.*?Conflicting lock is held in (.*?)(?: \(PID (\d+)\))?(?:\.|$)/s.exec(message);
	if (lock) {
		const holder = lock[2] ? `another process (PID ${lock[2]})` : 'another process';
		return new WarehouseBusyError(dbPath, holder);
	}
	if (/not a valid DuckDB database|Unable to open|corrupt/i.test(message)) {
		return new WarehouseOpenError(`cannot open warehouse ${dbPath}: not a DuckDB database file`);
	}
	return new WarehouseOpenError(`cannot open warehouse ${dbPath}: ${message.split('\n')[0]}`);
}
