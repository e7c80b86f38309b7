// How much of one file in our own format the import parses and merges at once, from the
// memory DuckDB may use: past that, a file is imported in slices of whole lines, each its own
// transaction, so the parsed lines, the merge's temp tables and their spill stay bounded
// whatever the file's size.
import type { WarehouseConnection } from '../../warehouse/WarehouseConnection';

/**
 * Bytes of JSON Lines per byte of DuckDB memory limit. A slice's parsed rows and the merge's
 * temp tables take a few times its text in DuckDB's memory; this keeps them near the limit,
 * where DuckDB spills little.
 */
export const SLICE_BYTES_PER_MEMORY_BYTE = 1;
/** Below this, per-transaction costs outweigh what smaller slices save. */
export const MIN_SLICE_BYTES = 64 * 2 ** 20;

const UNITS: Record<string, number> = {
	bytes: 1,
	KiB: 2 ** 10,
	MiB: 2 ** 20,
	GiB: 2 ** 30,
	TiB: 2 ** 40,
	KB: 1e3,
	MB: 1e6,
	GB: 1e9,
	TB: 1e12
};

/** DuckDB's rendering of a size ("488.2 MiB", "1.8 GiB") in bytes; NaN when it is not one. */
export function parseDuckDbSize(text: string): number {
	const match = /^\s*([0-9.]+)\s*([A-Za-z]+)\s*$/.exec(text);
	const unit = match && UNITS[match[2]];
	return unit ? Number(match[1]) * unit : NaN;
}

/** The slice size for the import running on `db`, from its memory_limit. */
export async function sliceBytesForMemory(db: WarehouseConnection): Promise<number> {
	const row = await db.one<{ limit: string }>(`SELECT current_setting('memory_limit') AS "limit"`);
	const limit = parseDuckDbSize(row?.limit ?? '');
	if (!Number.isFinite(limit)) return MIN_SLICE_BYTES;
	return Math.max(MIN_SLICE_BYTES, Math.round(limit * SLICE_BYTES_PER_MEMORY_BYTE));
}
