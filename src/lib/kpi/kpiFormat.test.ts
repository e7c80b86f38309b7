import { describe, expect, it } from 'vitest';
import { chartValue, formatDuration, formatKpi, kpiChange } from './kpiFormat';

describe('KPI formatting', () => {
	it('shows rates as percentages, durations in units, counts whole, null as a dash', () => {
		expect(formatKpi('rate', 0.4237)).toBe('42.4%');
		expect(formatKpi('quantile', 45)).toBe('45 s');
		expect(formatKpi('quantile', 5400)).toBe('1.5 h');
		expect(formatKpi('count', 12345)).toBe('12,345');
		expect(formatKpi('rate', null)).toBe('–');
		expect(formatDuration(2 * 86400)).toBe('2.0 d');
	});
	it('compares rates in points and the rest in percent, coloured by which way is good', () => {
		expect(kpiChange('containment_rate', 0.5, 0.4)).toMatchObject({ text: '+10.0 pp', tone: 'good', arrow: '▲' });
		expect(kpiChange('reopen_rate', 0.5, 0.4)).toMatchObject({ tone: 'bad' });
		expect(kpiChange('first_response_time_median_s', 90, 120)).toMatchObject({ text: '−25.0%', tone: 'good', arrow: '▼' });
		expect(kpiChange('conversations', 110, 100)).toMatchObject({ text: '+10.0%', tone: 'neutral' });
		expect(kpiChange('csat', null, 0.8).tone).toBe('none');
	});
	it('plots rates in percent and durations in hours', () => {
		expect(chartValue('rate', 0.1234)).toBe(12.3);
		expect(chartValue('quantile', 5400)).toBe(1.5);
		expect(chartValue('quantile', 90, 'min')).toBe(1.5);
	});
});
