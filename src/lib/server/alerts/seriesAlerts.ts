// Judges one week of one scope's weekly series: every KPI against its own history.
import { KPI_DEFINITIONS } from '../kpi';
import { isoWeekOf } from '../review/isoWeek';
import type { AlertSettings } from './alertSettings';
import type { AlertScope, KpiAlert } from '../../alerts/types';
import { detectAlert, type SeriesPoint } from './detectAlert';
import { drilldownLink } from './drilldownLink';
import type { AlertWeek } from './loadAlertSeries';

function point(row: AlertWeek, d: (typeof KPI_DEFINITIONS)[number]): SeriesPoint {
	const parts = d.kind === 'rate' ? row.parts[d.key] : undefined;
	return {
		value: row[d.key],
		numerator: parts?.numerator,
		denominator: parts?.denominator,
		interval: d.kind === 'quantile' ? row.quantileIntervals[d.key] : undefined,
		conversations: row.conversations ?? 0
	};
}

/**
 * The alerts of week `rows[index]`, its baseline being the up to `historyWeeks` rows before it.
 * Also counts the series that had enough history and sample to be judged at all.
 */
export function seriesAlerts(
	scope: AlertScope,
	rows: readonly AlertWeek[],
	index: number,
	settings: AlertSettings,
	/** The last day with data (YYYY-MM-DD): look-ahead KPIs of weeks too close to it are not judged. */
	dataEnd: string
): { alerts: KpiAlert[]; checked: number } {
	const current = rows[index];
	const history = rows.slice(Math.max(0, index - settings.historyWeeks), index);
	const { week, to } = isoWeekOf(current.group!);
	const daysSinceWeek = (Date.parse(dataEnd) - Date.parse(to)) / 86_400_000;
	const alerts: KpiAlert[] = [];
	let checked = 0;
	for (const d of KPI_DEFINITIONS) {
		const rule = settings.kpis[d.key];
		if (daysSinceWeek < rule.settleDays) continue;
		const cur = point(current, d);
		const finding = detectAlert(
			d.kind,
			rule,
			history.map((r) => point(r, d)),
			cur,
			settings
		);
		if (finding) checked++;
		if (!finding || finding === 'normal') continue;
		alerts.push({
			week,
			kpi: d.key,
			label: d.label,
			kind: d.kind,
			scope,
			numerator: cur.numerator ?? null,
			denominator: cur.denominator ?? null,
			link: drilldownLink(d.key, week, scope),
			...finding
		});
	}
	return { alerts, checked };
}
