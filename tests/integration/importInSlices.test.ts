// A canonical file larger than the slice size goes in slices of whole lines, one transaction
// each: the slicer keeps every byte and line number; the import loads and quarantines what one
// transaction would (with the whole file's line numbers, also for a slice DuckDB cannot read);
// a crash between slices leaves the committed slices, and the same import then completes.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/lib/server/ingest';
import { rollupUsable } from '../../src/lib/server/kpi/queryRollupKpis';
import { sliceCanonicalFile } from '../../src/lib/server/ingest/fast/sliceCanonicalFile';
import { parseDuckDbSize } from '../../src/lib/server/ingest/fast/sliceBytesForMemory';
import { warehouseStats, withWarehouse, type Warehouse } from '../../src/lib/server/warehouse';
import { crashBeforeCommitEnv } from '../helpers/crashBeforeCommit';
import { ROOT } from '../helpers/runCli';
import { makeTempDir, writeJsonl } from '../helpers/tempDir';

const { dir, cleanup } = makeTempDir();
afterAll(cleanup);

const at = (minute: number) => `2026-10-05T21:${String(minute).padStart(2, '0')}:00Z`;
function conversation(id: string, extra: Record<string, unknown> = {}) {
	return {
		id,
		created_at: at(0),
		updated_at: at(30),
		channel: 'chat',
		language: 'en',
		events: [
			{ id: `${id}-1`, at: at(1), type: 'message', author: 'customer', body: `Question ${id}: I was charged twice` },
			{ id: `${id}-2`, at: at(2), type: 'message', author: 'ai', body: 'Let me check.', answer_type: 'fallback', confidence: 0.2 },
			{ id: `${id}-3`, at: at(3), type: 'status', status: 'solved' }
		],
		...extra
	};
}

/**
 * 60 lines: valid conversations, broken lines at known places, a newer copy after an older one, an
 * older copy after a newer one, another copy with the same updated_at far from the first, one line of broken UTF-8.
 */
function writeExport(file: string): string {
	const lines: (object | string)[] = [];
	for (let i = 1; i <= 60; i++) {
		if (i === 7) lines.push('{"id": "c-broken", "created_at": ');
		else if (i === 23) lines.push(conversation(`c${i}`, { channel: 'pigeon' }));
		else if (i === 41) lines.push(conversation('c2', { updated_at: at(40), subject: 'newer copy' }));
		else if (i === 44) lines.push(conversation('c3', { updated_at: at(10), subject: 'older copy' }));
		else if (i === 55) lines.push(conversation('c5', { subject: 'same time, later line' }));
		else lines.push(conversation(`c${i}`));
	}
	writeJsonl(file, lines);
	// Line 50 becomes invalid UTF-8 (its slice is read line by line).
	const text = fs.readFileSync(file);
	const starts = [0];
	for (let i = 0; i < text.length; i++) if (text[i] === 0x0a) starts.push(i + 1);
	const broken = Buffer.concat([text.subarray(0, starts[49]), Buffer.from([0x7b, 0xff, 0xfe, 0x7d, 0x0a]), text.subarray(starts[50])]);
	fs.writeFileSync(file, broken);
	return file;
}

async function contents(w: Warehouse) {
	return {
		conversations: await w.db.all(`SELECT * EXCLUDE (content_hash, import_run_id) FROM conversations ORDER BY source, id`),
		events: await w.db.all(`SELECT * FROM events ORDER BY source, conversation_id, seq`),
		quarantine: await w.db.all(`SELECT file, line, reason FROM quarantine ORDER BY file, line`),
		facts: await w.db.all(`SELECT * FROM conversation_facts ORDER BY source, id`),
		rollup: await w.db.all(`SELECT * FROM kpi_rollup ORDER BY ALL`),
		rollupUsable: await rollupUsable(w.db)
	};
}

/** About 500 bytes per line: slices of a few lines. */
const SLICE_BYTES = 2000;

