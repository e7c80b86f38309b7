// Values read through WarehouseConnection from a real DuckDB file come back as plain JS of the
// right type (the conversion at the warehouse boundary).
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withWarehouse } from '../../src/lib/server/warehouse';
import { makeTempDir } from '../helpers/tempDir';

const tmp = makeTempDir();
afterAll(() => tmp.cleanup());

describe('WarehouseConnection.all on a real DuckDB file', () => {
	it('converts BLOB, HUGEINT, BIGINT, DECIMAL, TIMESTAMP, LIST, STRUCT and NULL', async () => {
		const row = await withWarehouse(path.join(tmp.dir, 'values.duckdb'), ({ db }) =>
			db.one<Record<string, unknown>>(`SELECT 'ab'::BLOB AS blob, 170141183460469231731687303715884105727::HUGEINT AS huge,
				42::HUGEINT AS small_huge, 9007199254740993::BIGINT AS big, 12.34::DECIMAL(10,2) AS dec,
				TIMESTAMP '2026-01-02 03:04:05' AS ts, [1, 2]::BIGINT[] AS list, {'x': 7::BIGINT} AS struct, NULL::INTEGER AS nothing`)
		);
		expect(row).toBeDefined();
		expect(row!.blob).toBeInstanceOf(Uint8Array);
		expect(Buffer.from(row!.blob as Uint8Array).toString()).toBe('ab');
		expect(row!.huge).toBe(170141183460469231731687303715884105727n);
		expect(row!.small_huge).toBe(42);
		expect(row!.big).toBe(9007199254740993n);
		expect(row!.dec).toBe(12.34);
		expect(row!.ts).toEqual(new Date('2026-01-02T03:04:05Z'));
		expect(row!.list).toEqual([1, 2]);
		expect(row!.struct).toEqual({ x: 7 });
		expect(row!.nothing).toBeNull();
	});
});
