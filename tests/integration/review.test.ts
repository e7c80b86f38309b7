// The weekly quality review's tables on a real DuckDB file: each table picks exactly the
// planted conversations of the chosen week, with the right figures, and nothing else.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importConversations } from '../../src/lib/server/ingest';
import { parseKpiQuery, queryKpiDetails } from '../../src/lib/server/kpi';
import { escalations, flaggedDrafts, parseIsoWeek, reopenedContained, reroutes, REVIEW_TABLES } from '../../src/lib/server/review';
import { Warehouse } from '../../src/lib/server/warehouse';
import { makeTempDir } from '../helpers/tempDir';

const { dir, cleanup } = makeTempDir();
let warehouse: Warehouse;
const W41 = parseIsoWeek('2026-W41'); // Mon 2026-10-05 … Sun 2026-10-11

type Ev = Record<string, unknown>;
/** A conversation created on `day` (2026-10-DD) whose events are minutes apart, in order. */
function conv(id: string, day: number, events: Ev[], extra: Record<string, unknown> = {}) {
	const base = Date.UTC(2026, 9, day, 9, 0);
	return {
		id,
		channel: 'chat',
		created_at: new Date(base).toISOString(),
		subject: `subject ${id}`,
		events: events.map((e, i) => ({ id: `${id}-e${i}`, at: new Date(base + (i + 1) * 60_000).toISOString(), ...e })),
		...extra
	};
}
const customer = { type: 'message', author: 'customer', body: 'My invoice is wrong, please help' };
const ai = { type: 'message', author: 'ai', body: 'Here is how invoices work.', answer_type: 'answered' };
const agent = { type: 'message', author: 'agent', agent_id: 'a-1', body: 'I fixed it.' };
const solved = { type: 'status', status: 'solved' };
const reopen = { type: 'status', status: 'open' };
const handoff = (to: string) => ({ type: 'handoff', author: 'ai', to_queue: to, reason: 'refund_request', note: 'Goal: refund' });
const assign = (queue: string) => ({ type: 'assignment', queue, agent_id: 'a-2' });
const draft = (review: string, body: string, final_body?: string) => ({
	type: 'draft',
	author: 'ai',
	agent_id: 'a-3',
	body,
	final_body,
	review
});

beforeAll(async () => {
	warehouse = await Warehouse.open(path.join(dir, 'review.duckdb'));
	await importConversations(warehouse, [
		conv('reopened', 6, [customer, ai, solved, customer, reopen]),
		conv('reopened-later', 7, [customer, ai, solved, { ...reopen, status: 'pending' }], { channel: 'email' }),
		conv('contained', 6, [customer, ai, solved]),
		conv('human-reopened', 6, [customer, ai, agent, solved, reopen]),
		conv('handoff-reopened', 6, [customer, ai, handoff('billing'), assign('billing'), solved, reopen]),
		conv('prev-week-reopened', 1, [customer, ai, solved, reopen]),
		conv('rerouted', 8, [customer, ai, handoff('billing'), assign('billing'), assign('tech'), assign('billing'), solved]),
		conv('same-queue', 8, [customer, ai, handoff('billing'), assign('billing'), assign('billing'), solved]),
		conv('drafts', 9, [
			customer,
			draft('rejected', 'We will refund you twice.'),
			draft('edited', 'Your refund is on its way.', 'Your refund was approved and arrives within 5 business days.'),
			draft('edited', 'Thanks for waiting, the fix is live.', 'Thanks for waiting, the fix is live!'),
			draft('sent_as_is', 'All done.', 'All done.'),
			draft('edited', 'An edit nobody recorded the sent text of.'),
			solved
		]),
		conv('prev-week-draft', 2, [customer, draft('rejected', 'No.')])
	]);
});
afterAll(() => {
	warehouse?.close();
	cleanup();
});

