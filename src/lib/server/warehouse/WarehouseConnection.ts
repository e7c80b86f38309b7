// One DuckDB connection with typed helpers: bound parameters only, rows as plain JS objects
// (converted once by toPlainValue: BIGINT as number when it fits, BLOB as bytes, TIMESTAMP as Date), and transactions that always end.
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { toPlainValue } from './toPlainValue';

export type SqlParams = DuckDBValue[] | Record<string, DuckDBValue>;
export type Row = Record<string, unknown>;

export class WarehouseConnection {
	private inTransaction = false;

	constructor(readonly raw: DuckDBConnection) {}

	/** Runs a statement and returns every row as a plain object. */
	async all<T = Row>(sql: string, params?: SqlParams): Promise<T[]> {
		const reader = await this.raw.runAndReadAll(sql, params);
		return reader.getRowObjectsJS().map((r) => toPlainValue(r) as T);
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
