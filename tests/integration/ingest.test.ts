// The import pipeline on a real DuckDB file: upserts keyed by (source, id), quarantine of
// every kind of broken record, round trips, and a crash mid-import.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationSchema } from '../../src/lib/schema';
import { UnknownFormatError, UnreadableFileError } from '../../src/lib/server/errors';
import { importConversations, importFiles } from '../../src/lib/server/ingest';
import { readConversation } from '../../src/lib/server/conversations/readConversation';
import { warehouseStats, withWarehouse } from '../../src/lib/server/warehouse';
import { makeTempDir, writeJsonl } from '../helpers/tempDir';
import { crashBeforeCommitEnv } from '../helpers/crashBeforeCommit';
import { runCli } from '../helpers/runCli';

const { dir, cleanup } = makeTempDir();
afterAll(cleanup);

const at = (minute: number) => `2026-10-05T21:${String(minute).padStart(2, '0')}:00Z`;
type Loose = Record<string, unknown>;
function conversation(id: string, extra: Loose = {}): Loose & { events: Loose[] } {
	return {
		id,
		created_at: at(0),
		channel: 'chat',
		customer: { id: `cust-${id}`, tier: 'vip' },
		events: [
			{ id: `${id}-1`, at: at(1), type: 'message', author: 'customer', body: 'I was charged twice for my subscription this month' },
			{ id: `${id}-2`, at: at(2), type: 'message', author: 'ai', body: 'Let me check that.', answer_type: 'fallback', confidence: 0.2 },
			{ id: `${id}-3`, at: at(3), type: 'handoff', author: 'ai', to_queue: 'billing', note: 'Goal: refund' },
			{ id: `${id}-4`, at: at(4), type: 'status', status: 'solved' }
		],
		...extra
	};
}

