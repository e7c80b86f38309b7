// Keeps gap ids stable across mining runs: each new cluster takes the id of the previous gap it
// matches best — by shared questions (Jaccard overlap of event keys) or, when the vector space
// is comparable, by centroid similarity — one to one, best pairs first. Unmatched clusters get
// new ids; previous gaps left unmatched become inactive but keep their status, owner and note.
import { dot } from './vectorMath';

export interface PreviousGap {
	id: number;
	/** Event keys of its questions in the previous run (empty for gaps inactive then). */
	members: Set<string>;
	centroid: Float32Array | null;
}

export interface NewCluster {
	members: string[];
	centroid: Float32Array;
}

export interface MatchOptions {
	/** Minimum Jaccard overlap of questions to match. */
	minOverlap: number;
	/** Minimum centroid similarity to match (only used when centroids are comparable). */
	minCentroidSimilarity: number;
}

export const DEFAULT_MATCH: MatchOptions = { minOverlap: 0.3, minCentroidSimilarity: 0.85 };

/** Returns, per new cluster, the previous gap id it continues, or null for a new gap. */
export function matchGaps(previous: PreviousGap[], clusters: NewCluster[], options: MatchOptions = DEFAULT_MATCH): (number | null)[] {
	const pairs: { cluster: number; gap: number; score: number }[] = [];
	clusters.forEach((c, ci) => {
		const members = new Set(c.members);
		previous.forEach((p, pi) => {
			let shared = 0;
			if (p.members.size) for (const m of members) if (p.members.has(m)) shared++;
			const jaccard = shared ? shared / (members.size + p.members.size - shared) : 0;
			const sim = p.centroid && p.centroid.length === c.centroid.length ? dot(p.centroid, c.centroid) : -1;
			if (jaccard >= options.minOverlap || sim >= options.minCentroidSimilarity) {
				pairs.push({ cluster: ci, gap: pi, score: jaccard + Math.max(0, sim) });
			}
		});
	});
	pairs.sort((a, b) => b.score - a.score || a.cluster - b.cluster || previous[a.gap].id - previous[b.gap].id);
	const result: (number | null)[] = clusters.map(() => null);
	const used = new Set<number>();
	for (const p of pairs) {
		if (result[p.cluster] !== null || used.has(p.gap)) continue;
		result[p.cluster] = previous[p.gap].id;
		used.add(p.gap);
	}
	return result;
}
