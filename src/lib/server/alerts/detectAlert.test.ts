import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_SETTINGS, resolveAlertSettings } from './alertSettings';
import { detectAlert, type SeriesPoint } from './detectAlert';

const options = { followTrend: true, minHistoryWeeks: 6 };
const rate = (value: number, denominator: number): SeriesPoint => ({
	value,
	numerator: Math.round(value * denominator),
	denominator,
	conversations: denominator
});
const count = (value: number): SeriesPoint => ({ value, conversations: value });
const time = (value: number, conversations = 500): SeriesPoint => ({ value, conversations });
const containment = DEFAULT_ALERT_SETTINGS.kpis.containment_rate;

describe('detectAlert', () => {
	const steady = [0.5, 0.52, 0.49, 0.51, 0.5, 0.48, 0.51, 0.5].map((v) => rate(v, 1000));

	it('a rate far below its history at a large denominator is a bad drop', () => {
		const f = detectAlert('rate', containment, steady, rate(0.38, 1000), options);
		expect(f).not.toBeNull();
		expect(f).not.toBe('normal');
		if (!f || f === 'normal') return;
		expect(f).toMatchObject({ direction: 'down', verdict: 'bad' });
		expect(f.value).toBe(0.38);
		expect(f.baseline).toBeGreaterThan(0.48);
		expect(f.baseline).toBeLessThan(0.52);
		expect(f.low).toBeGreaterThan(0.38);
		expect(f.severity).toBeGreaterThan(1);
		expect(f.change).toBeCloseTo(0.38 - f.baseline, 12);
	});

	it('the same move on a small denominator stays inside the binomial band', () => {
		const small = [0.5, 0.52, 0.49, 0.51, 0.5, 0.48, 0.51, 0.5].map((v) => rate(v, 50));
		expect(detectAlert('rate', containment, small, rate(0.38, 50), options)).toBe('normal');
	});

	it('below minDenominator a week is not judged at all', () => {
		expect(detectAlert('rate', containment, steady, rate(0.1, 39), options)).toBeNull();
	});

	it('a week inside its band is normal; polarity decides good and bad', () => {
		expect(detectAlert('rate', containment, steady, rate(0.51, 1000), options)).toBe('normal');
		const up = detectAlert('rate', DEFAULT_ALERT_SETTINGS.kpis.escalation_rate, steady, rate(0.62, 1000), options);
		expect(up).toMatchObject({ direction: 'up', verdict: 'bad' });
		const better = detectAlert('rate', containment, steady, rate(0.62, 1000), options);
		expect(better).toMatchObject({ direction: 'up', verdict: 'good' });
	});

	it('follows a steady trend: the next step of a rising rate is normal, falling back to the old median is a drop', () => {
		const rising = [0.4, 0.42, 0.44, 0.46, 0.48, 0.5, 0.52, 0.54].map((v) => rate(v, 2000));
		expect(detectAlert('rate', containment, rising, rate(0.56, 2000), options)).toBe('normal');
		expect(detectAlert('rate', containment, rising, rate(0.47, 2000), options)).toMatchObject({ direction: 'down', verdict: 'bad' });
		// A flat median sees 0.47 as the usual level.
		expect(detectAlert('rate', containment, rising, rate(0.47, 2000), { ...options, followTrend: false })).toBe('normal');
	});

	it('too little history: not judged', () => {
		expect(detectAlert('rate', containment, steady.slice(0, 5), rate(0.2, 1000), options)).toBeNull();
		// weeks without a value do not count as history
		expect(
			detectAlert('rate', containment, [...steady.slice(0, 5), { value: null, conversations: 0 }], rate(0.2, 1000), options)
		).toBeNull();
	});

	it('counts: Poisson band and a minimum relative change; volumes are neutral', () => {
		const weeks = [300, 310, 295, 305, 300, 290, 310, 300].map(count);
		expect(detectAlert('count', DEFAULT_ALERT_SETTINGS.kpis.conversations, weeks, count(330), options)).toBe('normal');
		expect(detectAlert('count', DEFAULT_ALERT_SETTINGS.kpis.conversations, weeks, count(600), options)).toMatchObject({
			direction: 'up',
			verdict: 'neutral'
		});
	});

	it('times: judged on a log scale, only a doubling or halving alerts by default', () => {
		const weeks = [60, 62, 58, 61, 60, 59, 61, 60].map((v) => time(v));
		const rule = DEFAULT_ALERT_SETTINGS.kpis.first_response_time_median_s;
		expect(detectAlert('quantile', rule, weeks, time(100), options)).toBe('normal');
		const slow = detectAlert('quantile', rule, weeks, time(150), options);
		expect(slow).toMatchObject({ direction: 'up', verdict: 'bad', limitedBy: 'minimum_change' });
		if (slow && slow !== 'normal') expect(slow.high).toBeCloseTo(slow.baseline * 2, 6);
		expect(detectAlert('quantile', rule, weeks, time(150, 20), options)).toBeNull();
	});

	it("times: the week's order-statistic interval is its sampling band, read on the side facing the baseline", () => {
		const rule = DEFAULT_ALERT_SETTINGS.kpis.time_to_resolution_median_s;
		// Narrow intervals in the history: its spread is all week-to-week variation.
		const weeks = [60, 62, 58, 61, 60, 59, 61, 60].map((v) => ({ ...time(v), interval: { low: v * 0.9, high: v * 1.1 } }));
		const week = (value: number, low: number, high: number) => ({ ...time(value), interval: { low, high } });
		// A tight week at 2.5× the baseline is flagged.
		expect(detectAlert('quantile', rule, weeks, week(150, 140, 160), options)).toMatchObject({ direction: 'up', verdict: 'bad' });
		// A bimodal week whose median sits at the edge of the gap between fast and slow answers:
		// the ranks below it reach back to the fast answers, so the interval holds the baseline.
		const flip = detectAlert('quantile', rule, weeks, week(150, 20, 160), options);
		expect(flip).toBe('normal');
		// Only the side facing the baseline counts: a long tail above does not hide a move.
		expect(detectAlert('quantile', rule, weeks, week(150, 140, 5000), options)).toMatchObject({ direction: 'up' });
		// And a sampling-limited band says so.
		expect(detectAlert('quantile', rule, weeks, week(400, 150, 500), options)).toMatchObject({ limitedBy: 'sampling' });
	});

	it('a disabled rule never alerts', () => {
		const s = resolveAlertSettings({ kpis: { containment_rate: { enabled: false } } });
		expect(detectAlert('rate', s.kpis.containment_rate, steady, rate(0.1, 1000), options)).toBeNull();
	});
});

