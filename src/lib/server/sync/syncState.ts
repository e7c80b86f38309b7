// Reads and writes `sync_state`: where each vendor's last successful sync left its streams.
import type { WarehouseConnection } from '../warehouse';

export type StreamCursors = Record<string, unknown>;

export interface SyncStateRow {
	source: string;
	cursor: StreamCursors;
	synced_at: Date;
	import_run_id: number | null;
}

export async function readSyncState(db: WarehouseConnection, source: string): Promise<SyncStateRow | undefined> {
	const row = await db.one<{ source: string; cursor: string; synced_at: Date; import_run_id: number | null }>(
		'SELECT source, cursor::VARCHAR AS cursor, synced_at, import_run_id FROM sync_state WHERE source = ?',
		[source]
	);
	return row && { ...row, cursor: JSON.parse(row.cursor) as StreamCursors };
}

export async function listSyncStates(db: WarehouseConnection): Promise<SyncStateRow[]> {
	const rows = await db.all<{ source: string; cursor: string; synced_at: Date; import_run_id: number | null }>(
		'SELECT source, cursor::VARCHAR AS cursor, synced_at, import_run_id FROM sync_state ORDER BY source'
	);
	return rows.map((r) => ({ ...r, cursor: JSON.parse(r.cursor) as StreamCursors }));
}

/** Keeps the streams this sync did not touch as they were; call inside the import's transaction. */
export async function writeSyncState(
	db: WarehouseConnection,
	source: string,
	cursors: StreamCursors,
	importRunId: number | null
): Promise<void> {
	const previous = (await readSyncState(db, source))?.cursor ?? {};
	await db.run(`INSERT OR REPLACE INTO sync_state VALUES (?, ?::JSON, now()::TIMESTAMP, ?)`, [
		source,
		JSON.stringify({ ...previous, ...cursors }),
		importRunId
	]);
}
