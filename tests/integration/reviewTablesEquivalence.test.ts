// The review tables that read events narrowly (through conversation_facts) return exactly what
// the plain joins over every event returned: same rows, same order, same totals, every week of
// generated data plus conversations built for the cases the generator never makes (several
// light edits adding up past the threshold, an edit without a sent text, emoji, several
// hand-offs, a partial history that still has events).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../pipelines/generate/generateSample';
import { importConversations, importFiles } from '../../src/lib/server/ingest';
import { HEAVY_EDIT_MAGNITUDE, isoWeekOf, reviewTable } from '../../src/lib/server/review';
import { refreshReviewEvents } from '../../src/lib/server/review/refreshReviewEvents';
import { Warehouse } from '../../src/lib/server/warehouse';
import { referenceReviewRows } from '../helpers/review/referenceReviewTables';
import { makeTempDir } from '../helpers/tempDir';

const { dir, cleanup } = makeTempDir('supportlens-review-eq-');
let warehouse: Warehouse;
const EDGE_DAY = Date.UTC(2026, 10, 11, 9, 0); // a Wednesday in the generator's last week
const TABLES = ['reroutes', 'drafts', 'escalations'];

function conv(id: string, events: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
	return {
		id,
		channel: 'chat',
		created_at: new Date(EDGE_DAY).toISOString(),
		events: [
			{ type: 'message', author: 'customer', body: 'Help with my invoice' },
			{ type: 'message', author: 'ai', body: 'Sure.' },
			...events
		].map((e, i) => ({ id: `${id}-e${i}`, at: new Date(EDGE_DAY + (i + 1) * 60_000).toISOString(), ...e })),
		...extra
	};
}
const draft = (review: string, body: string, final_body?: string) => ({
	type: 'draft',
	author: 'ai',
	agent_id: 'a-1',
	body,
	final_body,
	review
});
const handoff = (to: string) => ({ type: 'handoff', author: 'ai', to_queue: to, reason: 'refund_request', note: 'Goal: refund' });
const assign = (queue: string) => ({ type: 'assignment', queue, agent_id: 'a-2' });

beforeAll(async () => {
	const out = path.join(dir, 'sample');
	await generateSample({ out, conversations: 1500, weeks: 4, seed: 5 });
	warehouse = await Warehouse.open(path.join(dir, 'review-eq.duckdb'));
	expect((await importFiles(warehouse, [out])).quarantined).toBe(0);
	await importConversations(warehouse, [
		// 0.2 + 0.2: the stored sum reaches the threshold, no single draft does
		conv('edge-two-light', [draft('edited', 'abcdefghij', 'abcdefghXY'), draft('edited', 'klmnopqrst', 'klmnopqrYZ')]),
		conv('edge-light-and-heavy', [draft('edited', 'abcdefghij', 'abcdefghiX'), draft('edited', 'abcdefghij', 'abcdeVWXYZ')]),
		conv('edge-no-final', [draft('edited', 'an edit nobody recorded the sent text of'), draft('rejected', 'No.')]),
		conv('edge-emoji', [draft('edited', '😀😀😀😀 Thanks, done', '🎉 Thanks, all done now')]),
		conv('edge-handoffs', [handoff('billing'), assign('billing'), handoff('tech'), assign('tech'), assign('billing')]),
		conv('edge-partial', [handoff('billing'), assign('tech'), assign('billing')], { history: 'partial' })
	]);
}, 180_000);
afterAll(() => {
	warehouse?.close();
	cleanup();
});

/** Rows of review_events that differ from what its view gives now (both ways). */
async function staleReviewEvents(): Promise<number> {
	const row = await warehouse.db.one<{ n: number }>(`SELECT count(*) AS n FROM (
		(SELECT * FROM review_event_rows EXCEPT ALL SELECT * FROM review_events)
		UNION ALL (SELECT * FROM review_events EXCEPT ALL SELECT * FROM review_event_rows))`);
	return row!.n;
}

async function expectSameAsReference() {
	const weeks = await warehouse.db.all<{ monday: Date }>('SELECT DISTINCT week AS monday FROM conversation_facts ORDER BY 1');
	expect(weeks.length).toBeGreaterThanOrEqual(4);
	const seen: Record<string, number> = {};
	for (const { monday } of weeks) {
		const week = isoWeekOf(monday);
		for (const key of TABLES) {
			const table = reviewTable(key)!;
			const expected = await referenceReviewRows(warehouse.db, key, week);
			const all = await table.load(warehouse.db, week, null);
			expect(all.rows, `${key} ${week.week}`).toEqual(expected);
			expect(all.total, `${key} ${week.week}`).toBe(expected.length);
			const page = await table.load(warehouse.db, week, 25);
			expect(page, `${key} ${week.week} page`).toEqual({ rows: expected.slice(0, 25), total: expected.length });
			seen[key] = (seen[key] ?? 0) + expected.length;
		}
	}
	for (const key of TABLES) expect(seen[key], key).toBeGreaterThan(25);
}

describe('review tables against the plain joins over every event', () => {
	it('the edge cases are there: a stored edit sum past the threshold with no heavy draft', async () => {
		const row = await warehouse.db.one<{ edit_magnitude_sum: number }>(
			`SELECT edit_magnitude_sum FROM conversation_facts WHERE id = 'edge-two-light'`
		);
		expect(row!.edit_magnitude_sum).toBeGreaterThanOrEqual(HEAVY_EDIT_MAGNITUDE);
		const drafts = await referenceReviewRows(warehouse.db, 'drafts', isoWeekOf(new Date(EDGE_DAY)));
		const ids = drafts.map((r) => r.id);
		expect(ids).toContain('edge-light-and-heavy');
		expect(ids).toContain('edge-emoji');
		expect(ids).toContain('edge-no-final');
		expect(ids).not.toContain('edge-two-light');
	});

	it('returns the same rows in the same order, and the same page and total, every week', async () => {
		expect(await staleReviewEvents()).toBe(0);
		await expectSameAsReference();
	});

	it('stays equal after a re-import moves a conversation to another week and changes its events', async () => {
		const before = await warehouse.db.one<{ n: number }>(`SELECT count(*) AS n FROM review_events WHERE conversation_id = 'edge-handoffs'`);
		expect(before!.n).toBe(5);
		const moved = conv('edge-handoffs', [handoff('tech'), assign('billing')], {
			created_at: new Date(EDGE_DAY - 7 * 86_400_000).toISOString(),
			updated_at: new Date(EDGE_DAY + 86_400_000).toISOString()
		});
		await importConversations(warehouse, [moved]);
		const after = await warehouse.db.all<{ week: Date; type: string }>(
			`SELECT week, type FROM review_events WHERE conversation_id = 'edge-handoffs' ORDER BY seq`
		);
		expect(after.map((r) => [isoWeekOf(r.week).week, r.type])).toEqual([
			[isoWeekOf(new Date(EDGE_DAY - 7 * 86_400_000)).week, 'handoff'],
			[isoWeekOf(new Date(EDGE_DAY - 7 * 86_400_000)).week, 'assignment']
		]);
		expect(await staleReviewEvents()).toBe(0);
		await expectSameAsReference();
	});

	it('rebuilds to the same rows when every conversation is refreshed', async () => {
		const before = await warehouse.db.one<{ n: number }>('SELECT count(*) AS n FROM review_events');
		await warehouse.db.transaction((tx) => refreshReviewEvents(tx, null));
		expect((await warehouse.db.one<{ n: number }>('SELECT count(*) AS n FROM review_events'))!.n).toBe(before!.n);
		expect(await staleReviewEvents()).toBe(0);
	});
});
