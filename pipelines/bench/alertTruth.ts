// What the generator planted, as alerts should see it, and how well a run of alerts matched:
// the incident week (manifest.json `incident_week`: a flood of sync_error conversations, which
// the AI mostly fails) and the holiday week (30% less volume, from the generator's own calendar
// because the manifest does not name it). Used by the alerts bench section and its test.
import type { AlertReport, KpiAlert } from '../../src/lib/server/alerts';
import { isoWeekOf } from '../../src/lib/server/review/isoWeek';
import { Rng } from '../generate/Rng';
import { WEEK_MS } from '../generate/sampleCalendar';

export interface PlantedWeeks {
	/** ISO week of the incident, or null when the sample is too short to have one. */
	incident: string | null;
	/** ISO week of the holiday dip: planted for volume KPIs only. */
	holiday: string | null;
}

interface ManifestPart {
	seed: number;
	weeks: number;
	start: string;
	incident_week: { week: string } | null;
}

/**
 * The KPIs the incident moves by construction: the flood lands in the technical queue, and the
 * AI's answers to it mostly fail (more hand-offs, more fallbacks, fewer contained).
 */
export const INCIDENT_TARGETS: {
	dimension: KpiAlert['scope']['dimension'];
	value: string | null;
	kpi: KpiAlert['kpi'];
	direction: 'up' | 'down';
}[] = [
	{ dimension: 'queue', value: 'technical', kpi: 'conversations', direction: 'up' },
	{ dimension: 'queue', value: 'technical', kpi: 'ai_involved', direction: 'up' },
	{ dimension: 'all', value: null, kpi: 'containment_rate', direction: 'down' },
	{ dimension: 'all', value: null, kpi: 'escalation_rate', direction: 'up' },
	{ dimension: 'all', value: null, kpi: 'unanswered_rate', direction: 'up' }
];

const VOLUME_KPIS = new Set(['conversations', 'ai_involved', 'csat_responses']);

export function targetName(t: (typeof INCIDENT_TARGETS)[number]): string {
	return `${t.kpi}${t.value ? ` (${t.dimension} ${t.value})` : ''} ${t.direction}`;
}

export function plantedWeeks(manifest: ManifestPart): PlantedWeeks {
	const incident = manifest.incident_week ? isoWeekOf(manifest.incident_week.week).week : null;
	// SampleCalendar draws the holiday first from the generator's fresh Rng(seed); it never
	// falls on the incident week.
	const quiet = manifest.weeks > 4 ? new Rng(manifest.seed).int(2, manifest.weeks - 3) : -1;
	const holiday = quiet >= 0 ? isoWeekOf(new Date(Date.parse(manifest.start) + quiet * WEEK_MS)).week : null;
	return { incident, holiday };
}

/** True when the generator planted something this alert should see. */
export function isPlanted(alert: KpiAlert, planted: PlantedWeeks): boolean {
	if (alert.week === planted.incident) return true;
	return alert.week === planted.holiday && VOLUME_KPIS.has(alert.kpi);
}

export interface AlertScore {
	weeks_judged: number;
	alerts: number;
	true_alerts: number;
	/** Alerts that point at something planted / all alerts. */
	precision: number | null;
	/** Incident targets flagged in the incident week, in the planted direction / targets. */
	recall: number | null;
	targets_flagged: string[];
	targets_missed: string[];
	/** Whether the incident week raised at least one alert on a target KPI. */
	incident_week_flagged: boolean | null;
	/** Weeks with nothing planted: how many, and the alerts raised on them. */
	quiet_weeks: number;
	false_alarms_on_quiet_weeks: number;
	/** Series (KPI × scope) judged on quiet weeks. */
	quiet_series_judged: number;
	/** False alarms on quiet weeks per KPI, and what set their band (sampling, history, minimum change). */
	false_alarms_by_kpi: Record<string, number>;
	false_alarms_by_limit: Record<string, number>;
}

export function scoreAlerts(reports: AlertReport[], planted: PlantedWeeks): AlertScore {
	const all = reports.flatMap((r) => r.alerts);
	const trueAlerts = all.filter((a) => isPlanted(a, planted)).length;
	const incident = reports.find((r) => r.week === planted.incident);
	const flagged: string[] = [];
	const missed: string[] = [];
	if (incident) {
		// A breakdown folded under its overall alert is still flagged.
		const seen = incident.alerts.flatMap((a) => [a, ...(a.folded ?? [])]);
		for (const t of INCIDENT_TARGETS) {
			const name = targetName;
			const hit = seen.some(
				(a) => a.kpi === t.kpi && a.scope.dimension === t.dimension && a.scope.value === t.value && a.direction === t.direction
			);
			(hit ? flagged : missed).push(name(t));
		}
	}
	const quiet = reports.filter((r) => r.week !== planted.incident && r.week !== planted.holiday);
	const falseAlarms = quiet.reduce((n, r) => n + r.alerts.length, 0);
	const tally = (key: (a: KpiAlert) => string) => {
		const counts: Record<string, number> = {};
		for (const a of quiet.flatMap((r) => r.alerts)) counts[key(a)] = (counts[key(a)] ?? 0) + 1;
		return counts;
	};
	const judged = quiet.reduce((n, r) => n + r.checked, 0);
	return {
		weeks_judged: reports.length,
		alerts: all.length,
		true_alerts: trueAlerts,
		precision: all.length ? trueAlerts / all.length : null,
		recall: incident ? flagged.length / INCIDENT_TARGETS.length : null,
		targets_flagged: flagged,
		targets_missed: missed,
		incident_week_flagged: incident ? flagged.length > 0 : null,
		quiet_weeks: quiet.length,
		false_alarms_on_quiet_weeks: falseAlarms,
		quiet_series_judged: judged,
		false_alarms_by_kpi: tally((a) => a.kpi),
		false_alarms_by_limit: tally((a) => a.limitedBy)
	};
}
