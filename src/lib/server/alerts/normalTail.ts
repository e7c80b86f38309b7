// The standard normal's two-sided tail and its inverse: what turns a week's standardized
// deviation into a p-value for the false-discovery control, and a critical p back into a band.

/** erfc(x) for x ≥ 0 (Numerical Recipes' Chebyshev fit, relative error < 1.2e-7 everywhere). */
function erfc(x: number): number {
	const t = 1 / (1 + 0.5 * x);
	const poly =
		-1.26551223 +
		t *
			(1.00002368 +
				t *
					(0.37409196 +
						t *
							(0.09678418 +
								t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
	return t * Math.exp(-x * x + poly);
}

/** P(|Z| ≥ |z|) for a standard normal Z. */
export function twoSidedP(z: number): number {
	return Math.min(1, erfc(Math.abs(z) / Math.SQRT2));
}

/** The z with twoSidedP(z) = p (0 < p ≤ 1), by bisection: monotone, and only run once per week and family. */
export function criticalZ(p: number): number {
	if (!(p > 0)) return Infinity;
	if (p >= 1) return 0;
	let lo = 0;
	let hi = 40;
	for (let i = 0; i < 100; i++) {
		const mid = (lo + hi) / 2;
		if (twoSidedP(mid) > p) lo = mid;
		else hi = mid;
	}
	return (lo + hi) / 2;
}
