// The word vectors a fit needs: only the words of the texts being compared, packed in one
// Float32Array, with each word's frequency rank in the full vocabulary (its SIF weight).
export interface WordVectors {
	dim: number;
	/** Words in the full published vocabulary (for the Zipf frequency estimate). */
	vocabularySize: number;
	/** Word → its row in `vectors` and `rank`. */
	row: Map<string, number>;
	/** Row-major rows × dim. */
	vectors: Float32Array;
	/** Frequency rank of each row's word in the full vocabulary (0 = most frequent). */
	rank: Int32Array;
	/** Where the vectors came from, for messages and the cache key. */
	source: string;
}
