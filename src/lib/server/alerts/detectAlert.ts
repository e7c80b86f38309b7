// Decides whether one week of one KPI series is outside its normal band, and by how much.
// Pure: the KPI engine's weekly figures in, a test statistic and a finding (or null) out.
// `testSeries` measures how unusual the week is (a standardized deviation and its p-value);
// `findingAt` turns that into an alert at a critical z, which the week's false-discovery
// control (queryAlerts) chooses across every series judged that week.
import type { KpiDefinition } from '../kpi';
import type { AlertRule } from './alertSettings';
import { MAD_TO_SD, median, robustBaseline } from './robustBaseline';
import { twoSidedP } from './normalTail';
import type { AlertFinding } from '../../alerts/types';

/** One week of one series, as the KPI engine computed it. */
export interface SeriesPoint {
	value: number | null;
	/** Rates only: the engine's numerator and denominator. */
	numerator?: number;
	denominator?: number;
	/**
	 * Quantiles only: the week's order-statistic interval of the quantile at the rule's z (the
	 * values at ranks n·q ± z·√(n·q·(1−q)) of its measured conversations).
	 */
	interval?: { low: number; high: number };
	/** Conversations in the week and scope: the sample size for counts and times. */
	conversations: number;
}

export type { AlertFinding };

export interface DetectOptions {
	followTrend: boolean;
	minHistoryWeeks: number;
}

/** How unusual one week of one series is, on the scale the series is judged on. */
export interface SeriesTest {
	kind: KpiDefinition['kind'];
	value: number;
	/** The baseline and the week on the judging scale (see `toScale`). */
	center: number;
	scaled: number;
	/** The standard deviation of the week around the baseline, on that scale, and its parts. */
	sd: number;
	samplingVar: number;
	/** (scaled − center) / sd. */
	z: number;
	/** Two-sided normal p-value of z. */
	pValue: number;
}

// Each kind is judged on a variance-stabilizing scale, where its sampling noise is nearly the
// same at every level: the arcsine square root for rates (Anscombe's: a week at 0/40 or 40/40
// is not certain), the square root for counts (Poisson), the logarithm for times (they change
// multiplicatively and are skewed). Near 0 and 1 a rate's binomial noise is lopsided; on the
// arcsine scale it is not, so a small queue's rate near 0% does not alert on its first few
// conversations.
const anscombeRate = (x: number, n: number) => Math.asin(Math.sqrt((x + 3 / 8) / (n + 3 / 4)));
const anscombeCount = (x: number) => 2 * Math.sqrt(Math.max(0, x) + 3 / 8);

function toScale(kind: KpiDefinition['kind'], p: SeriesPoint): number {
	const v = p.value!;
	if (kind === 'rate') {
		const n = p.denominator ?? 0;
		return anscombeRate(p.numerator ?? v * n, n);
	}
	return kind === 'count' ? anscombeCount(v) : Math.log(Math.max(v, 1));
}

function fromScale(kind: KpiDefinition['kind'], s: number): number {
	if (kind === 'rate') return Math.sin(Math.min(Math.PI / 2, Math.max(0, s))) ** 2;
	if (kind === 'count') return Math.max(0, (Math.max(0, s) / 2) ** 2 - 3 / 8);
	return Math.exp(s);
}

/** A point's own sampling variance on the judging scale; NaN when it has none (a time without interval). */
function samplingVariance(kind: KpiDefinition['kind'], p: SeriesPoint, z: number, side: 'low' | 'high' | 'both'): number {
	if (kind === 'rate') return 1 / (4 * (p.denominator ?? 0) + 2);
	if (kind === 'count') return 1;
	// A time: its order-statistic interval, read on the side asked (the one facing the baseline
	// for the week judged, so the week is outside the band only if that interval excludes it).
	if (!p.interval || p.value === null) return NaN;
	const lo = Math.log(Math.max(p.value, 1)) - Math.log(Math.max(p.interval.low, 1));
	const hi = Math.log(Math.max(p.interval.high, 1)) - Math.log(Math.max(p.value, 1));
	const half = (side === 'low' ? lo : side === 'high' ? hi : (lo + hi) / 2) / z;
	return half * half;
}

/**
 * `history` is oldest first and ends with the week before `current`; weeks without a value
 * (no conversations, a rate with denominator 0) are skipped, not counted as zero. Returns
 * null when the week can't be judged (rule off, too little history, too small a sample).
 */
