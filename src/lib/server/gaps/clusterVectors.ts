// Finds clusters in any number of unit vectors, their number found from the data: an
// average-linkage dendrogram of a deterministic sample, from which HDBSCAN's excess-of-mass rule
// keeps the most stable clusters (excessOfMass.ts); then every vector joins its nearest cluster
// centroid when close enough. Small clusters dissolve; what stays unassigned is an outlier (-1).
// For LSA vectors the tree is built on the leading components only (`viewDims`): they carry the
// broad topics, the later ones mostly single words, which would split a topic by its wording.
import { averageLinkageTree } from './averageLinkageTree';
import { excessOfMass } from './excessOfMass';
import { seededSample } from './seededRandom';
import { centroid, dot, normalize } from './vectorMath';
import { pacer } from './yieldToEventLoop';

export interface ClusterOptions {
	/** A vector joins its nearest cluster when its similarity to the centroid is at least this. */
	assignSimilarity: number;
	minClusterSize: number;
	/** At most this many vectors go through the O(m²) dendrogram; the rest join the nearest cluster found. */
	sampleSize: number;
	/**
	 * For vectors whose dimensions are ordered components (LSA's): build the dendrogram on the
	 * leading components that hold this share of the sample's energy. Unset: all dimensions.
	 */
	viewEnergy?: number;
	/** A fixed number of leading components for the tree instead (overrides viewEnergy): what the granularity study scans. */
	viewDims?: number;
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

/** Fewer leading dimensions than this are never enough to tell topics apart, however the energy falls. */
const MIN_VIEW_DIMS = 10;

/** How many leading dimensions hold `share` of the vectors' total energy (sum of squares); at least MIN_VIEW_DIMS. */
export function leadingDims(vectors: Float32Array[], share: number): number {
	const dim = vectors[0]?.length ?? 0;
	const energy = new Float64Array(dim);
	for (const v of vectors) for (let j = 0; j < dim; j++) energy[j] += v[j] * v[j];
	const total = energy.reduce((a, b) => a + b, 0);
	let sum = 0;
	for (let j = 0; j < dim; j++) if ((sum += energy[j]) >= share * total) return Math.min(dim, Math.max(MIN_VIEW_DIMS, j + 1));
	return dim;
}

/** The first `dims` coordinates, unit length again. */
function view(v: Float32Array, dims: number | undefined): Float32Array {
	return dims && dims < v.length ? normalize(v.slice(0, dims)) : v;
}

export async function clusterVectors(vectors: Float32Array[], options: ClusterOptions): Promise<ClusterResult> {
	const n = vectors.length;
	const dim = vectors[0]?.length ?? 0;
	const labels = new Int32Array(n).fill(-1);
	const similarity = new Float32Array(n);
	let centroids: Float32Array[] = [];
	// Round 1 builds the tree on a sample; later rounds do the same for what is still unassigned,
	// so a rare topic the first sample missed can still form a cluster.
	for (let round = 0; round < (options.rounds ?? 3); round++) {
		const leftovers = allIndices(n).filter((i) => labels[i] === -1 && dot(vectors[i], vectors[i]) > 0);
		if (leftovers.length < Math.max(2, options.minClusterSize)) break;
		const sample = seededSample(leftovers, options.sampleSize, (options.seed ?? 42) + round);
		options.onProgress?.(
			`clustering round ${round + 1}: ${sample.length.toLocaleString('en')} of ${leftovers.length.toLocaleString('en')} unassigned questions`
		);
		const dims = options.viewDims
			? Math.min(dim, options.viewDims)
			: options.viewEnergy
				? leadingDims(
						sample.map((i) => vectors[i]),
						options.viewEnergy
					)
				: undefined;
		if (dims)
			options.onProgress?.(
				`tree on the ${dims} leading components${options.viewDims ? '' : ` (${Math.round(options.viewEnergy! * 100)}% of the energy)`}`
			);
		const tree = await averageLinkageTree(sample.map((i) => view(vectors[i], dims)));
		const groups = new Map<number, Float32Array[]>();
		excessOfMass(tree, options.minClusterSize).forEach((l, k) => {
			if (l < 0) return;
			if (!groups.has(l)) groups.set(l, []);
			groups.get(l)!.push(vectors[sample[k]]);
		});
		const fresh = [...groups.values()].map((g) => centroid(g, dim));
		if (fresh.length === 0) break;
		await assign(vectors, leftovers, fresh, labels, similarity, options.assignSimilarity, centroids.length);
		centroids = [...centroids, ...fresh];
		if (sample.length === leftovers.length) break; // everything unassigned was looked at already
	}
	// Centroids from full membership; small clusters dissolve; then every vector picks its nearest
	// surviving cluster again.
	for (let pass = 0; pass < 3 && centroids.length; pass++) {
		options.onProgress?.(`assigning ${n.toLocaleString('en')} questions to ${centroids.length} clusters`);
		await assign(vectors, allIndices(n), centroids, labels, similarity, options.assignSimilarity);
		const members: Float32Array[][] = centroids.map(() => []);
		for (let i = 0; i < n; i++) if (labels[i] >= 0) members[labels[i]].push(vectors[i]);
		const before = centroids.length;
		centroids = members.filter((m) => m.length >= options.minClusterSize).map((m) => centroid(m, dim));
		if (centroids.length === before && pass > 0) break;
	}
	await assign(vectors, allIndices(n), centroids, labels, similarity, options.assignSimilarity);
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
