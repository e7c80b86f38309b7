import { describe, expect, it } from 'vitest';
import { foldedText } from '../../alerts/alertText';
import { DEFAULT_ALERT_SETTINGS } from './alertSettings';
import { benjaminiHochberg } from './benjaminiHochberg';
import { testSeries, type SeriesPoint } from './detectAlert';
import { criticalZ, twoSidedP } from './normalTail';
import type { SeriesJudgement } from './seriesAlerts';
import { weekAlerts } from './weekAlerts';

const options = { followTrend: true, minHistoryWeeks: 6 };
const rate = (value: number, denominator: number): SeriesPoint => ({
	value,
	numerator: Math.round(value * denominator),
	denominator,
	conversations: denominator
});
const containment = DEFAULT_ALERT_SETTINGS.kpis.containment_rate;

describe('normal tail', () => {
	it('two-sided p-values and their inverse', () => {
		expect(twoSidedP(0)).toBeCloseTo(1, 6);
		expect(twoSidedP(1.959964)).toBeCloseTo(0.05, 6);
		expect(twoSidedP(-3)).toBeCloseTo(0.0026998, 6);
		expect(criticalZ(0.05)).toBeCloseTo(1.959964, 4);
		expect(criticalZ(0.0026998)).toBeCloseTo(3, 4);
		expect(criticalZ(0)).toBe(Infinity);
	});
});

describe('benjaminiHochberg', () => {
	it('the largest p-value under its step k·q/m, or 0', () => {
		// m = 5, q = 0.1: steps 0.02, 0.04, 0.06, 0.08, 0.1
		expect(benjaminiHochberg([0.5, 0.001, 0.03, 0.05, 0.9], 0.1)).toBe(0.05);
		expect(benjaminiHochberg([0.5, 0.03, 0.9, 0.7, 0.6], 0.1)).toBe(0);
		expect(benjaminiHochberg([], 0.1)).toBe(0);
	});
});

describe('testSeries', () => {
	const steady = [0.5, 0.52, 0.49, 0.51, 0.5, 0.48, 0.51, 0.5].map((v) => rate(v, 1000));

	it('a series that varies more than binomially week to week gets a wider band (its dispersion)', () => {
		const noisy = [0.44, 0.56, 0.47, 0.55, 0.43, 0.57, 0.46, 0.53].map((v) => rate(v, 1000));
		const calm = testSeries('rate', containment, steady, rate(0.4, 1000), options)!;
		const wide = testSeries('rate', containment, noisy, rate(0.4, 1000), options)!;
		expect(wide.sd).toBeGreaterThan(2 * calm.sd);
		expect(Math.abs(calm.z)).toBeGreaterThan(4);
		expect(Math.abs(wide.z)).toBeLessThan(2);
	});

	it('a small series near 0%: a few conversations after weeks of none is not a large deviation', () => {
		const zeros = [0, 0, 0.02, 0, 0, 0, 0.02, 0].map((v) => rate(v, 50));
		const t = testSeries('rate', DEFAULT_ALERT_SETTINGS.kpis.reopen_rate, zeros, rate(0.06, 50), options)!;
		expect(t.z).toBeGreaterThan(0);
		expect(t.z).toBeLessThan(2.8);
	});
});

describe('weekAlerts', () => {
	const history = [0.5, 0.52, 0.49, 0.51, 0.5, 0.48, 0.51, 0.5].map((v) => rate(v, 800));
	const judgement = (kpi: SeriesJudgement['kpi'], value: number, dimension: 'all' | 'queue' = 'all'): SeriesJudgement => ({
		week: '2026-W42',
		kpi,
		label: kpi,
		scope: dimension === 'all' ? { dimension, value: null } : { dimension, value: 'billing' },
		numerator: Math.round(value * 800),
		denominator: 800,
		test: testSeries('rate', DEFAULT_ALERT_SETTINGS.kpis[kpi], history, rate(value, 800), options)!
	});
	const quiet = (['reopen_rate', 'reroute_rate', 'draft_edit_rate', 'draft_reject_rate', 'csat', 'repeat_contact_rate'] as const).map((k) =>
		judgement(k, 0.5)
	);

	it('one moderate move among quiet series is not a discovery; the same move beside others like it is', () => {
		const alone = judgement('containment_rate', 0.435);
		expect(alone.test.z).toBeLessThan(-2.4);
		expect(alone.test.z).toBeGreaterThan(-2.69);
		expect(weekAlerts([alone, ...quiet], DEFAULT_ALERT_SETTINGS)).toEqual([]);
		const together = [alone, judgement('escalation_rate', 0.6), judgement('unanswered_rate', 0.6)];
		const alerts = weekAlerts([...together, ...quiet], DEFAULT_ALERT_SETTINGS);
		expect(alerts.map((a) => [a.kpi, a.direction]).sort()).toEqual([
			['containment_rate', 'down'],
			['escalation_rate', 'up'],
			['unanswered_rate', 'up']
		]);
		expect(alerts[0].link).toMatch(/^\/conversations\?kpi=/);
		expect(alerts.every((a) => a.pValue < 0.05 && a.severity > 1)).toBe(true);
	});

	it('breakdowns are their own family: a breakdown move does not lower the bar for the overall figures', () => {
		const alone = judgement('containment_rate', 0.435);
		const breakdowns = (['escalation_rate', 'unanswered_rate', 'reopen_rate'] as const).map((k) => judgement(k, 0.6, 'queue'));
		const alerts = weekAlerts([alone, ...quiet, ...breakdowns], DEFAULT_ALERT_SETTINGS);
		expect(alerts.map((a) => a.scope.dimension)).toEqual(['queue', 'queue', 'queue']);
	});

	it('a breakdown moving the same way as its overall series is folded under it; the other way it stands alone', () => {
		const overall = judgement('containment_rate', 0.4);
		const sameWay = judgement('containment_rate', 0.38, 'queue');
		const otherKpi = judgement('escalation_rate', 0.62, 'queue');
		const alerts = weekAlerts([overall, sameWay, otherKpi, ...quiet], DEFAULT_ALERT_SETTINGS);
		expect(alerts.map((a) => [a.kpi, a.scope.dimension, a.folded?.map((f) => f.scope.value) ?? null])).toEqual([
			['containment_rate', 'all', ['billing']],
			['escalation_rate', 'queue', null]
		]);
		expect(foldedText(alerts[0])).toMatch(/^also in queue billing −1[12]\.\d pp$/);
		const opposite = weekAlerts([overall, judgement('containment_rate', 0.62, 'queue'), ...quiet], DEFAULT_ALERT_SETTINGS);
		expect(opposite.map((a) => [a.scope.dimension, a.direction, a.folded?.length ?? 0])).toEqual([
			['all', 'down', 0],
			['queue', 'up', 0]
		]);
	});

	it('a discovery smaller than the minimum change is not an alert', () => {
		const big = [0.5, 0.501, 0.499, 0.5, 0.5, 0.501, 0.499, 0.5].map((v) => rate(v, 200_000));
		const tiny = { ...judgement('containment_rate', 0.5), test: testSeries('rate', containment, big, rate(0.47, 200_000), options)! };
		expect(Math.abs(tiny.test.z)).toBeGreaterThan(5);
		expect(weekAlerts([tiny, ...quiet], DEFAULT_ALERT_SETTINGS)).toEqual([]);
	});
});
