import { describe, expect, it } from 'vitest';
import { breakdownOption, sparklinePath, trendOption } from './chartOptions';

describe('chart options', () => {
	it('gives every trend a title, named axes with units and a tooltip that prints the unit', () => {
		const o = trendOption(
			'AI outcomes',
			['2026-10-05', '2026-10-12'],
			[{ name: 'Containment rate', values: [42.5, null] }],
			'%',
			'Share (%)'
		) as Record<string, any>;
		expect(o.title.text).toBe('AI outcomes');
		expect(o.xAxis.name).toBe('Week starting (Mon)');
		expect(o.yAxis.name).toBe('Share (%)');
		expect(o.tooltip.valueFormatter(42.5)).toBe('42.5%');
		expect(o.tooltip.valueFormatter(null)).toBe('no data');
		expect(o.series[0]).toMatchObject({ name: 'Containment rate', type: 'line', data: [42.5, null] });
	});
	it('drops zeros on a log scale (they cannot be drawn) and says it is one', () => {
		const o = trendOption(
			'Time to resolution',
			['a', 'b', 'c'],
			[{ name: 'median', values: [0, 2.5, null] }],
			'h',
			'Hours',
			true
		) as Record<string, any>;
		expect(o.yAxis).toMatchObject({ type: 'log', name: 'Hours (log scale)' });
		expect(o.series[0].data).toEqual([null, 2.5, null]);
		expect(o.tooltip.valueFormatter(2.5)).toBe('2.5 h');
	});
	it('puts volume and a rate on two axes in a breakdown', () => {
		const o = breakdownOption('By channel', 'Channel', ['chat', 'email'], [10, 5], 'Containment rate', [50, null]) as Record<string, any>;
		expect(o.yAxis.map((a: { name: string }) => a.name)).toEqual(['Conversations', 'Containment rate (%)']);
		expect(o.series.map((s: { type: string }) => s.type)).toEqual(['bar', 'line']);
	});
	it('draws a sparkline that breaks at missing weeks', () => {
		expect(sparklinePath([1, 2, null, 2], 30, 10)).toBe('M0.0 8.0 L10.0 2.0 M30.0 2.0');
		expect(sparklinePath([null, null])).toBe('');
		expect(sparklinePath([5, 5, 5], 20, 10)).toBe('M0.0 8.0 L10.0 8.0 L20.0 8.0');
	});
});
