// 2-D positions for the cluster map: the first two principal components of the centroids,
// by power iteration with a fixed start (deterministic, no dependency).
import { dot } from './vectorMath';

export function projectPca(points: Float32Array[]): [number, number][] {
	const k = points.length;
	if (k === 0) return [];
	const dim = points[0].length;
	const mean = new Float64Array(dim);
	for (const p of points) for (let i = 0; i < dim; i++) mean[i] += p[i] / k;
	const centered = points.map((p) => Float32Array.from(p, (v, i) => v - mean[i]));
	const components: Float32Array[] = [];
	for (let c = 0; c < 2; c++) {
		let v = Float32Array.from({ length: dim }, (_, i) => ((i * 7919 + c * 104729) % 1000) / 1000 - 0.5);
		for (let iter = 0; iter < 100; iter++) {
			// v ← Xᵀ X v, minus the components already found.
			const next = new Float32Array(dim);
			for (const x of centered) {
				const s = dot(x, v);
				for (let i = 0; i < dim; i++) next[i] += s * x[i];
			}
			for (const prev of components) {
				const s = dot(next, prev);
				for (let i = 0; i < dim; i++) next[i] -= s * prev[i];
			}
			const norm = Math.sqrt(dot(next, next));
			if (norm === 0) break;
			for (let i = 0; i < dim; i++) next[i] /= norm;
			v = next;
		}
		components.push(v);
	}
	return centered.map((x) => [dot(x, components[0]), dot(x, components[1])] as [number, number]);
}