describe('weekly review tables', () => {
	it('lists contained conversations that were reopened, quickest reopen first', async () => {
		const { rows, total } = await reopenedContained.load(warehouse.db, W41, 100);
		expect(total).toBe(2);
		expect(rows.map((r) => r.id)).toEqual(['reopened-later', 'reopened']);
		expect(rows[0]).toMatchObject({ source: 'canonical', channel: 'email', subject: 'subject reopened-later', hours_to_reopen: 0.02 });
		expect(rows[1].reopened_at.toISOString()).toBe('2026-10-06T09:05:00.000Z');
		expect(rows[1].solved_at.toISOString()).toBe('2026-10-06T09:03:00.000Z');
	});

	it('lists conversations assigned to two or more queues with their path', async () => {
		const { rows, total } = await reroutes.load(warehouse.db, W41, 100);
		expect(total).toBe(1);
		expect(rows[0]).toMatchObject({
			id: 'rerouted',
			handoff_to_queue: 'billing',
			first_queue: 'billing',
			final_queue: 'billing',
			queue_path: 'billing → tech → billing',
			moves: 2
		});
	});

	it('lists rejected drafts and heavily edited ones with their edit magnitude, not light edits', async () => {
		const { rows, total } = await flaggedDrafts.load(warehouse.db, W41, 100);
		expect(total).toBe(2);
		expect(rows.map((r) => [r.review, r.event_id])).toEqual([
			['rejected', 'drafts-e1'],
			['edited', 'drafts-e2']
		]);
		expect(rows[0].edit_magnitude).toBeNull();
		expect(rows[0].draft).toBe('We will refund you twice.');
		expect(rows[1].edit_magnitude).toBeGreaterThanOrEqual(0.3);
		expect(rows[1].edit_magnitude).toBeLessThanOrEqual(1);
	});

	it('lists every hand-off with the queues after it, inaccurate ones first', async () => {
		const { rows, total } = await escalations.load(warehouse.db, W41, 100);
		expect(total).toBe(3);
		expect(rows.map((r) => [r.id, r.accurate, r.queues_after])).toEqual([
			['rerouted', false, 'billing, tech'],
			['handoff-reopened', true, 'billing'],
			['same-queue', true, 'billing']
		]);
		expect(rows[0]).toMatchObject({ to_queue: 'billing', reason: 'refund_request', event_id: 'rerouted-e2' });
	});

	it('cuts rows at the limit but reports the full count, and finds nothing in an empty week', async () => {
		const cut = await escalations.load(warehouse.db, W41, 1);
		expect(cut.rows).toHaveLength(1);
		expect(cut.total).toBe(3);
		for (const table of REVIEW_TABLES) {
			expect(await table.load(warehouse.db, parseIsoWeek('2026-W30'), null)).toEqual({ rows: [], total: 0 });
		}
	});

	it('agrees with the KPI engine on what it counts', async () => {
		const { rows } = await queryKpiDetails(warehouse.db, parseKpiQuery({ from: W41.from, to: W41.to }));
		const parts = rows[0].parts;
		expect((await reroutes.load(warehouse.db, W41, null)).total).toBe(parts.reroute_rate!.numerator);
		const handoffs = (await escalations.load(warehouse.db, W41, null)).rows;
		expect(handoffs.length).toBe(parts.escalation_accuracy!.denominator);
		expect(handoffs.filter((h) => h.accurate).length).toBe(parts.escalation_accuracy!.numerator);
		const drafts = (await flaggedDrafts.load(warehouse.db, W41, null)).rows;
		expect(drafts.filter((d) => d.review === 'rejected').length).toBe(parts.draft_reject_rate!.numerator);
	});

	it('gives every row a source and id to open the conversation, and a value for every column', async () => {
		for (const table of REVIEW_TABLES) {
			const { rows } = await table.load(warehouse.db, W41, null);
			expect(rows.length, table.key).toBeGreaterThan(0);
			for (const row of rows) {
				expect(row.source).toBe('canonical');
				expect(typeof row.id).toBe('string');
				for (const column of table.columns) expect(column.key in row, `${table.key}.${column.key}`).toBe(true);
				expect('event_id' in row, table.key).toBe(!!table.eventRows);
			}
		}
	});
});