describe('sliceCanonicalFile', () => {
	it('cuts after newlines only, keeps every byte, and numbers each slice from its place in the file', async () => {
		const file = path.join(dir, 'raw.jsonl');
		const long = 'x'.repeat(5000);
		const text = `a\r\n\r\n{"long":"${long}"}\nb\n${'c\n'.repeat(30)}last line without newline`;
		fs.writeFileSync(file, text);
		const sliceDir = fs.mkdtempSync(path.join(dir, 'slices-'));
		const seen: { firstLine: number; lines: number; text: string }[] = [];
		for await (const slice of sliceCanonicalFile(file, sliceDir, 16)) {
			const body = fs.readFileSync(slice.path, 'utf8');
			expect(slice.bytes).toBe(Buffer.byteLength(body));
			seen.push({ firstLine: slice.firstLine, lines: slice.lines, text: body });
		}
		expect(seen.map((s) => s.text).join('')).toBe(text);
		const allLines = text.split('\n');
		for (const s of seen) {
			expect(s.text.split('\n').filter((_, i, a) => i < a.length - 1 || a[i] !== '')).toEqual(
				allLines.slice(s.firstLine, s.firstLine + s.lines)
			);
			expect(s.text.endsWith('\n') || s === seen.at(-1)).toBe(true);
		}
		expect(seen.at(-1)!.firstLine + seen.at(-1)!.lines).toBe(allLines.length);
		// The slice reaching into the long line ends with it, bigger than the size asked for; slice files are gone afterwards.
		expect(seen.filter((s) => s.text.includes(long)).map((s) => s.text.endsWith(`${long}"}\n`))).toEqual([true]);
		expect(seen.length).toBeGreaterThan(3);
		expect(fs.readdirSync(sliceDir)).toEqual([]);

		// Lines asked to be blank (the first, the long one, the last without newline) lose their text, not their place.
		const blank = [1, 3, 6, allLines.length];
		const blanked: string[] = [];
		for await (const slice of sliceCanonicalFile(file, sliceDir, 16, blank)) blanked.push(fs.readFileSync(slice.path, 'utf8'));
		expect(blanked.join('')).toBe(allLines.map((line, i) => (blank.includes(i + 1) ? '' : line)).join('\n'));
	});

	it('reads DuckDB memory sizes as bytes', () => {
		expect(parseDuckDbSize('488.2 MiB')).toBeCloseTo(488.2 * 2 ** 20);
		expect(parseDuckDbSize('1.8 GiB')).toBeCloseTo(1.8 * 2 ** 30);
		expect(parseDuckDbSize('512 bytes')).toBe(512);
		expect(parseDuckDbSize('unlimited')).toBeNaN();
	});
});

