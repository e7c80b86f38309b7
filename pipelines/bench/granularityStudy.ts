// How many clusters the miner finds depends on how many leading LSA components its tree sees
// (about one cluster per component). This study scans that number, d, on labelled sets: per d,
// the clusters found against the true number, NMI and ARI, and two label-free criteria one could
// pick d by: kNN kappa (how far each text's cluster agrees with its 10 nearest neighbours' beyond
// chance, outliers agreeing with nothing) and subsample stability (mean ARI between clusterings
// of four seeded 80% subsamples, on the texts each pair shares). It prints the d that the energy
// rule in use and each criterion would pick, so a change of representation can be checked again.
// Usage: tsx pipelines/bench/granularityStudy.ts [--sets DIR] (default SUPPORTLENS_INTENT_SETS)
import { createEmbedder } from '../../src/lib/server/gaps';
import { clusterVectors, leadingDims, type ClusterOptions } from '../../src/lib/server/gaps/clusterVectors';
import { adjustedRandIndex, normalizedMutualInformation } from '../../src/lib/server/gaps/clusterQuality';
import { CALIBRATION } from '../../src/lib/server/gaps/embedders/Embedder';
import { DEFAULT_GAP_SETTINGS } from '../../src/lib/server/gaps/gapSettings';
import { seededSample } from '../../src/lib/server/gaps/seededRandom';
import { dot } from '../../src/lib/server/gaps/vectorMath';
import { readLabelledSets } from './clusterEval';

const DIMS = [6, 8, 10, 12, 14, 16, 20, 24, 28, 32, 40, 50, 64, 80, 100];
const NEIGHBOURS = 10;
const round = (x: number) => Math.round(x * 1000) / 1000;

/** Indices of the `k` most similar other vectors of each vector (brute force: the sets are small). */
function nearestNeighbours(vectors: Float32Array[], k: number): number[][] {
	return vectors.map((v, i) => {
		const best: [number, number][] = [];
		vectors.forEach((w, j) => {
			if (j === i) return;
			const s = dot(v, w);
			if (best.length === k && s <= best[k - 1][0]) return;
			best.push([s, j]);
			best.sort((a, b) => b[0] - a[0]);
			if (best.length > k) best.pop();
		});
		return best.map(([, j]) => j);
	});
}

/** Cohen's kappa of the labels at the two ends of every kNN edge; each outlier is its own label. */
export function knnKappa(neighbours: number[][], labels: Int32Array): number {
	const label = (i: number) => (labels[i] >= 0 ? labels[i] : -1 - i);
	const ends = new Map<number, number>();
	let same = 0;
	let edges = 0;
	neighbours.forEach((list, i) =>
		list.forEach((j) => {
			edges++;
			if (label(i) === label(j)) same++;
			for (const l of [label(i), label(j)]) ends.set(l, (ends.get(l) ?? 0) + 1);
		})
	);
	let chance = 0;
	for (const c of ends.values()) chance += (c / (2 * edges)) ** 2;
	return (same / edges - chance) / (1 - chance);
}

async function stability(vectors: Float32Array[], options: ClusterOptions): Promise<number> {
	const all = vectors.map((_, i) => i);
	const runs: Map<number, number>[] = [];
	for (let b = 0; b < 4; b++) {
		const sub = seededSample(all, Math.round(0.8 * all.length), 100 + b);
		const r = await clusterVectors(
			sub.map((i) => vectors[i]),
			options
		);
		runs.push(new Map(sub.map((i, p) => [i, r.labels[p]])));
	}
	let sum = 0;
	let pairs = 0;
	for (let a = 0; a < runs.length; a++) {
		for (let b = a + 1; b < runs.length; b++) {
			const shared = all.filter((i) => runs[a].has(i) && runs[b].has(i));
			sum += adjustedRandIndex(
				shared.map((i) => runs[a].get(i)!),
				shared.map((i) => runs[b].get(i)!)
			);
			pairs++;
		}
	}
	return sum / pairs;
}

export async function studyGranularity(texts: string[], truth: string[]) {
	const { embedder } = await createEmbedder({ choice: 'lexical', corpus: texts });
	const vectors = await embedder.embed(texts);
	const neighbours = nearestNeighbours(vectors, NEIGHBOURS);
	const base = {
		assignSimilarity: CALIBRATION.lexical.assignSimilarity,
		minClusterSize: DEFAULT_GAP_SETTINGS.minClusterSize,
		sampleSize: DEFAULT_GAP_SETTINGS.sampleSize
	};
	const trueK = new Set(truth).size;
	const rows: Record<'d' | 'clusters' | 'k_ratio' | 'nmi' | 'ari' | 'outlier_share' | 'knn_kappa' | 'stability', number>[] = [];
	for (const d of DIMS.filter((d) => d <= embedder.dim)) {
		const options = { ...base, viewDims: d };
		const r = await clusterVectors(vectors, options);
		const predicted = Array.from(r.labels);
		rows.push({
			d,
			clusters: r.sizes.length,
			k_ratio: round(r.sizes.length / trueK),
			nmi: round(normalizedMutualInformation(truth, predicted)),
			ari: round(adjustedRandIndex(truth, predicted)),
			outlier_share: round(predicted.filter((l) => l < 0).length / predicted.length),
			knn_kappa: round(knnKappa(neighbours, r.labels)),
			stability: round(await stability(vectors, options))
		});
	}
	const best = (key: 'knn_kappa' | 'stability') => rows.reduce((a, b) => (b[key] > a[key] ? b : a)).d;
	return {
		texts: texts.length,
		true_k: trueK,
		picks: {
			energy_rule: leadingDims(vectors, CALIBRATION.lexical.viewEnergy!),
			knn_kappa: best('knn_kappa'),
			stability: best('stability')
		},
		rows
	};
}

async function main() {
	const at = process.argv.indexOf('--sets');
	const dir = at > 0 ? process.argv[at + 1] : process.env.SUPPORTLENS_INTENT_SETS;
	if (!dir) throw new Error('give the labelled sets with --sets DIR or SUPPORTLENS_INTENT_SETS');
	for (const [name, set] of Object.entries(readLabelledSets(dir))) {
		const study = await studyGranularity(
			set.map((s) => s.text),
			set.map((s) => s.label)
		);
		console.log(`${name}: ${study.texts} texts, true k ${study.true_k}; d picked by ${JSON.stringify(study.picks)}`);
		console.table(study.rows);
	}
}

if (process.argv[1]?.endsWith('granularityStudy.ts')) await main();
