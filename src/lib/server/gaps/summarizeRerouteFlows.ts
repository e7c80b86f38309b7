// Reroute flows (from-queue → to-queue, with their conversations) and what the rerouted
// conversations are about: the same clustering on their first customer message, top five topics
// per flow. Busiest flows first.
import { clusterVectors, type ClusterOptions } from './clusterVectors';
import type { Reroute } from './findReroutes';
import { labelClusters } from './labelClusters';
import { conversationKey } from './miningKeys';

export interface RerouteFlowSummary {
	from: string;
	to: string;
	conversations: number;
	topics: { label: string; terms: string[]; conversations: number; example: string }[];
}

export async function summarizeRerouteFlows(
	reroutes: Reroute[],
	vectorOf: Map<string, Float32Array>,
	options: Omit<ClusterOptions, 'minClusterSize'>
): Promise<RerouteFlowSummary[]> {
	const rerouteTexts = reroutes.filter((r) => r.text);
	const clusters = await clusterVectors(
		rerouteTexts.map((r) => vectorOf.get(r.text)!),
		{ ...options, minClusterSize: 2 }
	);
	const labels = labelClusters(
		rerouteTexts.map((r) => r.text),
		clusters.labels,
		clusters.similarity,
		clusters.centroids.length
	);
	const flows = new Map<
		string,
		{ from: string; to: string; conversations: Set<string>; topics: Map<number, { n: number; example: string }> }
	>();
	reroutes.forEach((r) => {
		const key = `${r.from_queue}\u0000${r.to_queue}`;
		if (!flows.has(key)) flows.set(key, { from: r.from_queue, to: r.to_queue, conversations: new Set(), topics: new Map() });
		flows.get(key)!.conversations.add(conversationKey(r.source, r.conversation_id));
	});
	rerouteTexts.forEach((r, i) => {
		const flow = flows.get(`${r.from_queue}\u0000${r.to_queue}`)!;
		const c = clusters.labels[i];
		const t = flow.topics.get(c) ?? { n: 0, example: r.text };
		t.n++;
		flow.topics.set(c, t);
	});
	return [...flows.values()]
		.sort((a, b) => b.conversations.size - a.conversations.size || (a.from + a.to < b.from + b.to ? -1 : 1))
		.map((f) => ({
			from: f.from,
			to: f.to,
			conversations: f.conversations.size,
			topics: [...f.topics.entries()]
				.sort((a, b) => b[1].n - a[1].n || a[0] - b[0])
				.slice(0, 5)
				.map(([c, t]) => ({
					label: c >= 0 ? labels[c].title : 'other',
					terms: c >= 0 ? labels[c].terms : [],
					conversations: t.n,
					example: t.example
				}))
		}));
}
