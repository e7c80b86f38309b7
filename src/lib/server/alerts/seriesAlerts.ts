// Judges one week of one scope's weekly series: every KPI against its own history, as a test
// statistic the week's false-discovery control then decides on (weekAlerts).
import { KPI_DEFINITIONS, type KpiKey } from '../kpi';
import { isoWeekOf } from '../review/isoWeek';
import type { AlertSettings } from './alertSettings';
import type { AlertScope } from '../../alerts/types';
import { testSeries, type SeriesPoint, type SeriesTest } from './detectAlert';
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

/** One KPI of one scope judged in one week. */
export interface SeriesJudgement {
	week: string;
	kpi: KpiKey;
	label: string;
	scope: AlertScope;
	numerator: number | null;
	denominator: number | null;
	test: SeriesTest;
}

/**
 * The tests of week `rows[index]`, its baseline being the up to `historyWeeks` rows before it:
 * one per KPI with enough history and sample to be judged at all.
 */
export function seriesTests(
	scope: AlertScope,
	rows: readonly AlertWeek[],
	index: number,
	settings: AlertSettings,
	/** The last day with data (YYYY-MM-DD): look-ahead KPIs of weeks too close to it are not judged. */
	dataEnd: string
): SeriesJudgement[] {
	const current = rows[index];
	const history = rows.slice(Math.max(0, index - settings.historyWeeks), index);
	const { week, to } = isoWeekOf(current.group!);
	const daysSinceWeek = (Date.parse(dataEnd) - Date.parse(to)) / 86_400_000;
	const judged: SeriesJudgement[] = [];
	for (const d of KPI_DEFINITIONS) {
		const rule = settings.kpis[d.key];
		if (daysSinceWeek < rule.settleDays) continue;
		const cur = point(current, d);
		const test = testSeries(
			d.kind,
			rule,
			history.map((r) => point(r, d)),
			cur,
			settings
		);
		if (test)
			judged.push({
				week,
				kpi: d.key,
				label: d.label,
				scope,
				numerator: cur.numerator ?? null,
				denominator: cur.denominator ?? null,
				test
			});
	}
	return judged;
}
