// A merge step studied (and not shipped) after the excess-of-mass cut: join the two clusters
// whose separation ratio — their mean pairwise similarity over the geometric mean of their own
// mean within-cluster similarities — is highest, while it is at least `tau`. A merged cluster
// keeps the size-weighted mean of its parts' within-similarities: recomputed from its members
// it falls with every merge, which raises its ratio to everything else and chains the whole set
// into a few clusters. clusterSelectionStudy.ts scores it on labelled sets.

/** Per-cluster vector sums and sizes for labels 0..k-1 (-1 ignored). */
function clusterSums(vectors: Float32Array[], labels: Int32Array) {
	const k = labels.reduce((m, l) => Math.max(m, l + 1), 0);
	const dim = vectors[0]?.length ?? 0;
	const sums = Array.from({ length: k }, () => new Float64Array(dim));
	const sizes = new Array<number>(k).fill(0);
	labels.forEach((l, i) => {
		if (l < 0) return;
		sizes[l]++;
		for (let j = 0; j < dim; j++) sums[l][j] += vectors[i][j];
	});
	return { sums, sizes };
}

const dot64 = (a: Float64Array, b: Float64Array) => a.reduce((s, x, j) => s + x * b[j], 0);

/** Mean similarity between two groups of unit vectors from their sums; within one group (a === b), over distinct pairs. */
function meanSimilarity(sa: Float64Array, na: number, sb: Float64Array, nb: number, same: boolean): number {
	return same ? (dot64(sa, sa) - na) / Math.max(1, na * (na - 1)) : dot64(sa, sb) / (na * nb);
}

/** Labels after greedy merging (merged clusters take the lower label; other labels unchanged). */
export function mergeBySeparation(vectors: Float32Array[], labels: Int32Array, tau: number): Int32Array {
	const out = Int32Array.from(labels);
	const { sums, sizes } = clusterSums(vectors, labels);
	const within = sums.map((s, c) => (sizes[c] > 1 ? meanSimilarity(s, sizes[c], s, sizes[c], true) : 1));
	const alive = sizes.map((n) => n > 0);
	const ratio = (a: number, b: number) =>
		meanSimilarity(sums[a], sizes[a], sums[b], sizes[b], false) / Math.sqrt(Math.max(1e-12, within[a] * within[b]));
	for (;;) {
		let best: [number, number] | null = null;
		let bestRatio = tau;
		for (let a = 0; a < sums.length; a++)
			for (let b = a + 1; b < sums.length; b++) {
				if (!alive[a] || !alive[b]) continue;
				const r = ratio(a, b);
				if (r >= bestRatio) [best, bestRatio] = [[a, b], r];
			}
		if (!best) return out;
		const [a, b] = best;
		within[a] = (within[a] * sizes[a] + within[b] * sizes[b]) / (sizes[a] + sizes[b]);
		for (let j = 0; j < sums[a].length; j++) sums[a][j] += sums[b][j];
		sizes[a] += sizes[b];
		alive[b] = false;
		for (let i = 0; i < out.length; i++) if (out[i] === b) out[i] = a;
	}
}

/** Separation ratio of every cluster to its most similar other cluster: [a, b, ratio]. */
export function nearestClusterRatios(vectors: Float32Array[], labels: Int32Array): [number, number, number][] {
	const { sums, sizes } = clusterSums(vectors, labels);
	const within = sums.map((s, c) => (sizes[c] > 1 ? meanSimilarity(s, sizes[c], s, sizes[c], true) : 1));
	const live = sizes.flatMap((n, c) => (n > 0 ? [c] : []));
	return live.flatMap((a) => {
		let best = -1;
		let bestSim = -Infinity;
		for (const b of live) {
			if (b === a) continue;
			const s = meanSimilarity(sums[a], sizes[a], sums[b], sizes[b], false);
			if (s > bestSim) [best, bestSim] = [b, s];
		}
		return best < 0 ? [] : [[a, best, bestSim / Math.sqrt(Math.max(1e-12, within[a] * within[best]))] as [number, number, number]];
	});
}
