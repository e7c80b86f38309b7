// The shapes alerts are reported in (browser-safe): by the CLI (--json), the overview, the
// review and the digest. The server's alert engine (src/lib/server/alerts) fills them.
import type { KpiKey, KpiKind } from '../kpi/kpiCatalogue';

/** The breakdowns alerts are judged in, beside the overall figures. */
export type AlertScopeDimension = 'channel' | 'queue' | 'language';

/** One week's value against its usual band. */
export interface AlertFinding {
	value: number;
	baseline: number;
	/** The normal band: values inside it do not alert. */
	low: number;
	high: number;
	direction: 'up' | 'down';
	verdict: 'good' | 'bad' | 'neutral';
	/** value − baseline, in the KPI's unit (rate points, seconds, conversations). */
	change: number;
	/** change / baseline; null when the baseline is 0. */
	relativeChange: number | null;
	/** How far outside: |change| / half the band's width (> 1 when flagged). */
	severity: number;
	/** What set the band's width: this week's sample size, the series' usual spread, or the minimum change. */
	limitedBy: 'sampling' | 'history' | 'minimum_change';
	/**
	 * How likely a deviation at least this large is in a normal week (two-sided, from the
	 * series' own noise model): the week's false-discovery control ranks series by it.
	 */
	pValue: number;
}

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
	kind: KpiKind;
	scope: AlertScope;
	/** Rates: the engine's numerator and denominator this week. */
	numerator: number | null;
	denominator: number | null;
	/** The conversations behind it in the dashboard (path and query; prefix ORIGIN for mail). */
	link: string;
	/**
	 * Overall alerts only: the breakdowns (channel, queue, language) of the same KPI that moved
	 * the same way the same week — the overall alert already says it, so they are listed under
	 * it rather than as alerts of their own. Most severe first.
	 */
	folded?: KpiAlert[];
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
