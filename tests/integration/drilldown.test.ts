// Drill-down: for every KPI and several filters, the conversation list opened from a KPI's
// numerator (or denominator) holds exactly as many conversations (or, for KPIs that sum a
// per-conversation count, that count) as the KPI engine reports; reroute flows list their
// conversations. On generated data, graded by the rules grader and mined, in a real DuckDB file.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSample } from '../../pipelines/generate/generateSample';
import { conversationListHref } from '../../src/lib/drilldown/conversationListHref';
import { listConversations } from '../../src/lib/server/conversations/listConversations';
import { parseConversationListRequest } from '../../src/lib/server/conversations/parseConversationFilter';
import { mineGaps, rerouteFlows } from '../../src/lib/server/gaps';
import { rulesGrader } from '../../src/lib/server/grading/rules/rulesGrader';
import { runGrading } from '../../src/lib/server/grading/runGrading';
import { importFiles } from '../../src/lib/server/ingest';
import { KPI_DEFINITIONS, parseKpiQuery, queryKpiDetails } from '../../src/lib/server/kpi';
import { Warehouse } from '../../src/lib/server/warehouse';
import { makeTempDir } from '../helpers/tempDir';

const { dir, cleanup } = makeTempDir('supportlens-drilldown-');
let w: Warehouse;
let busyWeek: string;

beforeAll(async () => {
	const out = path.join(dir, 'sample');
	await generateSample({ out, conversations: 600, weeks: 8, seed: 23 });
	w = await Warehouse.open(path.join(dir, 'drill.duckdb'));
	expect((await importFiles(w, [out])).quarantined).toBe(0);
	await runGrading(w, rulesGrader);
	await mineGaps(w.db, { embedder: 'lexical' });
	busyWeek = (await w.db.one<{ w: string }>(
		`SELECT strftime(week, '%Y-%m-%d') AS w FROM conversation_facts GROUP BY week ORDER BY count(*) DESC LIMIT 1`
	))!.w;
}, 300_000);
afterAll(() => {
	w?.close();
	cleanup();
});

/** The list's (count, summed measure) for a link. */
async function listed(link: Parameters<typeof conversationListHref>[0]) {
	const url = new URL(conversationListHref(link), 'http://x');
	const list = await listConversations(w.db, parseConversationListRequest(url.searchParams));
	return { total: list.total, measured: list.measured, rows: list.rows };
}

const FILTERS: {
	name: string;
	link: { week?: string; from?: string; to?: string; channel?: string; queue?: string | null; language?: string; tier?: string };
}[] = [
	{ name: 'everything', link: {} },
	{ name: 'busiest week', link: { week: 'BUSY' } },
	{ name: 'chat', link: { channel: 'chat' } },
	{ name: 'never assigned a queue', link: { queue: null } },
	{
		name: 'three weeks from the busiest one (mid-week days), English, standard tier',
		link: { from: 'BUSY+2', to: 'BUSY+20', language: 'en', tier: 'standard' }
	}
];

describe('the list opened from a KPI counts what the KPI counts', () => {
	for (const filter of FILTERS) {
		it(`every KPI, ${filter.name}`, async () => {
			const day = (v?: string) =>
				v?.startsWith('BUSY') ? new Date(Date.parse(busyWeek) + Number(v.slice(5) || 0) * 86_400_000).toISOString().slice(0, 10) : v;
			const link = { ...filter.link, week: day(filter.link.week), from: day(filter.link.from), to: day(filter.link.to) };
			const where = [
				...(link.week ? [`week=${link.week}`] : []),
				...(['channel', 'language', 'tier'] as const).filter((d) => link[d]).map((d) => `${d}=${link[d]}`),
				...('queue' in link ? [`queue=${link.queue ?? '(none)'}`] : [])
			];
			const kpi = (await queryKpiDetails(w.db, parseKpiQuery({ from: link.from, to: link.to, where }))).rows[0];
			expect(kpi.conversations, 'the filter selects something').toBeGreaterThan(0);
			let checked = 0;
			for (const d of KPI_DEFINITIONS) {
				if (d.kind === 'count') {
					expect((await listed({ ...link, kpi: d.key })).total, d.key).toBe(kpi[d.key]);
					checked++;
				} else if (d.kind === 'rate') {
					const parts = kpi.parts[d.key]!;
					const num = await listed({ ...link, kpi: d.key, cond: 'numerator' });
					const den = await listed({ ...link, kpi: d.key, cond: 'denominator' });
					expect(num.measured ?? num.total, `${d.key} numerator`).toBeCloseTo(parts.numerator, 9);
					expect(den.measured ?? den.total, `${d.key} denominator`).toBeCloseTo(parts.denominator, 9);
					if (!d.numerator.measure && !d.denominator.measure) {
						expect((await listed({ ...link, kpi: d.key, cond: 'rest' })).total, `${d.key} rest`).toBe(parts.denominator - parts.numerator);
					}
					checked++;
				}
			}
			expect(checked).toBe(KPI_DEFINITIONS.filter((d) => d.kind !== 'quantile').length);
		});
	}

	it('numerators are not trivially equal to denominators (the data exercises every condition)', async () => {
		const kpi = (await queryKpiDetails(w.db, parseKpiQuery({}))).rows[0];
		for (const d of KPI_DEFINITIONS) {
			if (d.kind !== 'rate') continue;
			const p = kpi.parts[d.key]!;
			expect(p.numerator, `${d.key} numerator`).toBeGreaterThan(0);
			expect(p.denominator, `${d.key} denominator`).toBeGreaterThan(p.numerator - 1e-9);
		}
	});

	it('a quantile KPI lists the conversations it was measured on', async () => {
		const { total } = await listed({ kpi: 'first_response_time_median_s' });
		const n = (await w.db.one<{ n: number }>('SELECT count(first_response_s) AS n FROM conversation_facts'))!.n;
		expect(total).toBe(n);
	});
});

