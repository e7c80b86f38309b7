// Average-linkage (UPGMA) agglomerative clustering of unit vectors cut at a cosine-similarity
// threshold, with the nearest-neighbour-chain algorithm: O(m²) time and one m×m matrix, so a
// few thousand points take seconds. Used on a sample; clusterVectors assigns the rest.
import { dot } from './vectorMath';
import { pacer } from './yieldToEventLoop';

/**
 * Returns a cluster index per input vector (0..k-1, in order of first appearance). Two groups
 * merge while their average pairwise similarity is at least `minSimilarity`. Deterministic:
 * ties go to the lower index.
 */
export async function averageLinkage(vectors: Float32Array[], minSimilarity: number): Promise<Int32Array> {
	const pace = pacer();
	const m = vectors.length;
	const labels = new Int32Array(m);
	if (m === 0) return labels;
	// Distances (1 - cosine) as a full matrix; row i is updated in place as clusters merge.
	const d = new Float32Array(m * m);
	for (let i = 0; i < m; i++) {
		await pace();
		for (let j = i + 1; j < m; j++) {
			const v = 1 - dot(vectors[i], vectors[j]);
			d[i * m + j] = v;
			d[j * m + i] = v;
		}
	}
	const size = new Int32Array(m).fill(1);
	const active = new Uint8Array(m).fill(1);
	const merges: { a: number; b: number; height: number }[] = [];
	const chain: number[] = [];
	let remaining = m;
	while (remaining > 1) {
		await pace();
		if (chain.length === 0) {
			let first = 0;
			while (!active[first]) first++;
			chain.push(first);
		}
		const top = chain[chain.length - 1];
		const prev = chain.length > 1 ? chain[chain.length - 2] : -1;
		// Nearest active neighbour of `top`; prefer the previous chain element on ties (guarantees termination).
		let best = -1;
		let bestD = Infinity;
		const row = top * m;
		for (let j = 0; j < m; j++) {
			if (j === top || !active[j]) continue;
			const v = d[row + j];
			if (v < bestD || (v === bestD && j === prev)) {
				best = j;
				bestD = v;
			}
		}
		if (best === prev) {
			chain.pop();
			chain.pop();
			// Merge `best` into `top` (keep the lower index as the survivor for determinism).
			const keep = Math.min(top, best);
			const drop = Math.max(top, best);
			merges.push({ a: keep, b: drop, height: bestD });
			const nk = size[keep];
			const nd = size[drop];
			for (let j = 0; j < m; j++) {
				if (!active[j] || j === keep || j === drop) continue;
				const v = (nk * d[keep * m + j] + nd * d[drop * m + j]) / (nk + nd);
				d[keep * m + j] = v;
				d[j * m + keep] = v;
			}
			size[keep] = nk + nd;
			active[drop] = 0;
			remaining--;
		} else chain.push(best);
	}
	// Average linkage has no inversions: cutting the dendrogram at a height is applying every
	// merge at or below it, in any order.
	const parent = new Int32Array(m).map((_, i) => i);
	const find = (x: number): number => {
		while (parent[x] !== x) {
			parent[x] = parent[parent[x]];
			x = parent[x];
		}
		return x;
	};
	const maxDistance = 1 - minSimilarity;
	for (const { a, b, height } of merges) {
		if (height <= maxDistance + 1e-9) {
			const ra = find(a);
			const rb = find(b);
			if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
		}
	}
	const ids = new Map<number, number>();
	for (let i = 0; i < m; i++) {
		const r = find(i);
		if (!ids.has(r)) ids.set(r, ids.size);
		labels[i] = ids.get(r)!;
	}
	return labels;
}
