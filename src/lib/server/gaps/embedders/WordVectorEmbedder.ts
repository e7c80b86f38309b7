// English questions: the lexical LSA vector joined with a SIF average of pretrained word vectors
// (GloVe-derived), so wordings that share no words but mean the same ("rate this book 4 out of
// 6" / "give this novel 5 points") land close. The joined vector is turned onto its principal
// axes, strongest first, so the clustering tree can take the leading ones as it does for LSA.
import { contentTokens } from '../tokenize';
import { seededSample } from '../seededRandom';
import { dot, normalize } from '../vectorMath';
import type { Embedder } from './Embedder';
import { LexicalEmbedder, type LexicalOptions } from './LexicalEmbedder';
import { loadWordVectors } from './loadWordVectors';
import { principalAxes } from './principalAxes';
import { SIF_A, sifVector } from './sifVector';
import type { WordVectors } from './WordVectors';
import { embedEach } from './embedEach';

export interface WordVectorOptions {
	/** Share of the joined vector's weight given to the word-vector part (the rest is LSA's). */
	wordVectorWeight?: number;
	lexical?: LexicalOptions;
	/** Where the vectors come from (default: the npm package); tests pass a small table. */
	load?: (words: Set<string>) => WordVectors;
}

/** Measured on the public intent sets (docs/gap-miner.md): 0.2 of the weight for the word vectors. */
export const WORD_VECTOR_WEIGHT = 0.2;
const VERSION = 'lexical-wv-v1';

export class WordVectorEmbedder implements Embedder {
	readonly kind = 'wordvectors' as const;
	readonly model: string;
	readonly dim: number;

	private constructor(
		private readonly lexical: LexicalEmbedder,
		private readonly table: WordVectors,
		/** SIF's common component (the first principal axis of the corpus's SIF vectors), removed from every vector. */
		private readonly common: Float32Array,
		/** Principal axes of the joined corpus vectors, strongest first. */
		private readonly axes: Float32Array[],
		private readonly weight: number
	) {
		this.dim = axes.length;
		this.model = `${VERSION}:${table.source}:a${SIF_A}:w${weight}:${lexical.model}`;
	}

	/** Fits LSA, SIF's common component and the principal axes on `corpus` (the texts being compared). */
	static fit(corpus: string[], options: WordVectorOptions = {}): WordVectorEmbedder {
		const lexical = LexicalEmbedder.fit(corpus, options.lexical);
		const unique = [...new Set(corpus)].sort();
		const words = new Set<string>();
		for (const text of unique) for (const w of contentTokens(text)) words.add(w);
		const table = (options.load ?? loadWordVectors)(words);
		const sample = seededSample(unique, options.lexical?.fitSample ?? 4000, options.lexical?.seed ?? 17);
		const common = principalAxes(sample.map((t) => sifVector(contentTokens(t), table))).axes[0] ?? new Float32Array(table.dim);
		const weight = options.wordVectorWeight ?? WORD_VECTOR_WEIGHT;
		const joined = sample.map((t) => joinVectors(lexical.embedOne(t), sifWithoutCommon(t, table, common), weight));
		const axes = principalAxes(joined).axes;
		return new WordVectorEmbedder(lexical, table, common, axes, weight);
	}

	embedOne(text: string): Float32Array {
		const joined = joinVectors(this.lexical.embedOne(text), sifWithoutCommon(text, this.table, this.common), this.weight);
		return normalize(Float32Array.from(this.axes, (axis) => dot(joined, axis)));
	}

	embed(texts: string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]> {
		return embedEach(texts, (text) => this.embedOne(text), onProgress);
	}
}

/** The text's SIF vector without the common component, unit length (zero when no word is known). */
function sifWithoutCommon(text: string, table: WordVectors, common: Float32Array): Float32Array {
	const v = sifVector(contentTokens(text), table);
	const s = dot(v, common);
	for (let j = 0; j < v.length; j++) v[j] -= s * common[j];
	return normalize(v);
}

/** Two unit vectors side by side, weighted √(1 − w) and √w: cosines add up in those shares. */
export function joinVectors(a: Float32Array, b: Float32Array, weightOfB: number): Float32Array {
	const out = new Float32Array(a.length + b.length);
	const sa = Math.sqrt(1 - weightOfB);
	const sb = Math.sqrt(weightOfB);
	for (let i = 0; i < a.length; i++) out[i] = sa * a[i];
	for (let i = 0; i < b.length; i++) out[a.length + i] = sb * b[i];
	return normalize(out);
}
