// The rules grader end to end: CLI contract, stored grades, the cache, qualified hand-offs in
// the KPI facts, and that an import's refresh keeps (or correctly invalidates) them.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importConversations } from '../../src/lib/server/ingest';
import { Warehouse } from '../../src/lib/server/warehouse';
import { runCli } from '../helpers/runCli';
import { makeTempDir } from '../helpers/tempDir';
import { gradingConversations, KB } from './gradingFixtures';

const { dir, cleanup } = makeTempDir();
const db = path.join(dir, 'grading.duckdb');
afterAll(cleanup);

async function withDb<T>(fn: (w: Warehouse) => Promise<T>): Promise<T> {
	const w = await Warehouse.open(db);
	try {
		return await fn(w);
	} finally {
		w.close();
	}
}

const qualified = () =>
	withDb((w) => w.db.all<{ id: string; handoffs: number; handoffs_qualified: number | null }>('SELECT id, handoffs, handoffs_qualified FROM conversation_facts ORDER BY id'));

beforeAll(async () => {
	await withDb((w) => importConversations(w, gradingConversations(), { kbArticles: KB }));
});

describe('grade --grader rules', () => {
	let first: { graded: number; cached: number; errors: number; items: { conversation_id: string; event_id: string; kind: string; score: number | null; criteria: Record<string, { verdict: string; reason: string }> }[] };

	it('grades every draft, AI reply and hand-off and prints the JSON contract', () => {
		const result = runCli(['grade', '--db', db, '--json']);
		expect(result.code).toBe(0);
		first = JSON.parse(result.stdout);
		expect(Object.keys(first)).toEqual(['graded', 'cached', 'errors', 'items']);
		expect(first).toMatchObject({ graded: 5, cached: 0, errors: 0 });
		for (const item of first.items) expect(Object.keys(item)).toEqual(['conversation_id', 'event_id', 'kind', 'score', 'criteria']);
		expect(result.stderr).toMatch(/graded 5\/5/);
	});

	it('gives the verdicts the fixtures call for', () => {
		const byId = Object.fromEntries(first.items.map((i) => [i.conversation_id, i]));
		expect(byId['good-draft']).toMatchObject({ kind: 'draft', score: 100 });
		expect(byId['good-draft'].criteria.tone_fit.verdict).toBe('n/a');
		expect(byId['refund-draft'].criteria.no_unauthorized_commitment.verdict).toBe('fail');
		expect(byId['refund-draft'].score).toBe(0);
		expect(byId['card-reply']).toMatchObject({ kind: 'reply', score: 0 });
		expect(byId['card-reply'].criteria.no_personal_data.reason).toMatch(/card/);
		expect(byId['good-handoff']).toMatchObject({ kind: 'handoff', score: 100 });
		expect(byId['vague-handoff'].criteria.right_queue).toMatchObject({ verdict: 'fail' });
		expect(byId['vague-handoff'].criteria.customer_informed.verdict).toBe('fail');
	});

	it('stores rows that follow the grade schema', async () => {
		const rows = await withDb((w) => w.db.all<Record<string, unknown>>('SELECT * FROM grades ORDER BY conversation_id'));
		expect(rows).toHaveLength(5);
		expect(rows[0]).toMatchObject({ grader: 'rules', model: null, error: null });
		expect(rows[0].input_hash).toMatch(/^[0-9a-f]{32}$/);
		expect(rows[0].rubric_version).toBeTruthy();
	});

	it('a second run grades nothing: everything comes from the cache', () => {
		const again = JSON.parse(runCli(['grade', '--db', db, '--json']).stdout);
		expect(again).toEqual({ graded: 0, cached: 5, errors: 0, items: [] });
	});

	it('fills handoffs_qualified so qualified_handoff_rate works', async () => {
		const rows = await qualified();
		expect(rows.find((r) => r.id === 'good-handoff')).toMatchObject({ handoffs: 1, handoffs_qualified: 1 });
		expect(rows.find((r) => r.id === 'vague-handoff')).toMatchObject({ handoffs: 1, handoffs_qualified: 0 });
		const kpis = JSON.parse(runCli(['kpis', '--db', db, '--json']).stdout);
		const all = kpis.rows?.[0] ?? kpis;
		expect(all.qualified_handoff_rate).toBe(0.5);
	});

	it('an import that leaves a conversation unchanged keeps its count; one that changes the note drops it until re-graded', async () => {
		await withDb((w) => importConversations(w, gradingConversations(), { kbArticles: KB }));
		expect((await qualified()).find((r) => r.id === 'good-handoff')?.handoffs_qualified).toBe(1);
		const changed = gradingConversations().map((c) =>
			c.id === 'vague-handoff'
				? { ...c, updated_at: new Date(Date.UTC(2026, 9, 6)).toISOString(), events: c.events.map((e) => (e.type === 'handoff' ? { ...e, note: 'still vague' } : e)) }
				: c
		);
		await withDb((w) => importConversations(w, changed, { kbArticles: KB }));
		const rows = await qualified();
		expect(rows.find((r) => r.id === 'vague-handoff')?.handoffs_qualified).toBeNull();
		expect(rows.find((r) => r.id === 'good-handoff')?.handoffs_qualified).toBe(1);
		// Re-grading picks up only the changed hand-off and fills the count again.
		const regrade = JSON.parse(runCli(['grade', '--db', db, '--json']).stdout);
		expect(regrade).toMatchObject({ graded: 1, cached: 4 });
		expect((await qualified()).find((r) => r.id === 'vague-handoff')?.handoffs_qualified).toBe(0);
	});
});

describe('grade: usage errors are one line', () => {
	it.each([
		[['--grader', 'magic'], /unknown --grader "magic"/],
		[['--since', '2026-13-40'], /--since must be a day/],
		[['--budget', 'lots'], /--budget must be an amount/],
		[['--limit', 'ten'], /--limit must be a whole number/]
	])('%s', (args, pattern) => {
		const result = runCli(['grade', '--db', db, ...args]);
		expect(result.code).toBe(1);
		expect(result.stderr.trim().split('\n')[0]).toMatch(pattern);
	});

	it('the llm grader without an endpoint says what to set', () => {
		const result = runCli(['grade', '--db', db, '--grader', 'llm'], { OPENAI_BASE_URL: '', OPENAI_API_KEY: '' });
		expect(result.code).toBe(1);
		expect(result.stderr.trim()).toMatch(/^supportlens: the llm grader needs an endpoint: set OPENAI_BASE_URL/);
	});
});
