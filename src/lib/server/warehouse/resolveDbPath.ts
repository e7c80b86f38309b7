// Which DuckDB file a command works on: --db, else SUPPORTLENS_DB, else data/supportlens.duckdb.
import path from 'node:path';

export const DEFAULT_DB_PATH = 'data/supportlens.duckdb';

export function resolveDbPath(flag?: string | null): string {
	const chosen = flag || process.env.SUPPORTLENS_DB || DEFAULT_DB_PATH;
	return path.resolve(chosen);
}
