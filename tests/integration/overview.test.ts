// The overview's data on a real DuckDB file: the default period, its KPIs equal the engine's
// for the same range, 12 weekly points, breakdowns and dropdown values; the cache serves one
// computation per filter set and its version key moves with every import.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importConversations } from '../../src/lib/server/ingest';
import { parseKpiQuery, queryKpis } from '../../src/lib/server/kpi';
import { cachedOverview, clearOverviewCache, dataVersion, loadOverview, TREND_WEEKS } from '../../src/lib/server/overview';
import { Warehouse } from '../../src/lib/server/warehouse';
import { makeTempDir } from '../helpers/tempDir';

const { dir, cleanup } = makeTempDir();
let warehouse: Warehouse;
const NONE = { from: null, to: null, channel: null, queue: null, language: null, tier: null };

/** Conversation `i`, created `i` days before 2026-11-12 (a Thursday), alternating channel and language. */
function conv(i: number) {
	const created = Date.UTC(2026, 10, 12, 10) - i * 86_400_000;
	const at = (m: number) => new Date(created + m * 60_000).toISOString();
	return {
		id: `c${i}`,
		channel: i % 2 ? 'email' : 'chat',
		language: i % 3 ? 'en' : 'de',
		created_at: at(0),
		customer: { id: `k${i}`, tier: i % 4 ? 'standard' : 'vip' },
		events: [
			{ id: 'e1', at: at(1), type: 'message', author: 'customer', body: 'Where is my parcel?' },
			{ id: 'e2', at: at(2), type: 'message', author: 'ai', body: 'It ships today.', answer_type: i % 5 ? 'answered' : 'fallback' },
			...(i % 5
				? []
				: [
						{ id: 'e3', at: at(3), type: 'handoff', author: 'ai', to_queue: 'shipping' },
						{ id: 'e4', at: at(4), type: 'assignment', queue: 'shipping' }
					]),
			{ id: 'e5', at: at(9), type: 'status', status: 'solved' }
		]
	};
}

beforeAll(async () => {
	warehouse = await Warehouse.open(path.join(dir, 'overview.duckdb'));
	await importConversations(
		warehouse,
		Array.from({ length: 120 }, (_, i) => conv(i))
	);
});
afterAll(() => {
	warehouse?.close();
	cleanup();
});

describe('loadOverview', () => {
	it('shows the last four full weeks against the four before, with the engine’s figures', async () => {
		const o = await loadOverview(warehouse.db, NONE);
		expect(o.warehouseConversations).toBe(120);
		expect(o.period).toEqual({ from: '2026-10-19', to: '2026-11-15', days: 28 });
		expect(o.previous).toEqual({ from: '2026-09-21', to: '2026-10-18', days: 28 });
		expect(o.current).toEqual((await queryKpis(warehouse.db, parseKpiQuery({ from: '2026-10-19', to: '2026-11-15' }))).rows[0]);
		expect(o.before).toEqual((await queryKpis(warehouse.db, parseKpiQuery({ from: '2026-09-21', to: '2026-10-18' }))).rows[0]);
		expect(o.current!.conversations).toBe(25); // days 0..24 back from 2026-11-12 fall on or after 2026-10-19
		expect(o.trend).toHaveLength(TREND_WEEKS);
		expect(o.trend[TREND_WEEKS - 1].group).toBe('2026-11-09');
		expect(o.trend.reduce((n, r) => n + (r.conversations ?? 0), 0)).toBe(81); // 2026-08-24 … 2026-11-12
		expect(o.breakdowns.channel.map((r) => [r.group, r.conversations])).toEqual([
			['chat', 13],
			['email', 12]
		]);
		expect(o.breakdowns.queue.map((r) => r.group)).toEqual(['shipping', null]);
		expect(o.options).toEqual({ channel: ['chat', 'email'], queue: ['shipping'], language: ['de', 'en'], tier: ['standard', 'vip'] });
	});

	it('applies the filters to every part', async () => {
		const o = await loadOverview(warehouse.db, { ...NONE, channel: 'chat', tier: 'vip' });
		const expected = (
			await queryKpis(warehouse.db, parseKpiQuery({ from: o.period!.from, to: o.period!.to, where: ['channel=chat', 'tier=vip'] }))
		).rows[0];
		expect(o.current).toEqual(expected);
		expect(o.current!.conversations).toBe(7); // i % 4 == 0 (vip, hence even: chat) for i = 0 … 24
		expect(o.breakdowns.channel.map((r) => r.group)).toEqual(['chat']);
		expect(o.trend.reduce((n, r) => n + (r.conversations ?? 0), 0)).toBe(21); // i = 0, 4, … 80
		const none = await loadOverview(warehouse.db, { ...NONE, channel: 'email', tier: 'vip' }); // odd i are never vip
		expect(none.current!.conversations).toBe(0);
		expect(none.warehouseConversations).toBe(120);
	});

	it('reports an empty warehouse instead of a period', async () => {
		const empty = await Warehouse.open(path.join(dir, 'empty.duckdb'));
		try {
			const o = await loadOverview(empty.db, NONE);
			expect(o).toMatchObject({ warehouseConversations: 0, period: null, current: null, trend: [] });
		} finally {
			empty.close();
		}
	});
});

describe('cachedOverview', () => {
	it('serves one computation per filter set, and a new version after an import', async () => {
		clearOverviewCache();
		const a = await cachedOverview(warehouse.db, NONE);
		expect(await cachedOverview(warehouse.db, NONE)).toBe(a);
		expect(await cachedOverview(warehouse.db, { ...NONE, channel: 'chat' })).not.toBe(a);
		const before = await dataVersion(warehouse.db);
		await importConversations(warehouse, [conv(200)]);
		expect(await dataVersion(warehouse.db)).not.toBe(before);
		clearOverviewCache();
		expect((await cachedOverview(warehouse.db, NONE)).warehouseConversations).toBe(121);
	});
});
