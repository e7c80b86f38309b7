// KPI alerts for one ISO week (what the overview, the review, the digest and `cli alerts`
// show), and for every week of the warehouse at once (the bench and the tests measure them).
import type { WarehouseConnection } from '../warehouse';
import { isoWeekOf, type IsoWeek } from '../review/isoWeek';
import { resolveAlertSettings, type AlertSettings, type AlertSettingsInput } from './alertSettings';
import type { AlertReport, KpiAlert } from '../../alerts/types';
import { loadAlertSeries, type AlertSeries } from './loadAlertSeries';
import { seriesTests } from './seriesAlerts';
import { weekAlerts } from './weekAlerts';

const DAY_MS = 86_400_000;
const shiftDays = (day: string, days: number) => new Date(Date.parse(day) + days * DAY_MS).toISOString().slice(0, 10);

/** Most severe first; among equals, bad before neutral before good. */
function bySeverity(a: KpiAlert, b: KpiAlert): number {
	const rank = { bad: 0, neutral: 1, good: 2 };
	return b.severity - a.severity || rank[a.verdict] - rank[b.verdict] || a.kpi.localeCompare(b.kpi);
}

/** The Monday of the first week with conversations and the last day with any; null when empty. */
async function dataSpan(db: WarehouseConnection): Promise<{ firstWeek: string; last: string } | null> {
	const row = await db.one<{ first: string | null; last: string | null }>(
		`SELECT strftime(min(created_at), '%Y-%m-%d') AS first, strftime(max(created_at), '%Y-%m-%d') AS last FROM conversation_facts`
	);
	return row?.first && row.last ? { firstWeek: isoWeekOf(row.first).from, last: row.last } : null;
}

function report(week: IsoWeek, series: AlertSeries[], index: number, settings: AlertSettings, dataEnd: string): AlertReport {
	const judged = series.flatMap((s) => seriesTests(s.scope, s.rows, index, settings, dataEnd));
	return {
		week: week.week,
		from: week.from,
		to: week.to,
		historyFrom: shiftDays(week.from, -7 * Math.min(index, settings.historyWeeks)),
		historyTo: shiftDays(week.from, -1),
		checked: judged.length,
		alerts: weekAlerts(judged, settings).sort(bySeverity)
	};
}

export async function queryAlerts(db: WarehouseConnection, week: IsoWeek, input: AlertSettingsInput = {}): Promise<AlertReport> {
	const settings = resolveAlertSettings(input);
	const span = await dataSpan(db);
	// Weeks before the first conversation are no history (their counts would read as zeros).
	let from = shiftDays(week.from, -7 * settings.historyWeeks);
	if (span && span.firstWeek > from) from = span.firstWeek < week.from ? span.firstWeek : week.from;
	const series = await loadAlertSeries(db, from, week.to, settings);
	return report(week, series, series[0].rows.length - 1, settings, span?.last ?? week.to);
}

/** Every week of the warehouse that has at least minHistoryWeeks weeks before it, oldest first. */
export async function queryAlertsEveryWeek(db: WarehouseConnection, input: AlertSettingsInput = {}): Promise<AlertReport[]> {
	const settings = resolveAlertSettings(input);
	const span = await dataSpan(db);
	if (!span) return [];
	const series = await loadAlertSeries(db, span.firstWeek, isoWeekOf(span.last).to, settings);
	return alertReportsFromSeries(series, settings, span.last);
}

/** Every week of `series` that has at least minHistoryWeeks weeks before it, oldest first. */
export function alertReportsFromSeries(series: AlertSeries[], settings: AlertSettings, dataEnd: string): AlertReport[] {
	const reports: AlertReport[] = [];
	for (let i = settings.minHistoryWeeks; i < series[0].rows.length; i++) {
		reports.push(report(isoWeekOf(series[0].rows[i].group!), series, i, settings, dataEnd));
	}
	return reports;
}
