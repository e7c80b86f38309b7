// Staging in worker threads must load exactly what staging in the importing thread loads:
// the same rows, content hashes, duplicates resolution and quarantine reasons.
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importRecords } from '../../src/lib/server/ingest';
import { canonicalAdapter } from '../../src/lib/server/ingest/adapters/canonical';
import { WorkerStager } from '../../src/lib/server/ingest/parallel/WorkerStager';
import { withWarehouse } from '../../src/lib/server/warehouse';
import { makeTempDir, writeJsonl } from '../helpers/tempDir';

const { dir, cleanup } = makeTempDir();
afterAll(cleanup);

function conversation(i: number, updatedMinute = 0) {
	const at = (m: number) => new Date(Date.UTC(2026, 9, 5, 8, m + (i % 600))).toISOString();
	return {
		id: `c${i % 1500}`, // every id appears twice: the later/newer copy must win
		created_at: at(0),
		updated_at: at(10 + updatedMinute),
		channel: i % 2 ? 'chat' : 'email',
		customer: { id: `cust-${i % 97}` },
		events: [
			{ id: 'e1', at: at(1), type: 'message', author: 'customer', body: `question ${i}` },
			{ id: 'e2', at: at(2), type: 'message', author: 'ai', body: `answer ${i}`, answer_type: 'answered', confidence: (i % 10) / 10 },
			{ id: 'e3', at: at(3), type: 'status', status: 'solved' }
		]
	};
}

describe('WorkerStager', () => {
	it('stages a mixed file exactly as the importing thread does', async () => {
		const lines: (object | string)[] = [];
		for (let i = 0; i < 3000; i++) {
			if (i % 250 === 0) lines.push('{"id": "broken", ');
			if (i % 400 === 0) lines.push({ ...conversation(i), created_at: '2026-02-30T00:00:00Z' });
			lines.push(conversation(i, i >= 1500 ? 5 : 0));
		}
		lines.push({ id: 'kb-1', title: 'Refunds', body: 'How refunds work' });
		const file = writeJsonl(path.join(dir, 'mixed.jsonl'), lines);

		const snapshot = (db: string) =>
			withWarehouse(db, async (w) => ({
				conversations: await w.db.all('SELECT id, updated_at, content_hash FROM conversations ORDER BY id'),
				events: await w.db.all('SELECT count(*) AS n, count(DISTINCT conversation_id) AS c FROM events'),
				kb: await w.db.all('SELECT id, content_hash FROM kb_articles'),
				quarantine: await w.db.all('SELECT line, reason FROM quarantine ORDER BY line')
			}));
		const read = () => canonicalAdapter.read([file], { aiAuthors: [], onBytes: () => {} });

		const inlineDb = path.join(dir, 'inline.duckdb');
		const inline = await withWarehouse(inlineDb, (w) => importRecords(w, read()));
		const stager = WorkerStager.start(2);
		const parallelDb = path.join(dir, 'parallel.duckdb');
		const parallel = await withWarehouse(parallelDb, (w) => importRecords(w, read(), { stager }));

		expect(inline).toMatchObject({ loaded: 1500, kb_loaded: 1, quarantined: 12 + 8, skipped_older: 1500 });
		expect({ ...parallel, runId: 0 }).toEqual({ ...inline, runId: 0 });
		const [a, b] = [await snapshot(inlineDb), await snapshot(parallelDb)];
		expect(b).toEqual(a);
		expect(a.conversations).toHaveLength(1500);
	});
});
