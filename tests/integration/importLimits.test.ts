// Limits of one import on a real DuckDB file: a record too large for DuckDB's JSON reader is
// quarantined instead of failing the import, garbage keeps only a bounded start of each line
// (whole characters, with its full length), and quarantine downloads come out in batches.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { quarantineBatches, quarantinedRecords } from '../../src/lib/server/imports/importHistory';
import { importFiles } from '../../src/lib/server/ingest';
import { QUARANTINE_RAW_KEPT_PER_RUN } from '../../src/lib/server/ingest/mergeStaged';
import { warehouseStats, withWarehouse } from '../../src/lib/server/warehouse';
import { makeTempDir, writeJsonl } from '../helpers/tempDir';

const { dir, cleanup } = makeTempDir();
afterAll(cleanup);

const at = (minute: number) => `2026-10-05T21:${String(minute).padStart(2, '0')}:00Z`;
const conversation = (id: string, body = 'My parcel never arrived, can you check?') => ({
	id,
	created_at: at(0),
	channel: 'email',
	events: [
		{ id: `${id}-1`, at: at(1), type: 'message', author: 'customer', body },
		{ id: `${id}-2`, at: at(2), type: 'status', status: 'solved' }
	]
});

describe('a record over DuckDB maximum_object_size (40 MB: DuckDB fails the merge past twice the limit)', () => {
	it('is quarantined with file, line and why; the other records load and no message names a server path', async () => {
		const db = path.join(dir, 'huge.duckdb');
		const file = writeJsonl(path.join(dir, 'huge.jsonl'), [
			conversation('small-1'),
			conversation('huge', 'x'.repeat(40 * 1024 * 1024)),
			conversation('small-2')
		]);
		const summary = await withWarehouse(db, (w) => importFiles(w, [file], { format: 'canonical' }));
		expect(summary).toMatchObject({ loaded: 2, quarantined: 1 });
		await withWarehouse(db, async (w) => {
			expect(await warehouseStats(w.db)).toMatchObject({ conversations: 2, quarantined: 1 });
			const [bad] = await quarantinedRecords(w.db, summary.runId);
			expect(bad).toMatchObject({ line: 2 });
			expect(bad.file).toMatch(/huge\.jsonl$/);
			expect(bad.reason).toMatch(/^too large: .* is 40\.0 MB once stored, over the 16\.0 MB per-record limit$/);
			expect(bad.reason).not.toMatch(/\/tmp|supportlens-import/);
			expect(bad.raw_bytes).toBe(fs.statSync(file).size - 2 * (JSON.stringify(conversation('small-1')).length + 1) - 1);
			expect(Buffer.byteLength(bad.raw!)).toBe(2048);
			const [run] = await w.db.all<{ status: string }>('SELECT status FROM import_runs WHERE id = ?', [summary.runId]);
			expect(run.status).toBe('done');
		});
	});
});

describe('garbage lines', () => {
	it('keep at most 2 KB of whole characters each, with their full byte length, and never break the import', async () => {
		const db = path.join(dir, 'garbage.duckdb');
		// 1,999 ASCII bytes then an emoji: cutting at 2,000 UTF-16 units would split its surrogate pair.
		const emojiAtTheCut = 'x'.repeat(1999) + '😀'.repeat(20);
		const long = 'é'.repeat(50_000); // 100,000 bytes
		const file = writeJsonl(path.join(dir, 'garbage.jsonl'), [conversation('ok-1'), emojiAtTheCut, long, 'short junk']);
		const summary = await withWarehouse(db, (w) => importFiles(w, [file], { format: 'canonical' }));
		expect(summary).toMatchObject({ loaded: 1, quarantined: 3 });
		const rows = await withWarehouse(db, (w) => quarantinedRecords(w.db, summary.runId));
		expect(rows.map((r) => [r.line, r.raw_bytes, Buffer.byteLength(r.raw ?? '')])).toEqual([
			[2, 1999 + 80, 1999 + 4 * 12], // whole emoji only: 1,999 + 12 × 4 bytes = 2,047
			[3, 100_000, 2048],
			[4, 10, 10]
		]);
		expect(rows[0].raw).toBe(emojiAtTheCut.slice(0, 1999 + 24));
		expect(rows[1].raw).toBe('é'.repeat(1024));
	});

	it(`past ${QUARANTINE_RAW_KEPT_PER_RUN.toLocaleString('en')} quarantined records in one import, the rest keep file, line, reason and length only`, async () => {
		const db = path.join(dir, 'many.duckdb');
		const extra = 25;
		const lines = Array.from({ length: QUARANTINE_RAW_KEPT_PER_RUN + extra }, (_, i) => `garbage line ${i}`);
		const file = writeJsonl(path.join(dir, 'many.jsonl'), lines);
		const summary = await withWarehouse(db, (w) => importFiles(w, [file], { format: 'canonical' }));
		expect(summary.quarantined).toBe(QUARANTINE_RAW_KEPT_PER_RUN + extra);
		const counts = await withWarehouse(db, (w) =>
			w.db.one<{ with_raw: number; without_raw: number; first_without: number; lengths: number }>(
				`SELECT count(raw) AS with_raw, count(*) - count(raw) AS without_raw, min(line) FILTER (WHERE raw IS NULL) AS first_without,
					count(*) FILTER (WHERE raw_bytes = length('garbage line ' || (line - 1)::VARCHAR)) AS lengths FROM quarantine`
			)
		);
		expect(counts).toEqual({
			with_raw: QUARANTINE_RAW_KEPT_PER_RUN,
			without_raw: extra,
			first_without: QUARANTINE_RAW_KEPT_PER_RUN + 1,
			lengths: QUARANTINE_RAW_KEPT_PER_RUN + extra
		});

		// The download reads them in DuckDB's batches, not as one array.
		const batches = await withWarehouse(db, async (w) => {
			const sizes: number[] = [];
			for await (const rows of quarantineBatches(w, summary.runId)) sizes.push(rows.length);
			return sizes;
		});
		expect(batches.length).toBeGreaterThan(1);
		expect(batches.reduce((a, b) => a + b, 0)).toBe(QUARANTINE_RAW_KEPT_PER_RUN + extra);
	});
});
