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
import { makeTempDir } from '../helpers/tempDir';

const { dir, cleanup } = makeTempDir();
afterAll(cleanup);

type Loose = Record<string, unknown>;
const ts = (minute: number, ms = false) => `2026-10-05T21:${String(minute % 60).padStart(2, '0')}:0${minute % 10}${ms ? '.250' : ''}Z`;

function baseConversation(n: number, ms: boolean): Loose {
	return {
		id: `c-${n}`,
		source: 'canonical',
		channel: 'chat',
		created_at: ts(0, ms),
		updated_at: ts(50, ms),
		subject: 'Charged twice',
		language: 'en',
		intent: 'billing',
		priority: 'high',
		tags: ['renewal', 'vip'],
		customer: { id: `cust-${n % 7}`, tier: 'vip', plan: 'pro' },
		csat: { score: 2, scale: 5, comment: 'slow' },
		events: [
			{ id: 'e1', at: ts(1, ms), type: 'message', author: 'customer', body: 'I was charged "twice" \\ for my plan' },
			{
				id: 'e2',
				at: ts(2, ms),
				type: 'message',
				author: 'ai',
				body: 'Checking…',
				answer_type: 'fallback',
				confidence: 0.42,
				kb_article_ids: ['kb-12']
			},
			{
				id: 'e3',
				at: ts(3, ms),
				type: 'handoff',
				to_queue: 'billing',
				reason: 'refund',
				note: 'Goal: refund',
				customer_message: 'A colleague takes over'
			},
			{ id: 'e4', at: ts(4, ms), type: 'assignment', queue: 'billing', agent_id: 'a-3' },
			{ id: 'e5', at: ts(5, ms), type: 'draft', agent_id: 'a-3', body: 'Refund sent', final_body: 'Refund sent today', review: 'edited' },
			{ id: 'e6', at: ts(6, ms), type: 'note', body: 'internal' },
			{ id: 'e7', at: ts(7, ms), type: 'status', status: 'solved' }
		]
	};
}

const set = (path: string[], value: unknown) => (c: Loose) => {
	let target: Loose = c;
	for (const key of path.slice(0, -1)) {
		const next = target[key];
		if (next === null || typeof next !== 'object') return; // an earlier edit replaced it
		target = next as Loose;
	}
	if (value === undefined) delete target[path.at(-1)!];
	else target[path.at(-1)!] = value;
};
const ev = (i: number, key: string, value: unknown) => set(['events', String(i), key], value);

/** Valid conversations without a language, whose language the import detects (or finds none). */
const NO_LANGUAGE: ((c: Loose) => void)[] = [
	(c) => {
		delete c.language;
		ev(0, 'body', 'Buenas tardes, me cobraron dos veces la suscripción este mes y necesito el reembolso')(c);
	},
	(c) => {
		delete c.language;
		ev(0, 'body', 'ok')(c);
		set(['subject'], 'Doppelte Abbuchung meiner Rechnung im Oktober')(c);
	},
	(c) => {
		delete c.language;
		delete c.subject;
		ev(0, 'body', 'ok')(c);
	}
];

/** Edits of a valid conversation: many keep it valid (some in forms only zod reads), the rest break it. */
const EDITS: ((c: Loose) => void)[] = [
	set(['id'], 42),
	set(['id'], ' c-x'),
	set(['id'], ''),
	set(['id'], undefined),
	set(['id'], 'c\u00e9-1'),
	set(['source'], undefined),
	set(['source'], 'zendesk'),
	set(['channel'], undefined),
	set(['channel'], 'pigeon'),
	set(['channel'], 7),
	set(['created_at'], '2026-02-30T10:00:00Z'),
	set(['created_at'], '2026-10-05T24:00:00Z'),
	set(['created_at'], '2026-10-05T23:00:00+02:00'),
	set(['created_at'], '2026-10-05 23:00:00Z'),
	set(['created_at'], '2026-10-05T23:00:00'),
	set(['created_at'], '2024-02-29T10:00:00.5Z'),
	set(['updated_at'], undefined),
	set(['updated_at'], null),
	set(['subject'], null),
	set(['subject'], { text: 'x' }),
	set(['language'], undefined),
	...NO_LANGUAGE,
	set(['language'], 'english!'),
	set(['language'], 'pt-BR'),
	set(['priority'], 'whenever'),
	set(['tags'], []),
	set(['tags'], ['a', 1]),
	set(['tags'], 'renewal'),
	set(['customer'], 'cust-1'),
	set(['customer'], {}),
	set(['customer', 'id'], 5),
	set(['csat'], { rating: 'good' }),
	set(['csat'], { rating: 'meh' }),
	set(['csat'], { score: 6, scale: 5 }),
	set(['csat'], { score: 4 }),
	set(['csat'], { score: 1, scale: 0 }),
	set(['csat'], { score: '4', scale: 5 }),
	set(['csat'], { score: 4, rating: 'good' }),
	set(['csat'], {}),
	set(['history'], 'partial'),
	set(['history'], 'full'),
	set(['history'], 'some'),
	set(['events'], undefined),
	set(['events'], []),
	set(['events'], { id: 'e1' }),
	set(['unknown_key'], { id: 5, nested: [1, 2] }),
	ev(0, 'type', 'telepathy'),
	ev(0, 'author', 'robot'),
	ev(0, 'body', undefined),
	ev(0, 'body', 12),
	ev(0, 'id', 'e2'),
	ev(0, 'at', '2026-10-05T22:59:00Z'),
	ev(1, 'at', '2026-10-05T21:01:01.500Z'),
	ev(1, 'confidence', 1.5),
	ev(1, 'confidence', '0.4'),
	ev(1, 'confidence', 1),
	ev(1, 'answer_type', 'maybe'),
	ev(1, 'kb_article_ids', [' ']),
	ev(1, 'kb_article_ids', [3]),
	ev(1, 'to_queue', 5),
	ev(2, 'author', 'agent'),
	ev(2, 'author', 'customer'),
	ev(2, 'to_queue', '  '),
	ev(2, 'to_queue', ' billing '),
	ev(2, 'body', 'stripped: handoffs have no body'),
	ev(3, 'queue', undefined),
	(c) => {
		ev(3, 'queue', undefined)(c);
		ev(3, 'agent_id', undefined)(c);
	},
	ev(4, 'author', 'agent'),
	ev(4, 'review', 'shrug'),
	ev(5, 'author', 'customer'),
	ev(5, 'author', 'ai'),
	ev(6, 'status', 'limbo'),
	ev(6, 'status', null),
	ev(0, 'body', 'say null or NaN or Infinity, tab\there'),
	ev(0, 'body', 'emoji 🎉 and \u2028 line separator')
];

