// Could the cluster selection find the number of intents on its own? This study measures, on
// labelled sets and with both English embedders: (1) per number of leading components the tree
// sees, three classical internal indices (silhouette, Calinski-Harabasz, Davies-Bouldin) beside
// the clusters found, NMI and ARI, to see whether any of them peaks where NMI does; (2) how far
// apart the excess-of-mass clusters are from their most similar neighbour (mean between- over
// within-cluster similarity), split by whether the two hold mostly the same gold intent, in the
// tree's view and in the full vectors; (3) a merge step that joins clusters whose ratio is at
// least τ (mergeBySeparation.ts), swept over τ and the energy share of the view.
// Usage: tsx pipelines/bench/clusterSelectionStudy.ts [--sets DIR] (default SUPPORTLENS_INTENT_SETS)
import { createEmbedder } from '../../src/lib/server/gaps';
import { averageLinkageTree } from '../../src/lib/server/gaps/averageLinkageTree';
import { clusterVectors, leadingDims } from '../../src/lib/server/gaps/clusterVectors';
import { adjustedRandIndex, normalizedMutualInformation } from '../../src/lib/server/gaps/clusterQuality';
import { CALIBRATION } from '../../src/lib/server/gaps/embedders/Embedder';
import { excessOfMass } from '../../src/lib/server/gaps/excessOfMass';
import { DEFAULT_GAP_SETTINGS } from '../../src/lib/server/gaps/gapSettings';
import { normalize } from '../../src/lib/server/gaps/vectorMath';
import { readLabelledSets } from './clusterEval';
import { internalIndices } from './internalIndices';
import { mergeBySeparation, nearestClusterRatios } from './mergeBySeparation';

const DIMS = [6, 8, 10, 12, 16, 20, 24, 28, 32, 40, 50, 64];
const ENERGIES = [0.4, 0.5];
const TAUS = [0.25, 0.3, 0.35, 0.4, 0.45, 0.5];
const r3 = (x: number) => Math.round(x * 1000) / 1000;
const base = {
	assignSimilarity: CALIBRATION.lexical.assignSimilarity,
	minClusterSize: DEFAULT_GAP_SETTINGS.minClusterSize,
	sampleSize: DEFAULT_GAP_SETTINGS.sampleSize
};

function score(truth: string[], labels: Int32Array) {
	const predicted = Array.from(labels);
	const k = new Set(predicted.filter((l) => l >= 0)).size;
	const trueK = new Set(truth).size;
	return {
		clusters: k,
		k_ratio: r3(k / trueK),
		nmi: r3(normalizedMutualInformation(truth, predicted)),
		ari: r3(adjustedRandIndex(truth, predicted))
	};
}

/** Nearest-cluster ratios of the excess-of-mass clusters, split by whether the pair holds mostly one gold intent. */
function ratiosByIntent(vectors: Float32Array[], labels: Int32Array, truth: string[]) {
	const same: number[] = [];
	const different: number[] = [];
	for (const [a, b, ratio] of nearestClusterRatios(vectors, labels)) {
		let shared = 0;
		let pairs = 0;
		labels.forEach((la, i) => {
			if (la !== a) return;
			labels.forEach((lb, j) => {
				if (lb !== b) return;
				pairs++;
				if (truth[i] === truth[j]) shared++;
			});
		});
		(shared / pairs > 0.5 ? same : different).push(r3(ratio));
	}
	const summary = (xs: number[]) =>
		xs.length ? `${xs.length}: ${Math.min(...xs)}–${Math.max(...xs)}, median ${xs.sort((x, y) => x - y)[xs.length >> 1]}` : 'none';
	return { same_intent: summary(same), different_intents: summary(different) };
}

export async function studyClusterSelection(texts: string[], truth: string[], choice: 'lexical' | 'wordvectors') {
	const { embedder } = await createEmbedder({ choice, corpus: texts });
	const vectors = await embedder.embed(texts);
	const perDims = [];
	for (const d of DIMS.filter((d) => d <= embedder.dim)) {
		const r = await clusterVectors(vectors, { ...base, viewDims: d });
		const q = internalIndices(vectors, r.labels);
		perDims.push({
			d,
			...score(truth, r.labels),
			silhouette: r3(q.silhouette),
			calinski_harabasz: r3(q.calinskiHarabasz),
			davies_bouldin: r3(q.daviesBouldin)
		});
	}
	const dims = leadingDims(vectors, CALIBRATION[embedder.kind].viewEnergy!);
	const view = vectors.map((v) => normalize(v.slice(0, dims)));
	const eom = excessOfMass(await averageLinkageTree(view), base.minClusterSize);
	const separation = { view: ratiosByIntent(view, eom, truth), full: ratiosByIntent(vectors, eom, truth) };
	const merges = [];
	for (const viewEnergy of ENERGIES) {
		const r = await clusterVectors(vectors, { ...base, viewEnergy });
		for (const tau of TAUS) merges.push({ energy: viewEnergy, tau, ...score(truth, mergeBySeparation(vectors, r.labels, tau)) });
	}
	return { embedder: embedder.kind, perDims, separation, merges };
}

async function main() {
	const at = process.argv.indexOf('--sets');
	const dir = at > 0 ? process.argv[at + 1] : process.env.SUPPORTLENS_INTENT_SETS;
	if (!dir) throw new Error('give the labelled sets with --sets DIR or SUPPORTLENS_INTENT_SETS');
	for (const choice of ['wordvectors', 'lexical'] as const)
		for (const [name, set] of Object.entries(readLabelledSets(dir))) {
			const study = await studyClusterSelection(
				set.map((s) => s.text),
				set.map((s) => s.label),
				choice
			);
			console.log(`\n${name} (${new Set(set.map((s) => s.label)).size} intents), ${study.embedder}`);
			console.table(study.perDims);
			console.log('nearest-cluster separation ratio', JSON.stringify(study.separation));
			console.table(study.merges);
		}
}

if (process.argv[1]?.endsWith('clusterSelectionStudy.ts')) await main();
