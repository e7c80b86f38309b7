// The Intercom adapter end to end: its fixtures imported through importFiles into a real DuckDB
// file, auto-detected in a folder beside other formats' files, quarantined with line numbers,
// idempotent on re-import, replaced by a newer copy.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importFiles } from '../../src/lib/server/ingest';
import { readConversation } from '../../src/lib/server/conversations/readConversation';
import { warehouseStats, withWarehouse } from '../../src/lib/server/warehouse';
import { makeTempDir } from '../helpers/tempDir';

const FIXTURES = path.resolve(import.meta.dirname, '../../src/lib/server/ingest/adapters/intercom/fixtures');
const { dir, cleanup } = makeTempDir();
afterAll(cleanup);

describe('importing Intercom exports', () => {
	const db = path.join(dir, 'intercom.duckdb');
	const folder = path.join(dir, 'export');
	// The airbyte/ subfolder has its own test (kpiVendors): this one is about the REST API's files.
	fs.cpSync(FIXTURES, folder, { recursive: true, filter: (src) => path.basename(src) !== 'airbyte' });

	it('detects every fixture as Intercom, loads the valid conversations and quarantines the broken records', async () => {
		const summary = await withWarehouse(db, (w) => importFiles(w, [folder], { aiAuthors: ['assistant@acme.test'], origin: 'test' }));
		expect(summary.formats).toEqual(['intercom']);
		expect(summary.skipped_files).toEqual([]);
		expect(summary).toMatchObject({ loaded: 10, updated: 0, unchanged: 0, quarantined: 10 }); // line 8 of bad_conversations is a contact: passed over
		const stats = await withWarehouse(db, (w) => warehouseStats(w.db));
		expect(stats).toMatchObject({ conversations: 10, quarantined: 10 });
		const rows = await withWarehouse(db, (w) =>
			w.db.all<{ file: string; line: number; record: string | null; reason: string }>(
				'SELECT file, line, record, reason FROM quarantine ORDER BY file, line'
			)
		);
		const got = rows.map((r) => `${path.basename(r.file)}:${r.line} ${r.reason}`);
		expect(got).toEqual([
			'bad_conversations.jsonl:2 bad JSON: Unexpected end of JSON input (fix or remove this line; the rest of the file loads)',
			'bad_conversations.jsonl:3 conversation: id: missing or empty id',
			'bad_conversations.jsonl:4 conversation 3004: created_at is not a valid timestamp: "2026-02-30T10:00:00Z"',
			'bad_conversations.jsonl:5 invalid UTF-8',
			'bad_conversations.jsonl:6 conversation 3006: part 3006-1: unknown part_type "telepathy"',
			'bad_conversations.jsonl:7 conversation 3007: conversation_parts[0]: part_type: a part without a part_type',
			'bad_conversations.jsonl:9 conversation 3009: created_at is not a valid timestamp: -5',
			expect.stringMatching(/^bad_list\.json:92 bad JSON: Unexpected token/),
			expect.stringMatching(/^truncated_list\.json:92 bad JSON: Unexpected token/),
			'truncated_list.json:98 the file ends inside conversations[2] (an unterminated string or unbalanced brackets)'
		]);
		expect(rows.at(-1)?.record).toBe('conversations[2]');

		const handedOff = await withWarehouse(db, (w) => readConversation(w.db, 'intercom', '1002'));
		expect(handedOff?.events.find((e) => e.type === 'handoff')).toMatchObject({ to_queue: 'Billing', reason: 'routed_to_team' });
		expect(handedOff?.events.filter((e) => e.type === 'status').map((e) => 'status' in e && e.status)).toEqual([
			'solved',
			'open',
			'solved'
		]);
	});

	it('changes nothing when the same export is imported again', async () => {
		const before = await withWarehouse(db, (w) => warehouseStats(w.db));
		const summary = await withWarehouse(db, (w) => importFiles(w, [folder], { aiAuthors: ['assistant@acme.test'], origin: 'test' }));
		expect(summary).toMatchObject({ loaded: 0, updated: 0, unchanged: 10 });
		const after = await withWarehouse(db, (w) => warehouseStats(w.db));
		// Quarantine keeps one row per broken record, however often it is seen.
		expect(after).toEqual(before);
	});

	it('replaces a conversation with a copy whose updated_at is newer', async () => {
		const line = fs.readFileSync(path.join(FIXTURES, 'conversations.jsonl'), 'utf8').split('\n')[0];
		const copy = JSON.parse(line);
		copy.updated_at += 3600;
		copy.title = 'Card update (edited)';
		copy.conversation_parts.conversation_parts.pop(); // the close part, say, was later removed
		const file = path.join(dir, 'newer.jsonl');
		fs.writeFileSync(file, JSON.stringify(copy) + '\n');
		expect(await withWarehouse(db, (w) => importFiles(w, [file], { origin: 'test' }))).toMatchObject({ loaded: 0, updated: 1 });
		const stored = await withWarehouse(db, (w) => readConversation(w.db, 'intercom', '1001'));
		expect(stored?.subject).toBe('Card update (edited)');
		expect(stored?.events.map((e) => e.id)).toEqual(['source-403918301', '9001', '9002']);
		// The original, older copy no longer replaces it.
		const original = ['conversations.jsonl', 'teams.json'].map((f) => path.join(FIXTURES, f));
		const again = await withWarehouse(db, (w) => importFiles(w, original, { aiAuthors: ['assistant@acme.test'], origin: 'test' }));
		expect(again).toMatchObject({ loaded: 0, updated: 0, unchanged: 3, skipped_older: 1 });
	});
});
