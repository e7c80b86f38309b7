// A robust baseline for one KPI series: where the week "should" be given the weeks before it,
// and how far it normally strays. Medians throughout, so one bad week in the history (last
// month's incident) moves neither the baseline nor the band.

/** MAD × this estimates the standard deviation of normally distributed data. */
export const MAD_TO_SD = 1.4826;

export function median(values: readonly number[]): number {
	if (!values.length) return NaN;
	const s = [...values].sort((a, b) => a - b);
	const mid = s.length >> 1;
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export interface HistoryPoint {
	/** Position in weeks relative to the week checked (−1 = the week before). */
	t: number;
	y: number;
}

export interface Baseline {
	/** The expected value at t = 0. */
	center: number;
	/** Robust standard deviation of the history around its fit: 1.4826 × median |residual|. */
	residualSd: number;
	/**
	 * How much wider a prediction for the week is than `residualSd` (≥ 1): for the few points
	 * the baseline rests on and, with a trend, for projecting beyond them.
	 */
	predictionFactor: number;
	/** Theil–Sen slope per week (0 without trend). */
	slope: number;
}

/**
 * Flat: the median of the history. With `followTrend`: the Theil–Sen line (median of the
 * pairwise slopes, median intercept) projected to t = 0 — robust to up to ~29% bad points.
 */
export function robustBaseline(history: readonly HistoryPoint[], followTrend: boolean): Baseline {
	let slope = 0;
	if (followTrend && history.length >= 3) {
		const slopes: number[] = [];
		for (let i = 0; i < history.length; i++)
			for (let j = i + 1; j < history.length; j++) {
				const dt = history[j].t - history[i].t;
				if (dt !== 0) slopes.push((history[j].y - history[i].y) / dt);
			}
		slope = median(slopes);
	}
	const intercept = median(history.map((p) => p.y - slope * p.t));
	const residuals = history.map((p) => Math.abs(p.y - (intercept + slope * p.t)));
	return {
		center: intercept,
		residualSd: MAD_TO_SD * median(residuals),
		predictionFactor: predictionFactor(
			history.map((p) => p.t),
			followTrend
		),
		slope
	};
}

/**
 * The least-squares prediction-interval factor at t = 0: sqrt(1 + 1/n + (0 − t̄)² / Σ(t − t̄)²)
 * with a fitted line, sqrt(1 + 1/n) with a flat level; and n/(n − parameters) for the
 * parameters the residuals were fitted with.
 */
function predictionFactor(ts: readonly number[], line: boolean): number {
	const n = ts.length;
	const parameters = line && n >= 3 ? 2 : 1;
	if (n <= parameters) return 1;
	const mean = ts.reduce((a, b) => a + b, 0) / n;
	const sxx = ts.reduce((a, t) => a + (t - mean) ** 2, 0);
	const leverage = parameters === 2 && sxx > 0 ? (mean * mean) / sxx : 0;
	return Math.sqrt((1 + 1 / n + leverage) * (n / (n - parameters)));
}
