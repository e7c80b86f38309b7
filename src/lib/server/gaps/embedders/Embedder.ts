// The one interface every embedder implements: texts in, unit-length Float32Array vectors out.
// `model` is the cache key: two embedders with the same `model` give the same vector for a text.

export type EmbedderKind = 'lexical' | 'wordvectors' | 'transformers';
export type EmbedderChoice = EmbedderKind | 'auto';
export const EMBEDDER_CHOICES: readonly EmbedderChoice[] = ['auto', 'transformers', 'wordvectors', 'lexical'];

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

/** Defaults per embedder family: cosine scales and vector layouts differ. */
export interface EmbedderCalibration {
	/** A question joins its nearest cluster when its similarity to the centroid is at least this. */
	assignSimilarity: number;
	/**
	 * The clustering tree uses the leading dimensions holding this share of the energy: LSA
	 * orders its components by how much of the corpus they explain, so the leading ones carry
	 * topics and the rest wording; how many that is depends on the data. Undefined: all (a
	 * transformer's dimensions have no order).
	 */
	viewEnergy?: number;
	/** Nearest KB article similarity from which an article counts as "close" to a cluster. */
	articleSimilarity: number;
}

export const CALIBRATION: Record<EmbedderKind, EmbedderCalibration> = {
	lexical: { assignSimilarity: 0.2, viewEnergy: 0.4, articleSimilarity: 0.5 },
	// LSA joined with word vectors and turned onto principal axes: ordered like LSA, measured with the same values.
	wordvectors: { assignSimilarity: 0.2, viewEnergy: 0.4, articleSimilarity: 0.5 },
	transformers: { assignSimilarity: 0.45, articleSimilarity: 0.5 }
};
