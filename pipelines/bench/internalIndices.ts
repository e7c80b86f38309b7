// Internal (label-free) clustering indices on unit vectors, used by clusterSelectionStudy.ts to
// ask whether any of them could pick the clustering's granularity: mean silhouette (cosine
// distance; an outlier counts 0), Calinski-Harabasz and Davies-Bouldin (Euclidean, outliers left out).
import { dot } from '../../src/lib/server/gaps/vectorMath';

export interface InternalIndices {
	silhouette: number;
	calinskiHarabasz: number;
	daviesBouldin: number;
}

export function internalIndices(vectors: Float32Array[], labels: Int32Array): InternalIndices {
	const n = vectors.length;
	const k = labels.reduce((m, l) => Math.max(m, l + 1), 0);
	const dim = vectors[0]?.length ?? 0;
	const sizes = new Array<number>(k).fill(0);
	for (const l of labels) if (l >= 0) sizes[l]++;
	let silhouette = 0;
	for (let i = 0; i < n; i++) {
		const own = labels[i];
		if (own < 0 || sizes[own] < 2) continue;
		const distance = new Float64Array(k);
		for (let j = 0; j < n; j++) if (j !== i && labels[j] >= 0) distance[labels[j]] += 1 - dot(vectors[i], vectors[j]);
		const a = distance[own] / (sizes[own] - 1);
		let b = Infinity;
		for (let c = 0; c < k; c++) if (c !== own && sizes[c] > 0) b = Math.min(b, distance[c] / sizes[c]);
		if (Number.isFinite(b)) silhouette += (b - a) / Math.max(a, b, 1e-12);
	}
	const means = Array.from({ length: k }, () => new Float64Array(dim));
	const all = new Float64Array(dim);
	let clustered = 0;
	labels.forEach((l, i) => {
		if (l < 0) return;
		clustered++;
		for (let j = 0; j < dim; j++) {
			means[l][j] += vectors[i][j] / sizes[l];
			all[j] += vectors[i][j];
		}
	});
	for (let j = 0; j < dim; j++) all[j] /= Math.max(1, clustered);
	const squared = (x: ArrayLike<number>, y: ArrayLike<number>) => {
		let s = 0;
		for (let j = 0; j < dim; j++) s += (x[j] - y[j]) ** 2;
		return s;
	};
	let between = 0;
	let withinSum = 0;
	const scatter = new Array<number>(k).fill(0);
	labels.forEach((l, i) => {
		if (l < 0) return;
		const d = squared(vectors[i], means[l]);
		withinSum += d;
		scatter[l] += Math.sqrt(d) / sizes[l];
	});
	means.forEach((m, c) => (between += sizes[c] * squared(m, all)));
	const live = sizes.flatMap((s, c) => (s > 0 ? [c] : []));
	let daviesBouldin = 0;
	for (const a of live) {
		let worst = 0;
		for (const b of live)
			if (b !== a) worst = Math.max(worst, (scatter[a] + scatter[b]) / Math.max(1e-12, Math.sqrt(squared(means[a], means[b]))));
		daviesBouldin += worst / live.length;
	}
	return {
		silhouette: silhouette / Math.max(1, n),
		calinskiHarabasz:
			live.length > 1 && clustered > live.length ? between / (live.length - 1) / (withinSum / (clustered - live.length)) : 0,
		daviesBouldin
	};
}
