// Clusters each group of vectors on its own and joins the results into one ClusterResult
// (clusters numbered by decreasing size, as clusterVectors numbers them): no cluster mixes groups.
import { clusterVectors, type ClusterOptions, type ClusterResult } from './clusterVectors';

export async function clusterByGroup(vectors: Float32Array[], groups: string[], options: ClusterOptions): Promise<ClusterResult> {
	const n = vectors.length;
	const labels = new Int32Array(n).fill(-1);
	const similarity = new Float32Array(n);
	const found: { centroid: Float32Array; size: number; members: number[] }[] = [];
	for (const g of [...new Set(groups)].sort()) {
		const idx = groups.flatMap((x, i) => (x === g ? [i] : []));
		const r = await clusterVectors(
			idx.map((i) => vectors[i]),
			options
		);
		const members: number[][] = r.centroids.map(() => []);
		idx.forEach((i, j) => {
			similarity[i] = r.similarity[j];
			if (r.labels[j] >= 0) members[r.labels[j]].push(i);
		});
		r.centroids.forEach((centroid, c) => found.push({ centroid, size: r.sizes[c], members: members[c] }));
	}
	const order = found.map((_, c) => c).sort((a, b) => found[b].size - found[a].size || found[a].members[0] - found[b].members[0]);
	order.forEach((c, rank) => found[c].members.forEach((i) => (labels[i] = rank)));
	return { labels, similarity, centroids: order.map((c) => found[c].centroid), sizes: order.map((c) => found[c].size) };
}