/** Lines no edit of an object produces: broken JSON and text only JSON.parse refuses. */
const RAW_LINES = [
	'{"id": "c-broken", "created_at": ',
	'[1, 2, 3]',
	'"just a string"',
	'',
	'   ',
	'{"id":"c-tc","created_at":"2026-10-05T21:00:00Z","language":"en","events":[],}',
	'{"id":"c-nan","created_at":"2026-10-05T21:00:00Z","language":"en","events":[],"x":NaN}',
	'{"id":"c-tab","created_at":"2026-10-05T21:00:00Z","language":"en","subject":"a\tb","events":[]}',
	'{"i\\u0064":"c-esc","created_at":"2026-10-05T21:00:00Z","language":"en","events":[]}',
	'{"id":"c-sur","created_at":"2026-10-05T21:00:00Z","language":"en","subject":"\\ud83c","events":[]}',
	'{"id":"c-kb-like","title":"Refunds","body":"How refunds work"}',
	'\uFEFF{"id":"c-bom","created_at":"2026-10-05T21:00:00Z","language":"en","events":[]}'
];

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
		withWarehouse(path.join(dir, `run-${run}-${mode}.duckdb`), async (w) => {
			const summary = await importFiles(w, files, options(mode));
			const again = await importFiles(w, files, options(mode));
			return { summary, again, ...(await tables(w)) };
		});
	// The fast path really ran: DuckDB read each file (it falls back to line by line when it cannot).
	const fastLines = await withWarehouse(path.join(dir, `run-${run}-probe.duckdb`), (w) =>
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

describe('the canonical fast path', () => {
	it('loads and quarantines exactly what the line-by-line path does', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(lineArb, { minLength: 20, maxLength: 60 }), async (items) => {
				const { fast, zod, sliced } = await importBoth(items.map(render));
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
				// the re-import), and quarantine rows name the whole file's lines. Counts differ: a copy superseded in a
				// later slice counts as updated, not skipped, and on re-import two copies with the same updated_at in
				// different slices replace each other again (updated, same end state), so only loaded is 0 then.
				expect(sliced.conversations).toEqual(zod.conversations);
				expect(sliced.events).toEqual(zod.events);
				expect(sliced.quarantine).toEqual(zod.quarantine);
				expect(sliced.facts).toEqual(zod.facts);
				expect(sliced.summary.quarantined).toBe(zod.summary.quarantined);
				expect(sliced.summary.loaded + sliced.summary.updated).toBeGreaterThanOrEqual(zod.summary.loaded + zod.summary.updated);
				expect(sliced.again).toMatchObject({ loaded: 0, quarantined: zod.again.quarantined });
			}),
			{ numRuns: 12, endOnFailure: true }
		);
	}, 600_000);

	it('accepts in SQL only lines zod accepts, and most plain valid lines', async () => {
		const lines = [
			...Array.from({ length: 20 }, (_, n) => JSON.stringify(baseConversation(n, n % 2 === 0))),
			...EDITS.map((edit, i) => {
				const c = baseConversation(100 + i, false);
				edit(c);
				return JSON.stringify(c);
			}),
			...RAW_LINES
		];
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
