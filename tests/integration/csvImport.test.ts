// The CSV adapter end to end: its fixtures imported through importFiles into a real DuckDB
// file, quarantined rows with line numbers, idempotent re-import, replacement by a newer copy,
// and the `--map` flag through the real command line.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/lib/server/ingest';
import { readConversation } from '../../src/lib/server/conversations/readConversation';
import { warehouseStats, withWarehouse } from '../../src/lib/server/warehouse';
import { runCli } from '../helpers/runCli';
import { makeTempDir } from '../helpers/tempDir';

const FIXTURES = path.resolve(import.meta.dirname, '../../src/lib/server/ingest/adapters/csv/fixtures');
const { dir, cleanup } = makeTempDir();
afterAll(cleanup);

describe('importing CSV exports', () => {
	const db = path.join(dir, 'csv.duckdb');
	const folder = path.join(dir, 'export');
	fs.cpSync(FIXTURES, folder, { recursive: true });

	it('loads per-event and per-conversation files and quarantines bad rows with their lines', async () => {
		const summary = await withWarehouse(db, (w) => importFiles(w, [folder], { origin: 'test' }));
		expect(summary.formats).toEqual(['csv']);
		// bad_messages: b-1, b-2; conversations: q-1..3; messages: c-1042, c-1043. mapped.csv has no id column without --map.
		expect(summary).toMatchObject({ loaded: 7, updated: 0, unchanged: 0, quarantined: 9 });
		const rows = await withWarehouse(db, (w) =>
			w.db.all<{ file: string; line: number; reason: string }>('SELECT file, line, reason FROM quarantine ORDER BY file, line')
		);
		expect(rows.map((r) => `${path.basename(r.file)}:${r.line} ${r.reason}`)).toEqual([
			'bad_messages.csv:3 event_at is not a valid timestamp: "2026-02-30T09:00:00Z"',
			'bad_messages.csv:4 confidence is not a number: "high"',
			'bad_messages.csv:5 unknown event_type "telepathy"; expected one of message, handoff, assignment, draft, note, status',
			'bad_messages.csv:6 conversation_id is empty',
			'bad_messages.csv:7 author: Invalid option: expected one of "customer"|"ai"|"agent"',
			'bad_messages.csv:9 expected 33 columns as in the header, found 4',
			'bad_messages.csv:10 invalid UTF-8',
			'bad_messages.csv:12 a quoted field opened here is never closed (the rest of the file is inside it)',
			'mapped.csv:1 no conversation id column (conversation_id or id) in the header; name it with --map conversation_id=<Header>'
		]);
		const c = await withWarehouse(db, (w) => readConversation(w.db, 'csv', 'c-1042'));
		expect(c?.events.map((e) => e.type)).toEqual(['message', 'message', 'handoff', 'assignment', 'draft', 'note', 'status', 'status']);
		expect(await withWarehouse(db, (w) => warehouseStats(w.db))).toEqual({ conversations: 7, events: 24, kb_articles: 0, quarantined: 9 });
	});

	it('changes nothing when the same files are imported again', async () => {
		const before = await withWarehouse(db, (w) => warehouseStats(w.db));
		expect(await withWarehouse(db, (w) => importFiles(w, [folder], { origin: 'test' }))).toMatchObject({
			loaded: 0,
			updated: 0,
			unchanged: 7
		});
		expect(await withWarehouse(db, (w) => warehouseStats(w.db))).toEqual(before);
	});

	it('replaces a conversation with a copy whose updated_at is newer, and keeps it against the older one', async () => {
		const text = fs.readFileSync(path.join(FIXTURES, 'conversations.csv'), 'utf8').split(/\r?\n/);
		const newer = path.join(dir, 'newer.csv');
		fs.writeFileSync(
			newer,
			[text[0], text[1].replace('2026-10-07 12:00:00', '2026-10-07 13:00:00').replace('Reset password', 'Password reset')].join('\n') + '\n'
		);
		expect(await withWarehouse(db, (w) => importFiles(w, [newer], { origin: 'test' }))).toMatchObject({ loaded: 0, updated: 1 });
		expect((await withWarehouse(db, (w) => readConversation(w.db, 'csv', 'q-1')))?.subject).toBe('Password reset');
		const again = await withWarehouse(db, (w) => importFiles(w, [path.join(FIXTURES, 'conversations.csv')], { origin: 'test' }));
		expect(again).toMatchObject({ updated: 0, skipped_older: 1, unchanged: 2 });
	});

	it('reads custom headers with --map on the command line, and names an unknown field', () => {
		const cliDb = path.join(dir, 'cli.duckdb');
		const file = path.join(FIXTURES, 'mapped.csv');
		const maps = ['conversation_id=Ticket', 'conversation_created_at=Opened', 'event_at=When', 'author=Sender', 'body=Text'].flatMap(
			(m) => ['--map', m]
		);
		const ok = runCli(['ingest', file, '--db', cliDb, '--json', ...maps]);
		expect(ok.code).toBe(0);
		expect(JSON.parse(ok.stdout)).toMatchObject({ loaded: 1, quarantined: 0, formats: ['csv'] });
		const bad = runCli(['ingest', file, '--db', cliDb, '--map', 'ticket=Ticket']);
		expect(bad.code).toBe(1);
		expect(bad.stderr.trim().split('\n').at(-1)).toMatch(
			/^supportlens: --map ticket=Ticket: unknown field "ticket"; known fields: conversation_id, /
		);
	});
});