export function testSeries(
	kind: KpiDefinition['kind'],
	rule: AlertRule,
	history: readonly SeriesPoint[],
	current: SeriesPoint,
	options: DetectOptions
): SeriesTest | null {
	if (!rule.enabled || current.value === null || !Number.isFinite(current.value)) return null;
	const kept = history
		.map((p, i) => ({ p, t: i - history.length }))
		.filter(({ p }) => p.value !== null && Number.isFinite(p.value) && (kind !== 'rate' || (p.denominator ?? 0) > 0));
	if (kept.length < options.minHistoryWeeks) return null;
	if (kind === 'rate' && (current.denominator ?? 0) < rule.minDenominator) return null;
	if (kind === 'quantile' && current.conversations < rule.minDenominator) return null;

	const points = kept.map(({ p, t }) => ({ t, y: toScale(kind, p) }));
	const base = robustBaseline(points, options.followTrend);
	const center = base.center;
	const baseline = fromScale(kind, center);
	if (kind === 'count' && Math.max(baseline, current.value) < rule.minDenominator) return null;
	const scaled = toScale(kind, current);
	const facing = scaled > center ? 'low' : 'high';

	// Each history week's residual from the baseline, in units of its own sampling noise: their
	// robust spread squared is the dispersion φ (quasi-binomial / quasi-Poisson), how much more
	// the series varies week to week than sampling alone explains. Medians, so last month's
	// incident in the history does not widen it. The week judged is never given less than its
	// own sampling noise (φ ≥ 1 for it); the baseline's uncertainty follows the history's spread.
	const historyVar = kept.map(({ p }) => samplingVariance(kind, p, rule.z, 'both'));
	let samplingVar: number;
	let weekVar: number;
	let baselineVar: number;
	const leverage = base.predictionFactor ** 2 - 1;
	if (kind === 'quantile') {
		// A time's interval is a distribution-free sampling band; its series' extra spread is
		// what the history shows beyond its typical interval (an additive variance component).
		const own = samplingVariance(kind, current, rule.z, facing);
		samplingVar = Number.isFinite(own) ? own : 0;
		const typical = median(historyVar.filter(Number.isFinite));
		const sdHistory = base.residualSd;
		weekVar = samplingVar + Math.max(0, sdHistory * sdHistory - (Number.isFinite(typical) ? typical : 0));
		baselineVar = sdHistory * sdHistory * leverage;
	} else {
		const standardized = points.map((p, i) => (p.y - (center + base.slope * p.t)) / Math.sqrt(historyVar[i]));
		// From 6–8 weeks a robust spread is a noisy estimate (a history that happens to look
		// smoother than sampling allows would make the band too narrow), so it is shrunk half-way
		// to the sampling model's own dispersion of 1: equal weight to the model and the history.
		const dispersion = ((MAD_TO_SD * median(standardized.map(Math.abs))) ** 2 + 1) / 2;
		samplingVar = samplingVariance(kind, current, rule.z, facing);
		weekVar = Math.max(1, dispersion) * samplingVar;
		baselineVar = dispersion * median(historyVar) * leverage;
	}
	const sd = Math.sqrt(weekVar + baselineVar);
	const deviation = scaled - center;
	const z = sd > 0 ? deviation / sd : deviation === 0 ? 0 : Math.sign(deviation) * Infinity;

	return { kind, value: current.value, center, scaled, sd, samplingVar, z, pValue: twoSidedP(z) };
}

/** The band of the rule's minimum change around a baseline, in the KPI's unit. */
function minimumChangeBand(kind: KpiDefinition['kind'], rule: AlertRule, baseline: number): [number, number] {
	if (kind === 'rate') return [baseline - rule.minAbsChange, baseline + rule.minAbsChange];
	if (kind === 'count') return [baseline * (1 - rule.minRelChange), baseline * (1 + rule.minRelChange)];
	return [baseline / (1 + rule.minRelChange), baseline * (1 + rule.minRelChange)];
}

/**
 * The week as an alert when it is at least `criticalZ` standard deviations off its baseline
 * and beyond the rule's minimum change; 'normal' otherwise.
 */
export function findingAt(
	test: SeriesTest,
	rule: AlertRule,
	criticalZ: number,
	/** Whether the deviation counts as a discovery (by default: beyond criticalZ). */
	significant = Math.abs(test.z) > criticalZ
): AlertFinding | 'normal' {
	const { kind } = test;
	const baseline = fromScale(kind, test.center);
	const noise = [fromScale(kind, test.center - criticalZ * test.sd), fromScale(kind, test.center + criticalZ * test.sd)];
	const meaningful = minimumChangeBand(kind, rule, baseline);
	const low = Math.max(0, Math.min(noise[0], meaningful[0]));
	const high = kind === 'rate' ? Math.min(1, Math.max(noise[1], meaningful[1])) : Math.max(noise[1], meaningful[1]);
	const value = test.value;
	if (!significant || (value >= meaningful[0] && value <= meaningful[1])) return 'normal';
	const direction = value > baseline ? 'up' : 'down';
	const edge = direction === 'up' ? high : low;
	const byMinimum = direction === 'up' ? meaningful[1] > noise[1] : meaningful[0] < noise[0];
	const limitedBy: AlertFinding['limitedBy'] = byMinimum
		? 'minimum_change'
		: test.samplingVar >= test.sd * test.sd - test.samplingVar
			? 'sampling'
			: 'history';
	const verdict =
		rule.polarity === 'neutral' ? 'neutral' : (direction === 'up') === (rule.polarity === 'higher_is_better') ? 'good' : 'bad';
	const change = value - baseline;
	return {
		value,
		baseline,
		low,
		high,
		direction,
		verdict,
		change,
		relativeChange: baseline === 0 ? null : change / baseline,
		severity: edge === baseline ? Infinity : Math.abs(change) / Math.abs(edge - baseline),
		limitedBy,
		pValue: test.pValue
	};
}

/** One series judged on its own, at the rule's z (no other series to share a false-discovery rate with). */
export function detectAlert(
	kind: KpiDefinition['kind'],
	rule: AlertRule,
	history: readonly SeriesPoint[],
	current: SeriesPoint,
	options: DetectOptions
): AlertFinding | 'normal' | null {
	const test = testSeries(kind, rule, history, current, options);
	return test && findingAt(test, rule, rule.z);
}
