// One DuckDB connection with typed helpers: bound parameters only, rows as plain JS objects
// (BIGINT as number when it fits, TIMESTAMP as Date), and transactions that always end.
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';

export type SqlParams = DuckDBValue[] | Record<string, DuckDBValue>;
export type Row = Record<string, unknown>;

function toPlain(value: unknown): unknown {
	if (typeof value === 'bigint') {
		return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)
			? Number(value)
			: value.toString();
	}
	if (Array.isArray(value)) return value.map(toPlain);
	if (value && typeof value === 'object' && !(value instanceof Date)) {
		const out: Row = {};
		for (const [k, v] of Object.entries(value)) out[k] = toPlain(v);
		return out;
	}
	return value;
}

export class WarehouseConnection {
	private inTransaction = false;

	constructor(readonly raw: DuckDBConnection) {}

	/** Runs a statement and returns every row as a plain object. */
	async all<T = Row>(sql: string, params?: SqlParams): Promise<T[]> {
		const reader = await this.raw.runAndReadAll(sql, params);
		return reader.getRowObjectsJS().map((r) => toPlain(r) as T);
	}

	async one<T = Row>(sql: string, params?: SqlParams): Promise<T | undefined> {
		return (await this.all<T>(sql, params))[0];
	}

	async run(sql: string, params?: SqlParams): Promise<void> {
		await this.raw.run(sql, params);
	}

	/** Runs `fn` in a transaction: committed when it returns, rolled back when it throws. */
	async transaction<T>(fn: (db: WarehouseConnection) => Promise<T>): Promise<T> {
		if (this.inTransaction) return fn(this);
		await this.raw.run('BEGIN TRANSACTION');
		this.inTransaction = true;
		try {
			const result = await fn(this);
			await this.raw.run('COMMIT');
			return result;
		} catch (error) {
			await this.raw.run('ROLLBACK').catch(() => {});
			throw error;
		} finally {
			this.inTransaction = false;
		}
	}

	close(): void {
		this.raw.closeSync();
	}
}