describe('reroute flows', () => {
	it('each Sankey link lists exactly its conversations, all rerouted', async () => {
		const flows = await rerouteFlows(w.db);
		expect(flows.length).toBeGreaterThan(2);
		for (const f of flows) {
			const list = await listed({ kpi: 'reroute_rate', movedFrom: f.from_queue, movedTo: f.to_queue });
			expect(list.total, `${f.from_queue} → ${f.to_queue}`).toBe(f.conversations);
			expect(list.rows.every((r) => (r.distinct_queues as number) >= 2)).toBe(true);
		}
	});
});

describe('the list itself', () => {
	it('sorts and pages: pages are disjoint, in order, and add up to the total', async () => {
		const params = (page: number) =>
			new URLSearchParams({ kpi: 'first_response_time_median_s', sort: '-first_response_s', page: String(page) });
		const first = await listConversations(w.db, parseConversationListRequest(params(1)), 40);
		const second = await listConversations(w.db, parseConversationListRequest(params(2)), 40);
		const values = [...first.rows, ...second.rows].map((r) => r.first_response_s as number);
		expect(values).toEqual([...values].sort((a, b) => b - a));
		const ids = new Set([...first.rows, ...second.rows].map((r) => `${r.source}/${r.id}`));
		expect(ids.size).toBe(80);
	});

	it('searches id and subject together with a KPI condition', async () => {
		const some = (await listed({ kpi: 'reopen_rate' })).rows[0];
		const url = new URL(conversationListHref({ kpi: 'reopen_rate' }), 'http://x');
		url.searchParams.set('q', some.id);
		const list = await listConversations(w.db, parseConversationListRequest(url.searchParams));
		expect(list.rows.map((r) => r.id)).toContain(some.id);
		expect(list.rows.every((r) => r.reopened === true)).toBe(true);
	});

	it('rejects bad parameters with one-line messages naming them', () => {
		const bad = (q: string) => () => parseConversationListRequest(new URLSearchParams(q));
		expect(bad('kpi=nope')).toThrow(/unknown KPI "nope"/);
		expect(bad('kpi=csat&cond=worst')).toThrow(/unknown condition "worst"/);
		// The filter form sends its condition even with "any KPI": without a KPI it is ignored.
		expect(parseConversationListRequest(new URLSearchParams('cond=rest')).drill).toBeNull();
		expect(bad('week=2026-W99')).toThrow(/bad week "2026-W99"/);
		expect(bad('from=2026-13-01')).toThrow(/bad from date/);
		expect(bad('sort=subject')).toThrow(/cannot sort by "subject"/);
		expect(bad('moved_from=billing')).toThrow(/moved_from and moved_to/);
		expect(bad('page=0')).toThrow(/bad page/);
	});

	it('keeps only a same-site back link', () => {
		const back = (v: string) => parseConversationListRequest(new URLSearchParams({ back: v })).back;
		expect(back('/?channel=chat')).toBe('/?channel=chat');
		expect(back('//evil.example/')).toBeNull();
		expect(back('https://evil.example/')).toBeNull();
	});
});
