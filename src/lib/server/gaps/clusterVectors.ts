// Finds clusters in any number of unit vectors in minutes: average-linkage agglomerative
// clustering (cut at a similarity threshold, so the number of clusters is found) on a
// deterministic sample, then every vector joins its nearest cluster centroid when close enough;
// leftovers are clustered the same way for a few rounds so rare topics missing from the sample
// still form clusters. Small clusters dissolve; what stays unassigned is an outlier (-1).
import { averageLinkage } from './averageLinkage';
import { centroid, dot } from './vectorMath';
import { pacer } from './yieldToEventLoop';

export interface ClusterOptions {
	clusterSimilarity: number;
	assignSimilarity: number;
	minClusterSize: number;
	/** At most this many vectors go through the O(m²) agglomerative step per round. */
	sampleSize: number;
	seed?: number;
	/** Rounds of clustering the leftovers. */
	rounds?: number;
	onProgress?: (message: string) => void;
}

export interface ClusterResult {
	/** Cluster per vector, 0..k-1 by decreasing size; -1 for an outlier. */
	labels: Int32Array;
	/** Similarity of each vector to its cluster's centroid (to the nearest centroid for outliers). */
	similarity: Float32Array;
	centroids: Float32Array[];
	sizes: number[];
}

/** Seeded, evenly spread sample of indices (a deterministic partial Fisher-Yates shuffle). */
function sampleIndices(indices: number[], size: number, seed: number): number[] {
	if (indices.length <= size) return indices;
	const a = indices.slice();
	let s = seed >>> 0 || 1;
	const rand = () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	for (let i = 0; i < size; i++) {
		const j = i + Math.floor(rand() * (a.length - i));
		[a[i], a[j]] = [a[j], a[i]];
	}
	return a.slice(0, size).sort((x, y) => x - y);
}

/** Nearest centroid (ties to the lower index) for the vectors at `indices`; label offset by `offset`. */
async function assign(
	vectors: Float32Array[],
	indices: Iterable<number>,
	centroids: Float32Array[],
	labels: Int32Array,
	similarity: Float32Array,
	minSimilarity: number,
	offset = 0
): Promise<void> {
	const pace = pacer();
	for (const i of indices) {
		await pace();
		let best = -1;
		let bestSim = -Infinity;
		for (let c = 0; c < centroids.length; c++) {
			const s = dot(vectors[i], centroids[c]);
			if (s > bestSim) {
				bestSim = s;
				best = c;
			}
		}
		labels[i] = best >= 0 && bestSim >= minSimilarity ? best + offset : -1;
		similarity[i] = best >= 0 ? bestSim : 0;
	}
}

const allIndices = (n: number) => Array.from({ length: n }, (_, i) => i);

export async function clusterVectors(vectors: Float32Array[], options: ClusterOptions): Promise<ClusterResult> {
	const n = vectors.length;
	const dim = vectors[0]?.length ?? 0;
	const labels = new Int32Array(n).fill(-1);
	const similarity = new Float32Array(n);
	let centroids: Float32Array[] = [];
	const rounds = options.rounds ?? 3;
	for (let round = 0; round < rounds; round++) {
		const leftovers: number[] = [];
		for (let i = 0; i < n; i++) if (labels[i] === -1) leftovers.push(i);
		if (leftovers.length < options.minClusterSize) break;
		const sample = sampleIndices(leftovers, options.sampleSize, (options.seed ?? 42) + round);
		options.onProgress?.(`clustering round ${round + 1}: ${sample.length.toLocaleString('en')} of ${leftovers.length.toLocaleString('en')} unassigned questions`);
		const sampleLabels = await averageLinkage(sample.map((i) => vectors[i]), options.clusterSimilarity);
		const groups = new Map<number, Float32Array[]>();
		sampleLabels.forEach((l, k) => {
			if (!groups.has(l)) groups.set(l, []);
			groups.get(l)!.push(vectors[sample[k]]);
		});
		// Singletons of the sample seed nothing: a cluster needs at least two similar questions.
		const fresh = [...groups.values()].filter((g) => g.length >= 2).map((g) => centroid(g, dim));
		if (fresh.length === 0) break;
		options.onProgress?.(`assigning ${leftovers.length.toLocaleString('en')} questions to ${fresh.length} new clusters`);
		await assign(vectors, leftovers, fresh, labels, similarity, options.assignSimilarity, centroids.length);
		centroids = [...centroids, ...fresh];
		if (sample.length === leftovers.length) break; // everything unassigned was looked at already
	}
	// Centroids from full membership; small clusters dissolve; then every vector picks its nearest
	// surviving cluster once (a later round's cluster may suit an early-assigned vector better).
	for (let pass = 0; pass < 2; pass++) {
		const members: Float32Array[][] = centroids.map(() => []);
		for (let i = 0; i < n; i++) if (labels[i] >= 0) members[labels[i]].push(vectors[i]);
		const before = centroids.length;
		centroids = members.filter((m) => m.length >= options.minClusterSize).map((m) => centroid(m, dim));
		if (pass === 1 && centroids.length === before) break;
		options.onProgress?.(`final assignment of ${n.toLocaleString('en')} questions to ${centroids.length} clusters`);
		await assign(vectors, allIndices(n), centroids, labels, similarity, options.assignSimilarity);
	}
	const counts = new Array(centroids.length).fill(0);
	for (let i = 0; i < n; i++) if (labels[i] >= 0) counts[labels[i]]++;
	// Clusters that still ended below the minimum after the final assignment: their members are outliers.
	for (let i = 0; i < n; i++) if (labels[i] >= 0 && counts[labels[i]] < options.minClusterSize) labels[i] = -1;
	const firstMember = new Array(centroids.length).fill(n);
	for (let i = n - 1; i >= 0; i--) if (labels[i] >= 0) firstMember[labels[i]] = i;
	const order = centroids
		.map((_, c) => c)
		.filter((c) => counts[c] >= options.minClusterSize)
		.sort((a, b) => counts[b] - counts[a] || firstMember[a] - firstMember[b]);
	const rank = new Int32Array(centroids.length).fill(-1);
	order.forEach((c, r) => (rank[c] = r));
	for (let i = 0; i < n; i++) if (labels[i] >= 0) labels[i] = rank[labels[i]];
	return { labels, similarity, centroids: order.map((c) => centroids[c]), sizes: order.map((c) => counts[c]) };
}
