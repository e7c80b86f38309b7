// Clusters any list of short texts with a chosen embedder: what `cluster --in … --out …` runs on
// question lists exported from other tools, and what the bench scores against planted topics.
import { clusterVectors } from './clusterVectors';
import { CALIBRATION, type Embedder } from './embedders/Embedder';
import { DEFAULT_GAP_SETTINGS } from './gapSettings';
import { labelClusters, type ClusterLabel } from './labelClusters';

export interface ClusterTextsOptions {
	assignSimilarity?: number;
	minClusterSize?: number;
	sampleSize?: number;
	onProgress?: (message: string) => void;
}

export interface ClusteredTexts {
	labels: Int32Array;
	clusters: ClusterLabel[];
	sizes: number[];
}

export async function clusterTexts(texts: string[], embedder: Embedder, options: ClusterTextsOptions = {}): Promise<ClusteredTexts> {
	const calibration = CALIBRATION[embedder.kind];
	const started = Date.now();
	const vectors = await embedder.embed(texts, (done, total) => {
		const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
		options.onProgress?.(
			`embedded ${done.toLocaleString('en')} / ${total.toLocaleString('en')} · ${Math.round(rate)}/s · ETA ${Math.round((total - done) / Math.max(rate, 1))}s`
		);
	});
	// The same method and defaults as the gap miner.
	const result = await clusterVectors(vectors, {
		assignSimilarity: options.assignSimilarity ?? calibration.assignSimilarity,
		viewEnergy: calibration.viewEnergy,
		minClusterSize: options.minClusterSize ?? DEFAULT_GAP_SETTINGS.minClusterSize,
		sampleSize: options.sampleSize ?? DEFAULT_GAP_SETTINGS.sampleSize,
		onProgress: options.onProgress
	});
	return {
		labels: result.labels,
		clusters: labelClusters(texts, result.labels, result.similarity, result.centroids.length),
		sizes: result.sizes
	};
}
