// The rules grader end to end: CLI contract, stored grades, the cache, qualified hand-offs in
// the KPI facts, and that an import's refresh keeps (or correctly invalidates) them.
import fs from 'node:fs';
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
	withDb((w) =>
		w.db.all<{ id: string; handoffs: number; handoffs_qualified: number | null }>(
			'SELECT id, handoffs, handoffs_qualified FROM conversation_facts ORDER BY id'
		)
	);

beforeAll(async () => {
	await withDb((w) => importConversations(w, gradingConversations(), { kbArticles: KB }));
});

describe('grade --grader rules', () => {
	let first: {
		graded: number;
		cached: number;
		errors: number;
		items: {
			conversation_id: string;
			event_id: string;
			kind: string;
			score: number | null;
			criteria: Record<string, { verdict: string; reason: string }>;
		}[];
	};

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
				? {
						...c,
						updated_at: new Date(Date.UTC(2026, 9, 6)).toISOString(),
						events: c.events.map((e) => (e.type === 'handoff' ? { ...e, note: 'still vague' } : e))
					}
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

describe('agreement', () => {
	const edited = {
		id: 'edited-draft',
		channel: 'email',
		language: 'en',
		created_at: '2026-10-05T11:00:00.000Z',
		events: [
			{
				id: 'e1',
				at: '2026-10-05T11:00:00.000Z',
				type: 'message',
				author: 'customer',
				body: 'Where can I download my invoices for last year?'
			},
			{
				id: 'e2',
				at: '2026-10-05T11:05:00.000Z',
				type: 'draft',
				author: 'ai',
				review: 'edited',
				body: 'Hi Leo,\n\nYou can download every invoice as a PDF under Settings > Billing > Invoices. If one is missing, just reply to this message.\n\nBest, Sam',
				final_body: 'Hello Leo, our finance team will email the complete set of last year’s PDFs to you today. Regards, Sam'
			}
		]
	};

	it('compares draft grades with human reviews: sent as is good, heavy edit or rejection bad', async () => {
		await withDb((w) => importConversations(w, [edited]));
		expect(runCli(['grade', '--db', db]).code).toBe(0);
		const result = runCli(['agreement', '--db', db, '--json']);
		expect(result.code).toBe(0);
		const report = JSON.parse(result.stdout);
		// good-draft: sent as is, graded good (tn); refund-draft: rejected, graded bad (tp);
		// edited-draft: rewritten (magnitude > 0.3) yet graded good (fn).
		expect(report).toMatchObject({
			grader: 'rules',
			n: 3,
			confusion: { tp: 1, fp: 0, fn: 1, tn: 1 },
			agreement: 0.6667,
			kappa: 0.4,
			precision: 1,
			recall: 0.5
		});
	});

	it('the edit-magnitude threshold is a setting', () => {
		const report = JSON.parse(runCli(['agreement', '--db', db, '--edit-threshold', '0.99', '--json']).stdout);
		expect(report).toMatchObject({ edit_threshold: 0.99, n: 3, agreement: 1, kappa: 1 });
	});

	it('--manifest adds agreement with planted labels for drafts and hand-offs', () => {
		const manifest = path.join(dir, 'manifest.json');
		fs.writeFileSync(
			manifest,
			JSON.stringify({
				drafts: [
					{ source: 'canonical', conversation_id: 'good-draft', event_id: 'e3', label: 'good', criteria: [] },
					{ source: 'canonical', conversation_id: 'refund-draft', event_id: 'e2', label: 'bad', criteria: ['no_unauthorised_commitment'] }
				],
				handoffs: [
					{ source: 'canonical', conversation_id: 'good-handoff', event_id: 'e2', label: 'good', criteria: [] },
					{
						source: 'canonical',
						conversation_id: 'vague-handoff',
						event_id: 'e2',
						label: 'bad',
						criteria: ['complete_note', 'right_queue']
					}
				]
			})
		);
		const report = JSON.parse(runCli(['agreement', '--db', db, '--manifest', manifest, '--json']).stdout);
		expect(report.planted.drafts).toMatchObject({ n: 2, agreement: 1 });
		expect(report.planted.handoffs).toMatchObject({ n: 2, agreement: 1, recall: 1 });
		expect(report.planted.caught_by_planted_criterion.right_queue).toEqual({ n: 1, caught: 1 });
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

describe('grade --since and --limit', () => {
	it('--since skips older conversations and --limit grades only that many new items, the rest on the next run', async () => {
		const file = path.join(dir, 'since.duckdb');
		const w = await Warehouse.open(file);
		try {
			const base = gradingConversations()[0];
			const later = {
				...base,
				id: 'later',
				created_at: '2026-10-07T09:00:00.000Z',
				events: base.events.map((e) => ({ ...e, at: '2026-10-07T09:00:00.000Z' }))
			};
			await importConversations(w, [...gradingConversations(), later], { kbArticles: KB });
		} finally {
			w.close();
		}
		const since = JSON.parse(runCli(['grade', '--db', file, '--since', '2026-10-06', '--json']).stdout);
		expect(since).toMatchObject({ graded: 1, cached: 0 });
		expect(since.items.map((i: { conversation_id: string }) => i.conversation_id)).toEqual(['later']);
		const limited = JSON.parse(runCli(['grade', '--db', file, '--limit', '2', '--json']).stdout);
		expect(limited).toMatchObject({ graded: 2, cached: 1 });
		const rest = JSON.parse(runCli(['grade', '--db', file, '--json']).stdout);
		expect(rest).toMatchObject({ graded: 3, cached: 3 });
	});
});
