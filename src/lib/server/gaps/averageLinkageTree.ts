// Average-linkage (UPGMA) agglomerative clustering of unit vectors as a full dendrogram, built
// with the nearest-neighbour-chain algorithm: O(m²) time and one m×m matrix, so a few thousand
// points take seconds. clusterVectors runs it on a sample and picks clusters from the tree.
import { dot } from './vectorMath';
import { pacer } from './yieldToEventLoop';

/** Merge t creates node m + t from nodes left[t] and right[t] (ids < m are the input points). */
export interface Dendrogram {
	points: number;
	left: Int32Array;
	right: Int32Array;
	/** Average cosine distance (1 - similarity) between the two merged groups, non-decreasing in t. */
	height: Float64Array;
	/** Points under node m + t. */
	size: Int32Array;
}

export async function averageLinkageTree(vectors: Float32Array[]): Promise<Dendrogram> {
	const pace = pacer();
	const m = vectors.length;
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
	// Average linkage has no inversions: sorted by height, the merges form the dendrogram bottom up.
	merges.sort((x, y) => x.height - y.height || x.a - y.a || x.b - y.b);
	const tree: Dendrogram = {
		points: m,
		left: new Int32Array(merges.length),
		right: new Int32Array(merges.length),
		height: new Float64Array(merges.length),
		size: new Int32Array(merges.length)
	};
	const parent = Int32Array.from({ length: m }, (_, i) => i);
	const node = Int32Array.from({ length: m }, (_, i) => i);
	const find = (x: number): number => {
		while (parent[x] !== x) {
			parent[x] = parent[parent[x]];
			x = parent[x];
		}
		return x;
	};
	const sizeOf = (n: number) => (n < m ? 1 : tree.size[n - m]);
	merges.forEach(({ a, b, height }, t) => {
		const ra = find(a);
		const rb = find(b);
		tree.left[t] = node[ra];
		tree.right[t] = node[rb];
		tree.height[t] = height;
		tree.size[t] = sizeOf(node[ra]) + sizeOf(node[rb]);
		const root = Math.min(ra, rb);
		parent[Math.max(ra, rb)] = root;
		node[root] = m + t;
	});
	return tree;
}
