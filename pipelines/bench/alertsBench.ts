// Bench section `alerts`: precision and recall of KPI alerts against what the generator
// planted, over several seeded samples generated into the scratch folder (the committed
// sample is not touched), plus the time one week's alerts take to compute.
import fs from 'node:fs';
import path from 'node:path';
import { queryAlerts, queryAlertsEveryWeek } from '../../src/lib/server/alerts';
import { importFiles } from '../../src/lib/server/ingest';
import { isoWeekOf } from '../../src/lib/server/review/isoWeek';
import { withWarehouse } from '../../src/lib/server/warehouse';
import { generateSample } from '../generate/generateSample';
import { INCIDENT_TARGETS, plantedWeeks, scoreAlerts, targetName, type AlertScore } from './alertTruth';
import type { BenchContext } from './runBench';

export async function runAlertsBench(ctx: BenchContext) {
	const seeds = ctx.quick ? [101, 102, 103] : [101, 102, 103, 104, 105];
	const conversations = ctx.quick ? 6_000 : 20_000;
	const weeks = 14;
	const samples: (AlertScore & { seed: number; incident_week: string | null; holiday_week: string | null; one_week_ms: number })[] = [];
	for (const seed of seeds) {
		const out = path.join(ctx.tmpDir, `alerts-sample-${seed}`);
		ctx.log(`alerts: generating seed ${seed} (${conversations.toLocaleString('en')} conversations, ${weeks} weeks) and importing…`);
		await generateSample({ out, conversations, weeks, seed });
		const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8'));
		const planted = plantedWeeks(manifest);
		const dbPath = path.join(ctx.tmpDir, `alerts-${seed}.duckdb`);
		const { reports, oneWeekMs } = await withWarehouse(dbPath, async (w) => {
			await importFiles(w, [out]);
			const reports = await queryAlertsEveryWeek(w.db);
			const started = performance.now();
			await queryAlerts(w.db, isoWeekOf(manifest.incident_week?.week ?? manifest.start));
			return { reports, oneWeekMs: performance.now() - started };
		});
		const score = scoreAlerts(reports, planted);
		ctx.log(
			`alerts: seed ${seed}: precision ${score.precision?.toFixed(3)}, recall ${score.recall?.toFixed(3)}, ${score.false_alarms_on_quiet_weeks} false alarms on ${score.quiet_weeks} quiet weeks`
		);
		samples.push({ seed, incident_week: planted.incident, holiday_week: planted.holiday, one_week_ms: Math.round(oneWeekMs), ...score });
		fs.rmSync(out, { recursive: true, force: true });
		fs.rmSync(dbPath, { force: true });
	}
	const sum = (f: (s: (typeof samples)[number]) => number) => samples.reduce((n, s) => n + f(s), 0);
	const alerts = sum((s) => s.alerts);
	const targets = seeds.length * INCIDENT_TARGETS.length;
	return {
		method:
			'Each sample is judged week by week with the default alert settings (every KPI overall and per channel, queue, language). ' +
			'Precision: alerts in the incident week (any KPI) or on volume KPIs in the holiday week / all alerts (a breakdown folded under its overall alert is part of that alert, not one more). ' +
			'Recall: incident targets (technical-queue volume and AI-involved up; overall containment down, escalation and unanswered up) flagged in the incident week in that direction, standing alone or folded under the overall alert / targets. ' +
			'Quiet weeks: judged weeks with nothing planted.',
		seeds,
		conversations_per_sample: conversations,
		weeks,
		precision: alerts ? +(sum((s) => s.true_alerts) / alerts).toFixed(3) : null,
		recall: +(sum((s) => s.targets_flagged.length) / targets).toFixed(3),
		incident_weeks_flagged: `${samples.filter((s) => s.incident_week_flagged).length} of ${seeds.length}`,
		false_alarms_per_quiet_week: +(
			sum((s) => s.false_alarms_on_quiet_weeks) /
			Math.max(
				1,
				sum((s) => s.quiet_weeks)
			)
		).toFixed(2),
		false_alarm_rate_per_series: +(
			sum((s) => s.false_alarms_on_quiet_weeks) /
			Math.max(
				1,
				sum((s) => s.quiet_series_judged)
			)
		).toFixed(4),
		recall_by_target: Object.fromEntries(
			INCIDENT_TARGETS.map(targetName).map((name) => [
				name,
				`${samples.filter((s) => s.targets_flagged.includes(name)).length} of ${seeds.length}`
			])
		),
		samples
	};
}
