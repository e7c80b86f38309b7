// The Benjamini–Hochberg step-up procedure: among many series judged in one week, which
// deviations are discoveries while the expected share of false ones stays at most q.

/**
 * The largest p-value that is still a discovery at false-discovery rate `q`: the largest
 * p₍ₖ₎ with p₍ₖ₎ ≤ k·q/m over the m p-values sorted ascending; 0 when none is (nothing is
 * discovered). Every p ≤ the returned value is a discovery.
 */
export function benjaminiHochberg(pValues: readonly number[], q: number): number {
	const sorted = pValues.filter((p) => Number.isFinite(p)).sort((a, b) => a - b);
	const m = sorted.length;
	let critical = 0;
	for (let k = 1; k <= m; k++) if (sorted[k - 1] <= (k * q) / m) critical = sorted[k - 1];
	return critical;
}