describe('resolveAlertSettings', () => {
	it('overrides one KPI and keeps the rest', () => {
		const s = resolveAlertSettings({ historyWeeks: 10, kpis: { reopen_rate: { z: 4, minAbsChange: 0.02 } } });
		expect(s.historyWeeks).toBe(10);
		expect(s.kpis.reopen_rate).toMatchObject({ z: 4, minAbsChange: 0.02, minDenominator: 40, polarity: 'lower_is_better' });
		expect(s.kpis.csat).toEqual(DEFAULT_ALERT_SETTINGS.kpis.csat);
	});

	it('rejects settings that make no sense, naming them', () => {
		expect(() => resolveAlertSettings({ kpis: { nope: {} } as never })).toThrow(/unknown KPI "nope"/);
		expect(() => resolveAlertSettings({ kpis: { csat: { z: -1 } } })).toThrow(/csat\.z/);
		expect(() => resolveAlertSettings({ minHistoryWeeks: 9 })).toThrow(/minHistoryWeeks/);
		expect(() => resolveAlertSettings({ scopes: ['tier' as never] })).toThrow(/alert scope "tier"/);
		// a typo is an error, not a silently ignored setting
		expect(() => resolveAlertSettings({ kpis: { csat: { minAbsChnage: 0.1 } as never } })).toThrow(
			/unknown alert setting csat\.minAbsChnage/
		);
		expect(() => resolveAlertSettings({ historyWeek: 4 } as never)).toThrow(/unknown alert setting "historyWeek"/);
	});
});
