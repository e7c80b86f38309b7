// Picks flat clusters from a dendrogram the way HDBSCAN does, so their number comes from the
// data: the tree is condensed (a split where one side is smaller than `minClusterSize` is points
// falling out of the cluster, not a new cluster); each cluster's stability is the sum over its
// points of how long (in similarity) they stayed in it; then, bottom up, a cluster is kept when
// it is more stable than its descendants together ("excess of mass"), else its descendants are.
import type { Dendrogram } from './averageLinkageTree';

/** Cluster per point (0..k-1 in order of the tree walk), -1 for points that fell out of every kept cluster. */
export function excessOfMass(tree: Dendrogram, minClusterSize: number): Int32Array {
	const m = tree.points;
	const labels = new Int32Array(m).fill(-1);
	if (m === 0) return labels;
	if (m === 1 || tree.left.length === 0) return labels;
	const size = (n: number) => (n < m ? 1 : tree.size[n - m]);
	// λ: the similarity level at which a merge happens (1 - average distance).
	const level = (t: number) => 1 - tree.height[t];
	const clusters: { node: number; birth: number; stability: number; children: number[] }[] = [];
	const root = m + tree.left.length - 1;
	clusters.push({ node: root, birth: level(tree.left.length - 1), stability: 0, children: [] });
	const stack: [number, number][] = [[root, 0]];
	while (stack.length) {
		const [node, id] = stack.pop()!;
		if (node < m) continue;
		const t = node - m;
		const [a, b] = [tree.left[t], tree.right[t]];
		const lambda = level(t);
		const c = clusters[id];
		const bigA = size(a) >= minClusterSize;
		const bigB = size(b) >= minClusterSize;
		if (bigA && bigB) {
			c.stability += size(node) * (lambda - c.birth);
			for (const child of [a, b]) {
				clusters.push({ node: child, birth: lambda, stability: 0, children: [] });
				c.children.push(clusters.length - 1);
				stack.push([child, clusters.length - 1]);
			}
		} else if (bigA || bigB) {
			const [keep, drop] = bigA ? [a, b] : [b, a];
			c.stability += size(drop) * (lambda - c.birth);
			stack.push([keep, id]);
		} else {
			c.stability += size(node) * (lambda - c.birth);
		}
	}
	// Children always come after their parent in `clusters`, so a reverse pass is bottom up.
	const value = new Float64Array(clusters.length);
	const selected = new Uint8Array(clusters.length);
	for (let c = clusters.length - 1; c >= 0; c--) {
		const children = clusters[c].children.reduce((s, k) => s + value[k], 0);
		// The root is one cluster only when nothing splits off it.
		if (clusters[c].children.length === 0 || (c > 0 && clusters[c].stability >= children)) {
			value[c] = clusters[c].stability;
			selected[c] = 1;
		} else value[c] = children;
	}
	if (clusters.length === 1 && size(root) < minClusterSize) return labels;
	let k = 0;
	const visit = [0];
	while (visit.length) {
		const c = visit.pop()!;
		if (!selected[c]) {
			visit.push(...[...clusters[c].children].reverse());
			continue;
		}
		const id = k++;
		const nodes = [clusters[c].node];
		while (nodes.length) {
			const n = nodes.pop()!;
			if (n < m) labels[n] = id;
			else nodes.push(tree.left[n - m], tree.right[n - m]);
		}
	}
	return labels;
}
