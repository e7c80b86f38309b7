// The one interface every embedder implements: texts in, unit-length Float32Array vectors out.
// `model` is the cache key: two embedders with the same `model` give the same vector for a text.

export type EmbedderKind = 'lexical' | 'transformers';
export type EmbedderChoice = EmbedderKind | 'auto';
export const EMBEDDER_CHOICES: readonly EmbedderChoice[] = ['auto', 'transformers', 'lexical'];

export interface Embedder {
	readonly kind: EmbedderKind;
	/** Changes whenever the vector for the same text could change (model id, dtype, fitted vocabulary). */
	readonly model: string;
	readonly dim: number;
	/** Vectors are L2-normalised, so a dot product is the cosine similarity. */
	embed(texts: string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]>;
	/** Releases native resources (ONNX sessions). */
	dispose?(): Promise<void>;
}

/** Default similarity thresholds per embedder family: cosine scales differ between models. */
export interface EmbedderCalibration {
	/** Average-linkage cosine similarity at which two groups of questions merge into one cluster. */
	clusterSimilarity: number;
	/** A question joins its nearest cluster when its similarity to the centroid is at least this. */
	assignSimilarity: number;
	/**
	 * The same two thresholds for `cluster` on a plain list of texts. The gap miner keeps clusters
	 * tight because each one gets a single coverage verdict; a plain list is judged on its grouping
	 * alone, where merging paraphrases looser scores better (see pipelines/bench/clusterEval.ts).
	 */
	listClusterSimilarity: number;
	listAssignSimilarity: number;
	/** Nearest KB chunk similarity from which an article counts as "close" to a cluster. */
	articleSimilarity: number;
}

export const CALIBRATION: Record<EmbedderKind, EmbedderCalibration> = {
	lexical: { clusterSimilarity: 0.18, assignSimilarity: 0.15, listClusterSimilarity: 0.13, listAssignSimilarity: 0.1, articleSimilarity: 0.3 },
	transformers: { clusterSimilarity: 0.55, assignSimilarity: 0.45, listClusterSimilarity: 0.55, listAssignSimilarity: 0.45, articleSimilarity: 0.5 }
};
