// Cluster labels: the distinctive words of each cluster by class-based TF-IDF (each cluster's
// questions as one document: tf × log(1 + average words per cluster / the word's total
// frequency)) and the most central question (highest similarity to the centroid) as its title.
import { FILLER_WORDS, tokenize } from './tokenize';

export interface ClusterLabel {
	terms: string[];
	title: string;
}

export function labelClusters(
	texts: string[],
	labels: Int32Array,
	similarity: Float32Array,
	clusterCount: number,
	termCount = 5
): ClusterLabel[] {
	const tf: Map<string, number>[] = Array.from({ length: clusterCount }, () => new Map());
	const totals = new Array(clusterCount).fill(0);
	const frequency = new Map<string, number>();
	const central = new Array<number>(clusterCount).fill(-1);
	for (let i = 0; i < texts.length; i++) {
		const c = labels[i];
		if (c < 0) continue;
		const best = central[c];
		// Most central question; on a tie the shorter one reads better.
		if (best < 0 || similarity[i] > similarity[best] || (similarity[i] === similarity[best] && texts[i].length < texts[best].length))
			central[c] = i;
		for (const word of tokenize(texts[i])) {
			if (FILLER_WORDS.has(word) || /^\d+$/.test(word)) continue;
			tf[c].set(word, (tf[c].get(word) ?? 0) + 1);
			frequency.set(word, (frequency.get(word) ?? 0) + 1);
			totals[c]++;
		}
	}
	const averageWords = totals.reduce((a, b) => a + b, 0) / Math.max(1, clusterCount);
	return tf.map((words, c) => {
		const scored = [...words].map(([w, n]) => [w, (n / Math.max(1, totals[c])) * Math.log(1 + averageWords / frequency.get(w)!)] as const);
		scored.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
		return { terms: scored.slice(0, termCount).map(([w]) => w), title: central[c] >= 0 ? texts[central[c]] : '' };
	});
}
