// How a KPI value reads on screen (browser-safe): rates as percentages, quantiles (seconds)
// as durations, counts as whole numbers; and how a change against the previous period reads,
// coloured by the direction the catalogue says is good for that KPI.
import { KPI_CATALOGUE, type KpiKey, type KpiKind } from './kpiCatalogue';

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
export function kpiChange(key: KpiKey, current: number | null, previous: number | null): KpiChange {
	const { kind, better: good } = KPI_CATALOGUE[key];
	if (current === null || previous === null)
		return { text: 'no comparison', tone: 'none', arrow: '', title: 'no value in one of the periods' };
	const delta = current - previous;
	let text: string;
	if (kind === 'rate') text = `${delta >= 0 ? '+' : '−'}${Math.abs(delta * 100).toFixed(1)} pp`;
	else if (previous === 0) text = delta === 0 ? '±0%' : 'new';
	else text = `${delta >= 0 ? '+' : '−'}${Math.abs((delta / previous) * 100).toFixed(1)}%`;
	const arrow = delta > 0 ? '▲' : delta < 0 ? '▼' : '';
	const neutral = good === 'neither' || Math.abs(delta) < 1e-9;
	const better = good === 'lower' ? delta < 0 : delta > 0;
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
