// The canonical fast path (DuckDB parses and checks lines in bulk, zod sees only what its checks
// leave aside) against the line-by-line path (zod sees every line): over generated valid and
// broken records, both load the same rows, quarantine the same lines with the same reasons, and
// the fast path's checks never accept a line zod refuses (they are a sound under-approximation).
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { conversationSchema } from '../../src/lib/schema';
import { importFiles } from '../../src/lib/server/ingest';
import { FastStaging } from '../../src/lib/server/ingest/fast/stageCanonicalFiles';
import { withWarehouse, type Warehouse } from '../../src/lib/server/warehouse';
import { baseConversation, EDITS, NO_LANGUAGE, RAW_LINES } from '../helpers/canonicalEdits';
import { withFreshWarehouse } from '../helpers/freshWarehouse';
import { makeTempDir } from '../helpers/tempDir';

const { dir, cleanup } = makeTempDir();
afterAll(cleanup);

const lineArb = fc.oneof(
	{ weight: 6, arbitrary: fc.record({ n: fc.nat(30), ms: fc.boolean(), edits: fc.array(fc.nat(EDITS.length - 1), { maxLength: 2 }) }) },
	{ weight: 1, arbitrary: fc.constantFrom(...RAW_LINES) }
);

function render(item: { n: number; ms: boolean; edits: number[] } | string): string {
	if (typeof item === 'string') return item;
	const c = baseConversation(item.n, item.ms);
	for (const i of item.edits) EDITS[i](c);
	return JSON.stringify(c);
}

async function tables(w: Warehouse) {
	const conversations = await w.db.all(`SELECT * EXCLUDE (content_hash, import_run_id) FROM conversations ORDER BY source, id`);
	const events = await w.db.all(`SELECT * FROM events ORDER BY source, conversation_id, seq`);
	const quarantine = await w.db.all(`SELECT file, line, record, reason, raw, raw_hash, raw_bytes FROM quarantine ORDER BY file, line`);
	const facts = await w.db.all(`SELECT * FROM conversation_facts ORDER BY source, id`);
	return { conversations, events, quarantine, facts };
}

let run = 0;
/** Writes the lines as two files (a copy of one key may sit in each) and imports them both ways, twice. */
async function importBoth(lines: string[]) {
	run++;
	const half = Math.ceil(lines.length / 2);
	const files = [lines.slice(0, half), lines.slice(half)].map((part, i) => {
		const file = path.join(dir, `run-${run}-${i}.jsonl`);
		fs.writeFileSync(file, part.join('\n') + '\n');
		return file;
	});
	const options = (mode: 'fast' | 'zod' | 'sliced') => ({
		format: 'canonical' as const,
		fastPath: mode !== 'zod',
		// Sliced: a few lines per transaction, so copies of one key often sit in different slices.
		sliceBytes: mode === 'sliced' ? SLICE_BYTES : undefined,
		displayNames: { [files[0]]: 'export-a.jsonl', [files[1]]: 'export-b.jsonl' }
	});
	const load = (mode: 'fast' | 'zod' | 'sliced') =>
		withFreshWarehouse(path.join(dir, `run-${run}-${mode}.duckdb`), async (w) => {
			const summary = await importFiles(w, files, options(mode));
			const rowRuns = () => w.db.all(`SELECT source, id, import_run_id FROM conversations ORDER BY source, id`);
			const runsBefore = await rowRuns();
			const again = await importFiles(w, files, options(mode));
			// Re-importing rewrote no row: each still carries the run that loaded it.
			expect(await rowRuns()).toEqual(runsBefore);
			return { summary, again, ...(await tables(w)) };
		});
	// The fast path really ran: DuckDB read each file (it falls back to line by line when it cannot).
	const fastLines = await withFreshWarehouse(path.join(dir, `run-${run}-probe.duckdb`), (w) =>
		w.withConnection(async (db) => {
			const fast = new FastStaging();
			const counts = [];
			for (const file of files) counts.push(await fast.stageFile(db, { path: file, display: 'x', bytes: 0 }, 0, async () => {}));
			await fast.drop(db);
			return counts;
		})
	);
	expect(fastLines).toEqual([half, lines.length - half]);
	return { fast: await load('fast'), zod: await load('zod'), sliced: await load('sliced') };
}

/** Slices of a few lines: each generated line is about 1 KB. */
const SLICE_BYTES = 2500;

/** Twenty plain conversations, then each edit on a conversation of its own, then the raw lines. */
const EACH_EDIT_LINES = [
	...Array.from({ length: 20 }, (_, n) => JSON.stringify(baseConversation(n, n % 2 === 0))),
	...EDITS.map((edit, i) => {
		const c = baseConversation(100 + i, false);
		edit(c);
		return JSON.stringify(c);
	}),
	...RAW_LINES
];

