import { describe, expect, it } from 'vitest';
import { adjustedRandIndex, normalizedMutualInformation } from './clusterQuality';
import { averageLinkageTree } from './averageLinkageTree';
import { excessOfMass } from './excessOfMass';
import { clusterVectors } from './clusterVectors';
import { normalize } from './vectorMath';

/** Points around `k` random unit directions in `dim` dimensions, with seeded noise. */
function blobs(k: number, perBlob: number, dim: number, noise: number, seed = 1) {
	let s = seed;
	const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296) * 2 - 1;
	const centers = Array.from({ length: k }, () => normalize(Float32Array.from({ length: dim }, rand)));
	const vectors: Float32Array[] = [];
	const truth: number[] = [];
	for (let i = 0; i < k * perBlob; i++) {
		const c = i % k;
		vectors.push(normalize(Float32Array.from(centers[c], (v) => v + noise * rand())));
		truth.push(c);
	}
	return { vectors, truth };
}

describe('averageLinkageTree and excessOfMass', () => {
	it('builds the dendrogram bottom up with non-decreasing heights', async () => {
		const v = [
			[1, 0],
			[0.99, 0.14],
			[0, 1],
			[0.14, 0.99]
		].map((p) => normalize(Float32Array.from(p)));
		const tree = await averageLinkageTree(v);
		expect(Array.from(tree.size)).toEqual([2, 2, 4]);
		expect(tree.height[0]).toBeLessThanOrEqual(tree.height[1]);
		expect(tree.height[1]).toBeLessThan(tree.height[2]);
	});

	it('keeps the two well separated groups, not the root nor single points', async () => {
		const { vectors, truth } = blobs(2, 10, 16, 0.05, 4);
		const labels = excessOfMass(await averageLinkageTree(vectors), 3);
		expect(new Set(labels).size).toBe(2);
		expect(adjustedRandIndex(truth, Array.from(labels))).toBeCloseTo(1, 5);
	});
});

describe('clusterVectors', () => {
	const options = { assignSimilarity: 0.4, minClusterSize: 3, sampleSize: 300 };

	it('finds the number of clusters itself and recovers planted groups', async () => {
		const { vectors, truth } = blobs(12, 40, 64, 0.08);
		const r = await clusterVectors(vectors, options);
		expect(r.centroids.length).toBe(12);
		expect(normalizedMutualInformation(truth, Array.from(r.labels))).toBeCloseTo(1, 5);
		expect(adjustedRandIndex(truth, Array.from(r.labels))).toBeCloseTo(1, 5);
		expect(r.sizes.reduce((a, b) => a + b, 0)).toBe(vectors.length);
	});

	it('clusters groups missing from the sample in a later round', async () => {
		// One rare group of 6 among 3,000 points: the 300-point sample may miss it.
		const big = blobs(5, 600, 32, 0.05, 3);
		const rare = blobs(1, 6, 32, 0.05, 99);
		const r = await clusterVectors([...big.vectors, ...rare.vectors], options);
		const rareLabels = new Set(Array.from(r.labels.slice(3000)));
		expect(rareLabels.size).toBe(1);
		expect([...rareLabels][0]).toBeGreaterThanOrEqual(0);
		expect(r.centroids.length).toBe(6);
	});

	it('is deterministic and numbers clusters by size', async () => {
		const { vectors } = blobs(8, 30, 32, 0.1, 5);
		const a = await clusterVectors(vectors, options);
		const b = await clusterVectors(vectors, options);
		expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
		expect([...a.sizes].sort((x, y) => y - x)).toEqual(a.sizes);
	});

	it('leaves points far from every cluster as outliers and dissolves tiny clusters', async () => {
		const { vectors } = blobs(3, 20, 32, 0.05, 7);
		const loners = blobs(2, 1, 32, 0, 1234).vectors;
		const r = await clusterVectors([...vectors, ...loners], { ...options, assignSimilarity: 0.6 });
		expect(r.centroids.length).toBe(3);
		expect(Array.from(r.labels.slice(60))).toEqual([-1, -1]);
	});

	it('lets other work run while it clusters (a server keeps answering during "Mine again")', async () => {
		const { vectors } = blobs(10, 200, 64, 0.1, 11);
		let finished = false;
		let ticksWhileClustering = 0;
		// A timer that only counts turns it gets before the clustering is done: a synchronous
		// implementation would finish before any timer could run.
		const timer = setInterval(() => finished || ticksWhileClustering++, 1);
		const result = await clusterVectors(vectors, { ...options, sampleSize: 2000 }).then((r) => ((finished = true), r));
		clearInterval(timer);
		expect(result.centroids.length).toBe(10);
		expect(ticksWhileClustering).toBeGreaterThan(0);
	});

	it('builds the tree on the first viewDims components when given: the granularity follows them', async () => {
		// Two groups told apart by component 0, each made of two subgroups told apart by later ones.
		let seed = 3;
		const noise = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296 - 0.5) * 0.1;
		const vectors = Array.from({ length: 80 }, (_, i) => {
			const sub = i % 4;
			return normalize(Float32Array.from({ length: 8 }, (_, j) => (j === 0 ? (sub < 2 ? 1 : -1) : j === 1 + sub ? 1.5 : 0) + noise()));
		});
		expect((await clusterVectors(vectors, options)).centroids.length).toBe(4);
		const coarse = await clusterVectors(vectors, { ...options, viewDims: 1 });
		expect(coarse.centroids.length).toBe(2);
		expect(
			adjustedRandIndex(
				vectors.map((_, i) => (i % 4 < 2 ? 0 : 1)),
				Array.from(coarse.labels)
			)
		).toBeCloseTo(1, 5);
	});

	it('handles empty input', async () => {
		expect((await clusterVectors([], options)).centroids).toEqual([]);
	});
});

describe('cluster quality', () => {
	it('scores identical partitions 1 whatever the label names, and a random one near 0', async () => {
		expect(normalizedMutualInformation(['a', 'a', 'b', 'b'], [7, 7, 3, 3])).toBeCloseTo(1);
		expect(adjustedRandIndex(['a', 'a', 'b', 'b'], [7, 7, 3, 3])).toBeCloseTo(1);
		const truth = Array.from({ length: 400 }, (_, i) => i % 4);
		const noise = Array.from({ length: 400 }, (_, i) => Math.floor(i / 100));
		expect(adjustedRandIndex(truth, noise)).toBeCloseTo(0, 1);
		expect(normalizedMutualInformation(truth, noise)).toBeCloseTo(0, 1);
	});
});
