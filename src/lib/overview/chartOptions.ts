// ECharts options for the overview (browser-safe, pure): every chart gets a title, named axes
// with units, a legend and a tooltip that prints values with their unit.
import type { EChartsOption } from 'echarts';

export interface SeriesSpec {
	name: string;
	values: (number | null)[];
	type?: 'line' | 'bar';
}

const fmt = (unit: string) => (value: unknown) =>
	value === null || value === undefined || value === '-'
		? 'no data'
		: `${Number(value).toLocaleString('en', { maximumFractionDigits: 2 })}${unit === '%' ? '%' : ` ${unit}`}`;

/**
 * A weekly trend: x = ISO weeks (their Monday), y = the unit given. `log` suits durations,
 * whose median and p90 differ by orders of magnitude (zeros can't be drawn there: gaps).
 */
export function trendOption(title: string, weeks: string[], series: SeriesSpec[], unit: string, yName: string, log = false): EChartsOption {
	if (log) series = series.map((s) => ({ ...s, values: s.values.map((v) => (v !== null && v > 0 ? v : null)) }));
	return {
		title: { text: title, left: 0, textStyle: { fontSize: 14 } },
		tooltip: { trigger: 'axis', valueFormatter: fmt(unit) },
		legend: { top: 24, left: 0, type: 'scroll' },
		grid: { top: 72, left: 56, right: 16, bottom: 48, containLabel: false },
		xAxis: {
			type: 'category',
			data: weeks,
			name: 'Week starting (Mon)',
			nameLocation: 'middle',
			nameGap: 30,
			axisLabel: { formatter: (v: string) => v.slice(5) }
		},
		yAxis: {
			type: log ? 'log' : 'value',
			logBase: 10,
			name: log ? `${yName} (log scale)` : yName,
			nameLocation: 'middle',
			nameGap: 42,
			min: unit === '%' ? 0 : undefined,
			axisLabel: {
				formatter: unit === '%' ? '{value}%' : log ? (v: number) => v.toLocaleString('en', { maximumSignificantDigits: 3 }) : '{value}'
			}
		},
		series: series.map((s) => ({
			name: s.name,
			type: s.type ?? 'line',
			data: s.values,
			connectNulls: false,
			showSymbol: true,
			symbolSize: 5
		}))
	};
}

/** A breakdown: conversations as bars (left axis) and one rate as a line (right axis, %). */
export function breakdownOption(
	title: string,
	dimensionLabel: string,
	groups: string[],
	volume: number[],
	rateName: string,
	rate: (number | null)[]
): EChartsOption {
	return {
		title: { text: title, left: 0, textStyle: { fontSize: 14 } },
		tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
		legend: { top: 24, left: 0 },
		grid: { top: 72, left: 64, right: 56, bottom: 56 },
		xAxis: {
			type: 'category',
			data: groups,
			name: dimensionLabel,
			nameLocation: 'middle',
			nameGap: 34,
			axisLabel: { interval: 0, rotate: groups.length > 6 ? 30 : 0, hideOverlap: true }
		},
		yAxis: [
			{ type: 'value', name: 'Conversations', nameLocation: 'middle', nameGap: 50 },
			{
				type: 'value',
				name: `${rateName} (%)`,
				nameLocation: 'middle',
				nameGap: 40,
				min: 0,
				max: 100,
				axisLabel: { formatter: '{value}%' },
				splitLine: { show: false }
			}
		],
		series: [
			{ name: 'Conversations', type: 'bar', data: volume, tooltip: { valueFormatter: fmt('conversations') }, barMaxWidth: 48 },
			{ name: rateName, type: 'line', yAxisIndex: 1, data: rate, tooltip: { valueFormatter: fmt('%') } }
		]
	};
}

/** A sparkline as an SVG polyline path in a w×h box (nulls break the line). */
export function sparklinePath(values: (number | null)[], w = 120, h = 32): string {
	const present = values.filter((v): v is number => v !== null);
	if (present.length === 0) return '';
	const min = Math.min(...present),
		max = Math.max(...present);
	const span = max - min || 1;
	const step = values.length > 1 ? w / (values.length - 1) : 0;
	let d = '',
		pen = false;
	values.forEach((v, i) => {
		if (v === null) return void (pen = false);
		const x = (i * step).toFixed(1),
			y = (h - 2 - ((v - min) / span) * (h - 4)).toFixed(1);
		d += `${pen ? 'L' : 'M'}${x} ${y} `;
		pen = true;
	});
	return d.trim();
}
