// How a KPI value reads on screen (browser-safe): rates as percentages, quantiles (seconds)
// as durations, counts as whole numbers; and how a change against the previous period reads,
// coloured by whether up is good for that KPI.
export type KpiKind = 'count' | 'rate' | 'quantile';

/** KPIs where a rise is bad news. Counts (volume) are neutral. */
const LOWER_IS_BETTER = new Set([
	'escalation_rate', 'reopen_rate', 'reroute_rate', 'draft_edit_rate', 'draft_reject_rate', 'edit_magnitude',
	'unanswered_rate', 'first_response_time_median_s', 'first_response_time_p90_s', 'time_to_resolution_median_s',
	'time_to_resolution_p90_s', 'repeat_contact_rate'
]);

/** Which way is good news for a KPI; volumes are neither. */
export function kpiPolarity(key: string, kind: KpiKind): 'higher_is_better' | 'lower_is_better' | 'neutral' {
	if (kind === 'count') return 'neutral';
	return LOWER_IS_BETTER.has(key) ? 'lower_is_better' : 'higher_is_better';
}

/** Why a KPI can have no value, said on its card instead of a bare dash. */
export const KPI_EMPTY_NOTES: Record<string, string> = {
	qualified_handoff_rate: 'no graded hand-offs yet',
	csat: 'no CSAT ratings',
	draft_edit_rate: 'no reviewed drafts',
	draft_reject_rate: 'no reviewed drafts',
	edit_magnitude: 'no edited drafts',
	escalation_accuracy: 'no hand-offs'
};

export function formatDuration(seconds: number): string {
	if (seconds < 60) return `${Math.round(seconds)} s`;
	if (seconds < 3600) return `${(seconds / 60).toFixed(seconds < 600 ? 1 : 0)} min`;
	if (seconds < 86400) return `${(seconds / 3600).toFixed(1)} h`;
	return `${(seconds / 86400).toFixed(1)} d`;
}

export function formatKpi(kind: KpiKind, value: number | null | undefined): string {
	if (value === null || value === undefined) return '–';
	if (kind === 'rate') return `${(value * 100).toFixed(1)}%`;
	if (kind === 'quantile') return formatDuration(value);
	return Math.round(value).toLocaleString('en');
}

export interface KpiChange {
	text: string;
	/** good / bad / neutral for colour; none when there is nothing to compare. */
	tone: 'good' | 'bad' | 'neutral' | 'none';
	arrow: '▲' | '▼' | '';
	/** Spoken form for screen readers and the tooltip. */
	title: string;
}

/** Rates change in percentage points; counts and durations in percent of the previous value. */
export function kpiChange(key: string, kind: KpiKind, current: number | null, previous: number | null): KpiChange {
	if (current === null || previous === null) return { text: 'no comparison', tone: 'none', arrow: '', title: 'no value in one of the periods' };
	const delta = current - previous;
	let text: string;
	if (kind === 'rate') text = `${delta >= 0 ? '+' : '−'}${Math.abs(delta * 100).toFixed(1)} pp`;
	else if (previous === 0) text = delta === 0 ? '±0%' : 'new';
	else text = `${delta >= 0 ? '+' : '−'}${Math.abs((delta / previous) * 100).toFixed(1)}%`;
	const arrow = delta > 0 ? '▲' : delta < 0 ? '▼' : '';
	const neutral = kind === 'count' || Math.abs(delta) < 1e-9;
	const better = LOWER_IS_BETTER.has(key) ? delta < 0 : delta > 0;
	return {
		text,
		arrow,
		tone: neutral ? 'neutral' : better ? 'good' : 'bad',
		title: `${text} against the previous period (${formatKpi(kind, previous)} then)`
	};
}

/** The value as a chart plots it: rates in percent, durations in hours or minutes as given. */
export function chartValue(kind: KpiKind, value: number | null, unit: 'min' | 'h' = 'h'): number | null {
	if (value === null) return null;
	if (kind === 'rate') return Math.round(value * 1000) / 10;
	if (kind === 'quantile') return Math.round((value / (unit === 'h' ? 3600 : 60)) * 100) / 100;
	return value;
}