/**
 * Random runs on top of the every-edit file: 12 took 40 s, most in the sliced imports (a transaction
 * per two lines). An edit mishandled alone fails the every-edit test; mishandled copies of a key (the
 * winner picked per slice, not per file) fail in any run, each having several.
 */
const NUM_RUNS = 4;

/** Both paths, and the sliced import, left the same tables and counts, and a re-import changed nothing. */
function expectSameOutcome({ fast, zod, sliced }: Awaited<ReturnType<typeof importBoth>>): void {
	expect(fast.conversations).toEqual(zod.conversations);
	expect(fast.events).toEqual(zod.events);
	expect(fast.quarantine).toEqual(zod.quarantine);
	expect(fast.facts).toEqual(zod.facts);
	const { runId: _a, ...fastCounts } = fast.summary;
	const { runId: _b, ...zodCounts } = zod.summary;
	expect(fastCounts).toEqual(zodCounts);
	// Re-importing the same file changes nothing, on either path.
	expect(fast.again).toMatchObject({ loaded: 0, updated: 0 });
	expect(zod.again).toMatchObject({ loaded: 0, updated: 0 });
	// In slices, one transaction each, the warehouse ends as after one transaction (the tables are read after
	// the re-import), quarantine rows name the whole file's lines, and the counts are one transaction's, on
	// the re-import too: each key's winning copy is picked before the first slice.
	expect(sliced.conversations).toEqual(zod.conversations);
	expect(sliced.events).toEqual(zod.events);
	expect(sliced.quarantine).toEqual(zod.quarantine);
	expect(sliced.facts).toEqual(zod.facts);
	const { runId: _c, ...slicedCounts } = sliced.summary;
	expect(slicedCounts).toEqual(zodCounts);
	const { runId: _d, ...slicedAgain } = sliced.again;
	const { runId: _e, ...zodAgain } = zod.again;
	expect(slicedAgain).toEqual(zodAgain);
	expect(sliced.again).toMatchObject({ loaded: 0, updated: 0 });
}

describe('the canonical fast path', () => {
	it('loads and quarantines exactly what the line-by-line path does, for every edit', async () => {
		expectSameOutcome(await importBoth(EACH_EDIT_LINES));
	}, 300_000);

	// Random mixes: copies of one key in both files and across slices, two edits on one record.
	it('loads and quarantines exactly what the line-by-line path does', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(lineArb, { minLength: 20, maxLength: 60 }), async (items) =>
				expectSameOutcome(await importBoth(items.map(render)))
			),
			{ numRuns: NUM_RUNS, endOnFailure: true }
		);
	}, 600_000);

	it('accepts in SQL only lines zod accepts, and most plain valid lines', async () => {
		const lines = EACH_EDIT_LINES;
		const file = path.join(dir, 'each-edit.jsonl');
		fs.writeFileSync(file, lines.join('\n') + '\n');
		await withWarehouse(path.join(dir, 'each-edit.duckdb'), async (w) => {
			await w.withConnection(async (db) => {
				const fast = new FastStaging();
				const leftAside: number[] = [];
				await fast.stageFile(db, { path: file, display: 'x', bytes: 0 }, 0, async (staged) => {
					for (const s of staged) leftAside.push(s.quarantine ? 0 : 1);
				});
				const accepted = await db.all<{ line: number }>('SELECT rowid + 1 AS line FROM fast_lines_0 WHERE ok');
				for (const { line } of accepted) {
					const parsed = conversationSchema.safeParse(JSON.parse(lines[line - 1]));
					expect(parsed.success, `line ${line} accepted in SQL: ${lines[line - 1]}`).toBe(true);
				}
				// Every unedited conversation takes the fast path.
				const acceptedLines = new Set(accepted.map((r) => r.line));
				for (let n = 1; n <= 20; n++) expect(acceptedLines.has(n)).toBe(true);
				// So does one without a language: the fast path detects it as the zod path does.
				const noLanguage = NO_LANGUAGE.map((edit) => 20 + EDITS.indexOf(edit) + 1);
				for (const line of noLanguage) expect(acceptedLines.has(line), `line ${line}`).toBe(true);
				const languages = await db.all<{ language: string | null; language_detected: boolean }>(
					`SELECT language, language_detected FROM fast_lines_0 WHERE rowid + 1 IN (${noLanguage.join(', ')}) ORDER BY rowid`
				);
				expect(languages).toEqual([
					{ language: 'es', language_detected: true },
					{ language: 'de', language_detected: true },
					{ language: null, language_detected: false }
				]);
				await fast.drop(db);
			});
		});
	}, 120_000);
});