describe('importing a canonical file in slices', () => {
	it('loads, quarantines and re-imports as one transaction would, naming the whole file and its lines', async () => {
		const file = writeExport(path.join(dir, 'export.jsonl'));
		const options = { displayNames: { [file]: 'export.jsonl' } };
		const once = await withWarehouse(path.join(dir, 'once.duckdb'), async (w) => ({
			summary: await importFiles(w, [file], options),
			...(await contents(w))
		}));
		const sliced = await withWarehouse(path.join(dir, 'sliced.duckdb'), async (w) => {
			const summary = await importFiles(w, [file], { ...options, sliceBytes: SLICE_BYTES });
			const runs = await w.db.all<{ files: string[] }>('SELECT files FROM import_runs ORDER BY id');
			const rowRuns = () => w.db.all('SELECT source, id, import_run_id FROM conversations ORDER BY source, id');
			const runsBefore = await rowRuns();
			const again = await importFiles(w, [file], { ...options, sliceBytes: SLICE_BYTES });
			return { summary, again, runs, rowRunsKept: isDeepStrictEqual(await rowRuns(), runsBefore), ...(await contents(w)) };
		});
		expect(once.quarantine.map((q) => q.line)).toEqual([7, 23, 50]);
		expect(sliced.quarantine).toEqual(once.quarantine);
		expect(sliced.conversations).toEqual(once.conversations);
		expect(sliced.events).toEqual(once.events);
		expect(sliced.facts).toEqual(once.facts);
		// The KPI rollup, left to one rebuild after the last slice, is the one-transaction import's and in use.
		expect(sliced.rollup).toEqual(once.rollup);
		expect(sliced.rollup.length).toBeGreaterThan(0);
		expect(sliced.rollupUsable && once.rollupUsable).toBe(true);
		expect(once.conversations.find((c) => c.id === 'c2')?.subject).toBe('newer copy');
		expect(once.conversations.find((c) => c.id === 'c3')?.subject).toBeNull();
		expect(once.conversations.find((c) => c.id === 'c5')?.subject).toBe('same time, later line');
		// The counts are one transaction's: a copy another one supersedes counts as skipped, wherever they sit.
		const { runId: _a, ...slicedCounts } = sliced.summary;
		const { runId: _b, ...onceCounts } = once.summary;
		expect(slicedCounts).toEqual(onceCounts);
		expect(once.summary).toMatchObject({ loaded: 54, updated: 0, skipped_older: 3, quarantined: 3 });
		// One run per slice, each naming the file and its lines.
		expect(sliced.runs.length).toBeGreaterThan(5);
		expect(sliced.runs[0].files[0]).toMatch(/^export\.jsonl \(lines 1–\d+\)$/);
		// Importing the file again changes nothing: every copy unchanged or skipped, no row rewritten.
		expect(sliced.again).toMatchObject({ loaded: 0, updated: 0, unchanged: 54, skipped_older: 3, quarantined: 3 });
		expect(sliced.rowRunsKept).toBe(true);
	});

	it('after a crash before a slice commits, keeps the slices before it, and the same import completes', async () => {
		const file = writeExport(path.join(dir, 'crash.jsonl'));
		const db = path.join(dir, 'crash.duckdb');
		const importProcess = (env: Record<string, string> = {}) =>
			spawnSync(
				path.join(ROOT, 'node_modules/.bin/tsx'),
				[path.join(ROOT, 'tests/helpers/importFilesProcess.ts'), db, String(SLICE_BYTES), file],
				{
					cwd: ROOT,
					encoding: 'utf8',
					env: { ...process.env, ...env },
					timeout: 300_000
				}
			);
		const crashed = importProcess(crashBeforeCommitEnv(3));
		expect(crashed.signal === 'SIGKILL' || crashed.status === 137).toBe(true);
		const runs = () =>
			withWarehouse(db, (w) => w.db.all<{ status: string; files: string[] }>('SELECT status, files FROM import_runs ORDER BY id'));
		const afterCrash = await runs();
		expect(afterCrash.map((r) => r.status)).toEqual(['done', 'done', 'running']);
		// Exactly the first two slices' lines are in.
		const lastLine = Number(/–(\d+)\)$/.exec(afterCrash[1].files[0])![1]);
		const stats = await withWarehouse(db, (w) => warehouseStats(w.db));
		// Line 7 is broken; lines 2 and 5 hold copies that lines 41 and 55 supersede (left out of their slices).
		expect(stats.conversations).toBe(lastLine - [2, 5, 7].filter((line) => line <= lastLine).length);
		expect(stats.conversations).toBeGreaterThan(0);
		// The rollup was left for after the last slice: it says it is stale, so KPI queries read the facts.
		expect(await withWarehouse(db, (w) => rollupUsable(w.db))).toBe(false);

		const resumed = importProcess();
		expect(resumed.status).toBe(0);
		const whole = await withWarehouse(path.join(dir, 'crash-once.duckdb'), async (w) => {
			await importFiles(w, [file]);
			return contents(w);
		});
		const after = await withWarehouse(db, (w) => contents(w));
		expect(after.conversations).toEqual(whole.conversations);
		expect(after.events).toEqual(whole.events);
		expect(after.quarantine).toEqual(whole.quarantine);
		expect(after.facts).toEqual(whole.facts);
		expect(after.rollup).toEqual(whole.rollup);
		expect(after.rollupUsable).toBe(true);
		const statuses = (await runs()).map((r) => r.status);
		expect(statuses.slice(0, 3)).toEqual(['done', 'done', 'failed']);
		expect(statuses.slice(3).every((s) => s === 'done')).toBe(true);
	});
});