describe('importFiles (canonical JSON Lines)', () => {
	const db = path.join(dir, 'wh.duckdb');
	let file: string;
	beforeAll(() => {
		file = writeJsonl(path.join(dir, 'mixed.jsonl'), [
			conversation('c1'),
			'{"id": "c-broken", "created_at": ', // bad JSON
			conversation('c2'),
			{ ...conversation('c3'), created_at: '2026-02-30T10:00:00Z' }, // impossible date
			{ ...conversation('c4'), id: undefined }, // missing id
			{ ...conversation('c5'), channel: 42 }, // wrong type
			{ ...conversation('c6'), events: [{ id: 'x', at: at(1), type: 'telepathy' }] }, // unknown event type
			'[1, 2, 3]', // not an object
			{ id: 'kb-1', title: 'Refunds', body: 'How refunds work' },
			conversation('c7')
		]);
		// A line of invalid UTF-8 bytes between two valid lines.
		fs.appendFileSync(file, Buffer.concat([Buffer.from('{"id": "c8", "subject": "'), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n')]));
		fs.appendFileSync(file, JSON.stringify(conversation('c9')) + '\n');
	});

	it('loads every valid record and quarantines each broken one with its line and reason', async () => {
		const summary = await withWarehouse(db, (w) => importFiles(w, [file]));
		expect(summary).toMatchObject({ loaded: 4, updated: 0, unchanged: 0, kb_loaded: 1, quarantined: 7 });
		const rows = await withWarehouse(db, (w) =>
			w.db.all<{ line: number; reason: string }>('SELECT line, reason FROM quarantine ORDER BY line')
		);
		expect(rows.map((r) => r.line)).toEqual([2, 4, 5, 6, 7, 8, 11]);
		const reasons = Object.fromEntries(rows.map((r) => [r.line, r.reason]));
		expect(reasons[2]).toMatch(/^bad JSON/);
		expect(reasons[4]).toMatch(/^created_at: not a valid ISO 8601 timestamp/);
		expect(reasons[5]).toMatch(/^id:/);
		expect(reasons[6]).toMatch(/^channel:/);
		expect(reasons[7]).toMatch(/^events\.0\.type:/);
		expect(reasons[8]).toBe('expected a JSON object');
		expect(reasons[11]).toBe('invalid UTF-8');
		const files = await withWarehouse(db, (w) => w.db.all<{ file: string }>('SELECT DISTINCT file FROM quarantine'));
		expect(files.map((f) => f.file)).toEqual([
			path.relative(process.cwd(), file).startsWith('..') ? file : path.relative(process.cwd(), file)
		]);
	});

	it('changes no count when the same file is imported again', async () => {
		const before = await withWarehouse(db, (w) => warehouseStats(w.db));
		const summary = await withWarehouse(db, (w) => importFiles(w, [file]));
		expect(summary).toMatchObject({ loaded: 0, updated: 0, unchanged: 4, kb_loaded: 0, kb_unchanged: 1 });
		expect(await withWarehouse(db, (w) => warehouseStats(w.db))).toEqual(before);
		expect(before).toEqual({ conversations: 4, events: 16, kb_articles: 1, quarantined: 7 });
	});

	it('replaces a conversation with a newer copy and ignores an older one', async () => {
		const newer = writeJsonl(path.join(dir, 'newer.jsonl'), [
			{ ...conversation('c1'), updated_at: at(30), subject: 'newer', events: conversation('c1').events.slice(0, 2) }
		]);
		expect(await withWarehouse(db, (w) => importFiles(w, [newer]))).toMatchObject({ loaded: 0, updated: 1 });
		const older = writeJsonl(path.join(dir, 'older.jsonl'), [{ ...conversation('c1'), updated_at: at(10), subject: 'older' }]);
		expect(await withWarehouse(db, (w) => importFiles(w, [older]))).toMatchObject({ updated: 0, skipped_older: 1 });
		const stored = await withWarehouse(db, (w) => readConversation(w.db, 'canonical', 'c1'));
		expect(stored?.subject).toBe('newer');
		expect(stored?.events).toHaveLength(2);
		expect(await withWarehouse(db, (w) => warehouseStats(w.db))).toMatchObject({ conversations: 4, events: 14 });
	});

	it('keeps the newest of several copies inside one file', async () => {
		const dupes = writeJsonl(path.join(dir, 'dupes.jsonl'), [
			{ ...conversation('d1'), updated_at: at(20), subject: 'newest' },
			{ ...conversation('d1'), updated_at: at(5), subject: 'old' }
		]);
		expect(await withWarehouse(db, (w) => importFiles(w, [dupes]))).toMatchObject({ loaded: 1, skipped_older: 1 });
		expect((await withWarehouse(db, (w) => readConversation(w.db, 'canonical', 'd1')))?.subject).toBe('newest');
	});

	it('stops on an unreadable path or an unknown format, before touching the warehouse', async () => {
		await expect(withWarehouse(db, (w) => importFiles(w, [path.join(dir, 'missing.jsonl')]))).rejects.toThrow(UnreadableFileError);
		const text = path.join(dir, 'notes.txt');
		fs.writeFileSync(text, 'just some notes\nnothing to import\n');
		await expect(withWarehouse(db, (w) => importFiles(w, [text]))).rejects.toThrow(UnknownFormatError);
	});
});

describe('round trip', () => {
	it('reads back exactly the canonical conversation that was imported', async () => {
		const db = path.join(dir, 'roundtrip.duckdb');
		const input = conversation('r1', {
			source: 'zendesk',
			updated_at: at(9),
			subject: 'Charged twice',
			language: 'en',
			intent: 'billing',
			priority: 'high',
			tags: ['renewal', 'vip'],
			customer: { id: 'cust-77', tier: 'vip', plan: 'pro' },
			csat: { score: 2, scale: 5, comment: 'slow' }
		});
		input.events.push(
			{ id: 'r1-5', at: at(5), type: 'assignment', queue: 'billing', agent_id: 'a-3' },
			{
				id: 'r1-6',
				at: at(6),
				type: 'draft',
				author: 'ai',
				agent_id: 'a-3',
				body: 'draft',
				final_body: 'final',
				review: 'edited',
				kb_article_ids: ['kb-1']
			},
			{ id: 'r1-7', at: at(7), type: 'note', author: 'agent', body: 'internal' }
		);
		await withWarehouse(db, (w) => importConversations(w, [input]));
		const stored = await withWarehouse(db, (w) => readConversation(w.db, 'zendesk', 'r1'));
		expect(stored).toEqual(conversationSchema.parse(input));
		expect(await withWarehouse(db, (w) => readConversation(w.db, 'zendesk', 'nope'))).toBeNull();
	});

	it('detects the language when the source gives none', async () => {
		const db = path.join(dir, 'lang.duckdb');
		const german = conversation('g1');
		german.events[0] = { ...german.events[0], body: 'Ich wurde diesen Monat zweimal für mein Abonnement belastet' };
		await withWarehouse(db, (w) => importConversations(w, [german]));
		const stored = await withWarehouse(db, (w) => readConversation(w.db, 'canonical', 'g1'));
		expect(stored).toMatchObject({ language: 'de', language_detected: true });
	});
});

describe('crash mid-import', () => {
	it('leaves no partial import behind when the process is killed before COMMIT', async () => {
		const db = path.join(dir, 'crash.duckdb');
		const first = writeJsonl(path.join(dir, 'first.jsonl'), [conversation('k1'), conversation('k2')]);
		expect(runCli(['ingest', first, '--db', db]).code).toBe(0);
		const second = writeJsonl(path.join(dir, 'second.jsonl'), [
			...Array.from({ length: 500 }, (_, i) => conversation(`big-${i}`)),
			{ ...conversation('k1'), updated_at: at(50), subject: 'changed' }
		]);
		const crashed = runCli(['ingest', second, '--db', db], crashBeforeCommitEnv());
		// Killed by the signal (a launcher such as tsx's would report it as exit code 128 + 9).
		expect(crashed.signal === 'SIGKILL' || crashed.code === 137).toBe(true);
		expect(crashed.stderr).toContain('writing to the warehouse');
		const stats = await withWarehouse(db, (w) => warehouseStats(w.db));
		expect(stats).toEqual({ conversations: 2, events: 8, kb_articles: 0, quarantined: 0 });
		// The cut-short run was recorded when it started and stays in the history.
		const runs = () =>
			withWarehouse(db, (w) =>
				w.db.all<{ id: number; status: string; error: string | null }>('SELECT id, status, error FROM import_runs ORDER BY id')
			);
		expect((await runs()).map((r) => r.status)).toEqual(['done', 'running']);
		expect((await withWarehouse(db, (w) => readConversation(w.db, 'canonical', 'k1')))?.subject).toBeUndefined();
		// And the same import then goes through; the next import marks the leftover failed, with why.
		expect(runCli(['ingest', second, '--db', db]).code).toBe(0);
		expect(await withWarehouse(db, (w) => warehouseStats(w.db))).toMatchObject({ conversations: 502 });
		const after = await runs();
		expect(after.map((r) => r.status)).toEqual(['done', 'failed', 'done']);
		expect(after[1].error).toMatch(/stopped before it finished; nothing from it was saved/);
	});
});
