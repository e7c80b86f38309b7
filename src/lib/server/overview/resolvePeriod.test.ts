import { describe, expect, it } from 'vitest';
import { previousPeriod, resolvePeriod } from './resolvePeriod';
import { filterParams, parseOverviewFilters, whereOf } from './overviewFilters';

describe('overview period', () => {
	it('defaults to the last four full ISO weeks up to the latest data', () => {
		// 2026-11-12 is a Thursday: its week ends Sunday 2026-11-15.
		expect(resolvePeriod({ from: null, to: null }, '2026-11-12')).toEqual({ from: '2026-10-19', to: '2026-11-15', days: 28 });
	});
	it('takes the dates given, filling the missing end', () => {
		expect(resolvePeriod({ from: '2026-10-01', to: '2026-10-10' }, '2026-11-12')).toEqual({
			from: '2026-10-01',
			to: '2026-10-10',
			days: 10
		});
		expect(resolvePeriod({ from: '2026-10-01', to: null }, '2026-11-12')).toEqual({ from: '2026-10-01', to: '2026-11-12', days: 43 });
		expect(resolvePeriod({ from: null, to: '2026-10-28' }, '2026-11-12')).toEqual({ from: '2026-10-01', to: '2026-10-28', days: 28 });
	});
	it('compares with the same number of days just before', () => {
		expect(previousPeriod({ from: '2026-10-19', to: '2026-11-15', days: 28 })).toEqual({ from: '2026-09-21', to: '2026-10-18', days: 28 });
		expect(previousPeriod({ from: '2026-03-01', to: '2026-03-01', days: 1 })).toEqual({ from: '2026-02-28', to: '2026-02-28', days: 1 });
	});
});

describe('overview filters in the URL', () => {
	it('reads, checks and writes them back in a stable order without empty values', () => {
		const f = parseOverviewFilters(new URLSearchParams('tier=vip&channel=chat&from=2026-10-01&queue='));
		expect(f).toEqual({ from: '2026-10-01', to: null, channel: 'chat', queue: null, language: null, tier: 'vip' });
		expect(whereOf(f)).toEqual(['channel:chat', 'tier:vip']);
		expect(filterParams(f).toString()).toBe('from=2026-10-01&channel=chat&tier=vip');
	});
	it('rejects bad dates and repeated filters in one line', () => {
		expect(() => parseOverviewFilters(new URLSearchParams('from=2026-02-30'))).toThrow(/bad from date "2026-02-30"/);
		expect(() => parseOverviewFilters(new URLSearchParams('channel=a&channel=b'))).toThrow(/^filter "channel" given more than once$/);
		expect(() => parseOverviewFilters(new URLSearchParams('from=2026-10-10&to=2026-10-01'))).toThrow(/after/);
	});
});
