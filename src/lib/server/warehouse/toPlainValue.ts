// Converts what @duckdb/node-api's getRowObjectsJS returns into the plain values the rest of
// the code expects, once, at the warehouse boundary: integers as numbers when they fit,
// BLOBs as bytes, structs and lists converted all the way down.

/**
 * BIGINT/HUGEINT/UBIGINT: a number when it is a safe integer, else the exact bigint (never a
 * rounded number, never a string). BLOB: a Uint8Array (Node's Buffer). TIMESTAMP/DATE: Date.
 * DECIMAL and DOUBLE: number. LIST/ARRAY: arrays. STRUCT/MAP/INTERVAL: plain objects. NULL: null.
 */
export function toPlainValue(value: unknown): unknown {
	if (typeof value === 'bigint') {
		return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value;
	}
	if (value === null || typeof value !== 'object' || value instanceof Date || ArrayBuffer.isView(value)) return value;
	if (Array.isArray(value)) return value.map(toPlainValue);
	const out: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(value)) out[k] = toPlainValue(v);
	return out;
}
