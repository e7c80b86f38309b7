// The shapes alerts are reported in: by the CLI (--json), the overview, the review and the digest.
import type { KpiDefinition, KpiKey } from '../kpi';
import type { AlertScopeDimension } from './alertSettings';
import type { AlertFinding } from './detectAlert';

export interface AlertScope {
	dimension: 'all' | AlertScopeDimension;
	/** The channel, queue or language; null for the overall figures. */
	value: string | null;
}

export interface KpiAlert extends AlertFinding {
	/** ISO week, YYYY-Www. */
	week: string;
	kpi: KpiKey;
	label: string;
	kind: KpiDefinition['kind'];
	scope: AlertScope;
	/** Rates: the engine's numerator and denominator this week. */
	numerator: number | null;
	denominator: number | null;
	/** The conversations behind it in the dashboard (path and query; prefix ORIGIN for mail). */
	link: string;
}

export interface AlertReport {
	week: string;
	/** Monday and Sunday of the week (YYYY-MM-DD, UTC). */
	from: string;
	to: string;
	/** The weeks that formed the baseline (Mondays, inclusive). */
	historyFrom: string;
	historyTo: string;
	/** Series (KPI × scope) with enough history and sample to be judged. */
	checked: number;
	/** Most severe first. */
	alerts: KpiAlert[];
}
