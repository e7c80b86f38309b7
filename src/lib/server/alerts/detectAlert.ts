// Decides whether one week of one KPI series is outside its normal band, and by how much.
// Pure: the KPI engine's weekly figures in, a finding (or null) out.
import type { KpiDefinition } from '../kpi';
import type { AlertRule } from './alertSettings';
import { median, robustBaseline } from './robustBaseline';
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

/**
 * `history` is oldest first and ends with the week before `current`; weeks without a value
 * (no conversations, a rate with denominator 0) are skipped, not counted as zero. Returns
 * null when the week can't be judged (rule off, too little history, too small a sample),
 * 'normal' when it is inside its band.
 */
export function detectAlert(
	kind: KpiDefinition['kind'],
	rule: AlertRule,
	history: readonly SeriesPoint[],
	current: SeriesPoint,
	options: DetectOptions
): AlertFinding | 'normal' | null {
	if (!rule.enabled || current.value === null) return null;
	const points = history
		.map((p, i) => ({ t: i - history.length, y: p.value }))
		.filter((p): p is { t: number; y: number } => p.y !== null && Number.isFinite(p.y));
	if (points.length < options.minHistoryWeeks) return null;

	// Times are skewed and change multiplicatively: work on their logarithm.
	const log = kind === 'quantile';
	const toScale = (v: number) => (log ? Math.log(Math.max(v, 1)) : v);
	const fromScale = (v: number) => (log ? Math.exp(v) : v);
	const base = robustBaseline(log ? points.map((p) => ({ t: p.t, y: toScale(p.y) })) : points, options.followTrend);
	let center = base.center;
	if (kind === 'rate') center = Math.min(1, Math.max(0, center));
	if (kind === 'count') center = Math.max(0, center);
	const value = current.value;

	// The week's expected variance around the baseline: its own sampling noise (binomial for a
	// rate at this week's denominator, Poisson for a count, the order-statistic interval for a
	// quantile), the series' extra week-to-week variation (what the history's spread shows
	// beyond its own sampling noise), and the baseline's own uncertainty (the prediction factor).
	const sd = base.residualSd;
	const baselineVar = sd * sd * (base.predictionFactor ** 2 - 1);
	let samplingVar: number;
	let extraVar: number;
	let minimumChange: number;
	if (kind === 'rate') {
		const n = current.denominator ?? 0;
		if (n < rule.minDenominator) return null;
		// The score-test (Wilson) variance at the baseline rate: the week's Wilson interval
		// excludes the baseline exactly when the rate is outside the band. Pulled off 0 and 1
		// (add-one) so a baseline of exactly 0 still has a band.
		const binomial = (p: number, size: number) => {
			const q = (p * size + 1) / (size + 2);
			return (q * (1 - q)) / size;
		};
		samplingVar = binomial(center, n);
		const historyNoise = median(
			history.filter((h) => h.value !== null && (h.denominator ?? 0) > 0).map((h) => binomial(h.value!, h.denominator!))
		);
		extraVar = Math.max(0, sd * sd - (Number.isFinite(historyNoise) ? historyNoise : 0));
		minimumChange = rule.minAbsChange;
	} else if (kind === 'count') {
		if (Math.max(center, value) < rule.minDenominator) return null;
		samplingVar = Math.max(center, 1);
		extraVar = Math.max(0, sd * sd - median(points.map((p) => Math.max(p.y, 1))));
		minimumChange = rule.minRelChange * center;
	} else {
		if (current.conversations < rule.minDenominator) return null;
		// The week's own sampling noise from its order-statistic interval (on the log scale, as
		// the baseline): the side of the interval facing the baseline, so the week is outside
		// the band only if that interval excludes the baseline — as the Wilson band for rates.
		// Distribution-free, so a median that can flip between fast (AI) and slow (human)
		// answers gets a wide interval across the gap. The history's typical interval is its
		// sampling part of the spread, as for rates.
		const facing = toScale(value) > center ? 'low' : 'high';
		const halfLog = (p: SeriesPoint, side: 'low' | 'high' | 'both') => {
			if (!p.interval || p.value === null) return NaN;
			const lo = toScale(p.value) - toScale(p.interval.low);
			const hi = toScale(p.interval.high) - toScale(p.value);
			return (side === 'low' ? lo : side === 'high' ? hi : (lo + hi) / 2) / rule.z;
		};
		const own = halfLog(current, facing);
		samplingVar = Number.isFinite(own) ? own * own : 0;
		const historyNoise = median(
			history
				.map((h) => halfLog(h, 'both'))
				.filter(Number.isFinite)
				.map((v) => v * v)
		);
		extraVar = Math.max(0, sd * sd - (Number.isFinite(historyNoise) ? historyNoise : 0));
		minimumChange = Math.log(1 + rule.minRelChange);
	}
	const noise = rule.z * Math.sqrt(samplingVar + extraVar + baselineVar);
	const half = Math.max(noise, minimumChange);
	const limitedBy: AlertFinding['limitedBy'] =
		minimumChange > noise ? 'minimum_change' : samplingVar > extraVar + baselineVar ? 'sampling' : 'history';
	const deviation = toScale(value) - center;
	if (half <= 0 ? deviation === 0 : Math.abs(deviation) <= half) return 'normal';

	const baseline = fromScale(center);
	const direction = deviation > 0 ? 'up' : 'down';
	const verdict =
		rule.polarity === 'neutral' ? 'neutral' : (direction === 'up') === (rule.polarity === 'higher_is_better') ? 'good' : 'bad';
	const change = value - baseline;
	return {
		value,
		baseline,
		low: kind === 'rate' ? Math.max(0, center - half) : Math.max(0, fromScale(center - half)),
		high: kind === 'rate' ? Math.min(1, center + half) : fromScale(center + half),
		direction,
		verdict,
		change,
		relativeChange: baseline === 0 ? null : change / baseline,
		severity: half > 0 ? Math.abs(deviation) / half : Infinity,
		limitedBy
	};
}
