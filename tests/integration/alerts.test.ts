// KPI alerts on the generator's data: the planted incident week is flagged for the KPIs it
// moves, the same signals stay quiet on weeks with nothing planted, every alert carries the
// KPI engine's own figure, and `cli alerts --json` prints the same report.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INCIDENT_TARGETS, plantedWeeks, scoreAlerts, targetName, type PlantedWeeks } from '../../pipelines/bench/alertTruth';
import { generateSample } from '../../pipelines/generate/generateSample';
import { queryAlerts, queryAlertsEveryWeek, type AlertReport } from '../../src/lib/server/alerts';
import { importFiles } from '../../src/lib/server/ingest';
import { KPI_DEFINITIONS, parseKpiQuery, queryKpis, queryQuantileIntervals } from '../../src/lib/server/kpi';
import { parseIsoWeek } from '../../src/lib/server/review';
import { withWarehouse } from '../../src/lib/server/warehouse';
import { runCli } from '../helpers/runCli';
import { makeTempDir } from '../helpers/tempDir';

const { dir, cleanup } = makeTempDir('supportlens-alerts-');
const db = path.join(dir, 'alerts.duckdb');
let planted: PlantedWeeks;
let reports: AlertReport[];

beforeAll(async () => {
	const out = path.join(dir, 'sample');
	await generateSample({ out, conversations: 6000, weeks: 14, seed: 101 });
	planted = plantedWeeks(JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')));
	reports = await withWarehouse(db, async (w) => {
		await importFiles(w, [out]);
		return queryAlertsEveryWeek(w.db);
	});
}, 180_000);
afterAll(cleanup);

describe('KPI alerts on generated data', () => {
	it('judges the incident week and several quiet weeks', () => {
		expect(planted.incident).toMatch(/^2026-W\d\d$/);
		const weeks = reports.map((r) => r.week);
		expect(weeks).toContain(planted.incident);
		expect(weeks.filter((w) => w !== planted.incident && w !== planted.holiday).length).toBeGreaterThanOrEqual(4);
		for (const r of reports) expect(r.checked).toBeGreaterThan(50);
	});

	it('flags the planted incident week for the KPIs it moves, in the planted direction', () => {
		const score = scoreAlerts(reports, planted);
		expect(score.incident_week_flagged).toBe(true);
		expect(score.targets_flagged).toContain('conversations (queue technical) up');
		expect(score.targets_flagged).toContain('ai_involved (queue technical) up');
		const incident = reports.find((r) => r.week === planted.incident)!;
		const flood = incident.alerts.find((a) => a.kpi === 'conversations' && a.scope.value === 'technical')!;
		expect(flood.value).toBeGreaterThan(flood.high);
		expect(flood.link).toBe(`/conversations?kpi=conversations&cond=numerator&week=${planted.incident}&queue=technical`);
	});

	it('the incident signals stay quiet on weeks with nothing planted, and false alarms are rare', () => {
		const quiet = reports.filter((r) => r.week !== planted.incident && r.week !== planted.holiday);
		for (const r of quiet) {
			for (const t of INCIDENT_TARGETS) {
				const hit = r.alerts.find((a) => a.kpi === t.kpi && a.scope.dimension === t.dimension && a.scope.value === t.value);
				expect(hit, `${targetName(t)} flagged on quiet week ${r.week}`).toBeUndefined();
			}
		}
		const score = scoreAlerts(reports, planted);
		// At most 1% of the series judged on quiet weeks raise an alert, and at most one every two quiet weeks.
		expect(score.false_alarms_on_quiet_weeks / score.quiet_series_judged).toBeLessThan(0.01);
		expect(score.false_alarms_on_quiet_weeks).toBeLessThanOrEqual(Math.floor(score.quiet_weeks / 2));
	});

	it('a breakdown moving like its overall KPI is folded under the overall alert, never beside it', () => {
		for (const r of reports) {
			const overall = new Set(r.alerts.filter((a) => a.scope.dimension === 'all').map((a) => `${a.kpi} ${a.direction}`));
			const beside = r.alerts.filter((a) => a.scope.dimension !== 'all' && overall.has(`${a.kpi} ${a.direction}`));
			expect(beside, r.week).toEqual([]);
			for (const a of r.alerts)
				for (const f of a.folded ?? []) expect([f.kpi, f.direction, f.scope.dimension !== 'all']).toEqual([a.kpi, a.direction, true]);
		}
	});

	it("every alert's figure is the KPI engine's own number for that week and scope", async () => {
		const incident = reports.find((r) => r.week === planted.incident)!;
		expect(incident.alerts.length).toBeGreaterThan(0);
		await withWarehouse(db, async (w) => {
			for (const a of incident.alerts) {
				const where = a.scope.dimension === 'all' ? [] : [`${a.scope.dimension}=${a.scope.value}`];
				const [row] = (await queryKpis(w.db, parseKpiQuery({ from: incident.from, to: incident.to, where }))).rows;
				expect(a.value, `${a.kpi} ${a.scope.dimension} ${a.scope.value}`).toBe(row[a.kpi]);
			}
		});
	});

	it("a time KPI's interval is read at the order-statistic ranks of the engine's own measured conversations", async () => {
		const incident = reports.find((r) => r.week === planted.incident)!;
		const q = parseKpiQuery({ from: incident.from, to: incident.to, where: ['channel=chat'] });
		const z = 3;
		await withWarehouse(db, async (w) => {
			const [row] = (await queryKpis(w.db, q)).rows;
			const intervals = (await queryQuantileIntervals(w.db, q, { first_response_time_median_s: z, time_to_resolution_p90_s: z })).get(
				'all'
			)!;
			for (const d of KPI_DEFINITIONS) {
				if (d.kind !== 'quantile') continue;
				const values = (
					await w.db.all<{ v: number }>(
						`SELECT ${d.column} AS v FROM conversation_facts WHERE created_at >= $from AND created_at < CAST($to AS DATE) + 1 AND channel = 'chat' AND ${d.measured.where} ORDER BY v`,
						{ from: incident.from, to: incident.to }
					)
				).map((r) => Number(r.v));
				const n = values.length;
				const zd = d.key === 'first_response_time_median_s' || d.key === 'time_to_resolution_p90_s' ? z : 1;
				const spread = zd * Math.sqrt(n * d.q * (1 - d.q));
				const rank = (r: number) => Math.min(n, Math.max(1, r));
				const got = intervals[d.key]!;
				expect(got, d.key).toEqual({
					n,
					low: values[rank(Math.floor(n * d.q - spread)) - 1],
					high: values[rank(Math.ceil(n * d.q + spread) + 1) - 1]
				});
				// it brackets the engine's own figure
				expect(got.low).toBeLessThanOrEqual(row[d.key]!);
				expect(got.high).toBeGreaterThanOrEqual(row[d.key]!);
			}
		});
	});

	it('cli alerts --week --json prints the same report as the dashboard reads', async () => {
		const week = planted.incident!;
		const r = runCli(['alerts', '--db', db, '--week', week, '--json']);
		expect(r.stderr).toBe('');
		expect(r.code).toBe(0);
		const printed = JSON.parse(r.stdout) as AlertReport;
		const direct = await withWarehouse(db, (w) => queryAlerts(w.db, parseIsoWeek(week)));
		expect(printed).toEqual(JSON.parse(JSON.stringify(direct)));
		// the one-week report equals that week in the every-week run
		expect(printed.alerts).toEqual(JSON.parse(JSON.stringify(reports.find((x) => x.week === week)!.alerts)));
		const bad = runCli(['alerts', '--db', db, '--week', '2026-W60']);
		expect(bad.code).toBe(1);
		expect(bad.stderr.trim().split('\n')).toHaveLength(1);
	});
});
