// Decides a week's alerts across every series judged that week. Each week tests a few hundred
// series (every KPI, overall and per channel, queue and language), so a fixed band per series
// would raise a few alerts every quiet week by chance alone. Instead the Benjamini–Hochberg
// procedure keeps the expected share of false alerts among the week's alerts at the settings'
// falseDiscoveryRate, separately for the overall figures (the few series a reader checks first)
// and the breakdowns (many small series); a week where several KPIs move together lowers the
// bar for each, a quiet one raises it. Each alert must also clear its KPI's own z and minimum
// change. A breakdown alert that says what its overall series already says (same KPI, same
// direction, same week) is folded under that overall alert instead of standing alone.
import type { AlertSettings } from './alertSettings';
import type { KpiAlert } from '../../alerts/types';
import { benjaminiHochberg } from './benjaminiHochberg';
import { findingAt } from './detectAlert';
import { drilldownLink } from './drilldownLink';
import { criticalZ } from './normalTail';
import type { SeriesJudgement } from './seriesAlerts';

export function weekAlerts(judged: readonly SeriesJudgement[], settings: AlertSettings): KpiAlert[] {
	const alerts: KpiAlert[] = [];
	for (const family of [judged.filter((j) => j.scope.dimension === 'all'), judged.filter((j) => j.scope.dimension !== 'all')]) {
		const criticalP = benjaminiHochberg(
			family.map((j) => j.test.pValue),
			settings.falseDiscoveryRate
		);
		// The band shown lies between the last discovery and the first series that is not one
		// (at the geometric mean of their p-values), so every alert is strictly outside it.
		const next = Math.min(...family.map((j) => j.test.pValue).filter((p) => p > criticalP), 1);
		const critical = criticalZ(criticalP > 0 ? Math.sqrt(criticalP * next) : 0);
		for (const j of family) {
			const rule = settings.kpis[j.kpi];
			const discovered = j.test.pValue <= criticalP && Math.abs(j.test.z) > rule.z;
			const finding = findingAt(j.test, rule, Math.max(rule.z, critical), discovered);
			if (finding === 'normal') continue;
			alerts.push({
				week: j.week,
				kpi: j.kpi,
				label: j.label,
				kind: j.test.kind,
				scope: j.scope,
				numerator: j.numerator,
				denominator: j.denominator,
				link: drilldownLink(j.kpi, j.week, j.scope),
				...finding
			});
		}
	}
	return foldUnderOverall(alerts);
}

/** Most severe first. */
const bySeverity = (a: KpiAlert, b: KpiAlert) => b.severity - a.severity;

function foldUnderOverall(alerts: KpiAlert[]): KpiAlert[] {
	const overall = new Map(alerts.filter((a) => a.scope.dimension === 'all').map((a) => [`${a.kpi} ${a.direction}`, a]));
	const kept: KpiAlert[] = [];
	for (const a of alerts) {
		const parent = a.scope.dimension === 'all' ? undefined : overall.get(`${a.kpi} ${a.direction}`);
		if (parent) (parent.folded ??= []).push(a);
		else kept.push(a);
	}
	for (const a of overall.values()) a.folded?.sort(bySeverity);
	return kept;
}
