// The offline embedder: word, word-bigram and character n-gram TF-IDF (sublinear tf, hashed
// feature keys) reduced by LSA — a truncated SVD fitted on the corpus being mined — to a dense
// vector. LSA keeps which words occur together, so paraphrases that share few words still land
// close. No download, deterministic, works for any script; the cache key includes the fit.
import { createHash } from 'node:crypto';
import { contentTokens, tokenize } from '../tokenize';
import { seededSample } from '../seededRandom';
import { truncatedSvd, type SparseRow } from '../truncatedSvd';
import { fnv1a, normalize } from '../vectorMath';
import type { Embedder } from './Embedder';
import { embedEach } from './embedEach';

export interface LexicalOptions {
	/** LSA components (output dimensions; fewer when the corpus is small). */
	dim?: number;
	/** At most this many texts (a seeded sample) fit the SVD; every text is then projected. */
	fitSample?: number;
	/** Features seen in fewer fitted texts than this carry no co-occurrence and are left out of the SVD. */
	minDf?: number;
	/** Share of the vector's weight given to whole words (the rest goes to character n-grams). */
	wordWeight?: number;
	seed?: number;
	/** Drop function words and greetings from the features (texts made only of them keep them). */
	dropStopWords?: boolean;
	/** Fold common English inflections (refunds/refunded → refund) before hashing words. */
	stem?: boolean;
}

// v4: the SVD iterates to convergence, so v3's cached vectors are not the same directions.
const VERSION = 'lexical-lsa-v4';

/** Light English suffix folding: enough for refunds/refunded/refunding to meet, never below 3 letters. */
export function stem(word: string): string {
	if (word.length <= 4 || /\d/.test(word)) return word;
	if (word.endsWith('ies')) return word.slice(0, -3) + 'y';
	if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
	if (word.endsWith('ed') && word.length > 4) return word.slice(0, -2);
	if (word.endsWith('es') && /(ss|sh|ch|x)es$/.test(word)) return word.slice(0, -2);
	if (word.endsWith('s') && !/(ss|us|is)$/.test(word)) return word.slice(0, -1);
	return word;
}

type Features = { words: Map<number, number>; chars: Map<number, number> };

/** Hashed feature counts of one text: words + word bigrams, and character 3-5-grams of each word. */
export function lexicalFeatures(text: string, seed = 0, options: { dropStopWords?: boolean; stem?: boolean } = {}): Features {
	const words = new Map<number, number>();
	const chars = new Map<number, number>();
	const add = (m: Map<number, number>, key: number) => m.set(key, (m.get(key) ?? 0) + 1);
	const tokens = options.dropStopWords ? contentTokens(text) : tokenize(text);
	const stems = options.stem ? tokens.map(stem) : tokens;
	for (let i = 0; i < tokens.length; i++) {
		const w = tokens[i];
		add(words, fnv1a('w' + stems[i], seed));
		if (i > 0) add(words, fnv1a('b' + stems[i - 1] + ' ' + stems[i], seed));
		const padded = ` ${w} `;
		for (let n = 3; n <= 5; n++) {
			for (let j = 0; j + n <= padded.length; j++) add(chars, fnv1a('c' + padded.slice(j, j + n), seed));
		}
	}
	return { words, chars };
}

export class LexicalEmbedder implements Embedder {
	readonly kind = 'lexical' as const;
	readonly model: string;
	readonly dim: number;
	private readonly options: Required<LexicalOptions>;
	private readonly idf: Map<number, number>;
	private readonly defaultIdf: number;
	/** Feature key → its row in `components`. */
	private readonly column: Map<number, number>;
	private readonly components: Float32Array;

	private constructor(
		idf: Map<number, number>,
		defaultIdf: number,
		column: Map<number, number>,
		components: Float32Array,
		rank: number,
		fitKey: string,
		options: Required<LexicalOptions>
	) {
		this.idf = idf;
		this.defaultIdf = defaultIdf;
		this.column = column;
		this.components = components;
		this.dim = Math.max(1, rank);
		this.options = options;
		this.model = `${VERSION}:d${options.dim}:n${options.fitSample}:df${options.minDf}:w${options.wordWeight}:seed${options.seed}${options.dropStopWords ? ':nostop' : ''}${options.stem ? ':stem' : ''}:${fitKey}`;
	}

	/**
	 * Fits document frequencies and the LSA directions on `corpus` (the questions and KB chunks
	 * being compared), so words every ticket uses weigh little. The same corpus gives the same model.
	 */
	static fit(corpus: string[], options: LexicalOptions = {}): LexicalEmbedder {
		const opts: Required<LexicalOptions> = {
			dim: 100,
			fitSample: 4000,
			minDf: 2,
			wordWeight: 0.5,
			seed: 17,
			dropStopWords: true,
			stem: true,
			...options
		};
		const unique = [...new Set(corpus)].sort();
		const df = new Map<number, number>();
		const features = unique.map((text) => lexicalFeatures(text, opts.seed, opts));
		for (const f of features) {
			for (const key of f.words.keys()) df.set(key, (df.get(key) ?? 0) + 1);
			for (const key of f.chars.keys()) df.set(key, (df.get(key) ?? 0) + 1);
		}
		const n = unique.length;
		const idf = new Map<number, number>();
		for (const [key, count] of df) idf.set(key, Math.log((1 + n) / (1 + count)) + 1);
		const fitKey = createHash('sha1')
			.update(unique.map((t) => createHash('sha1').update(t).digest('hex')).join(''))
			.digest('hex')
			.slice(0, 16);
		// Unseen features (texts embedded after fitting) count as rare.
		const defaultIdf = Math.log(1 + n) + 1;
		// A seeded sample fits the SVD when the corpus is large; its co-occurring features are the columns.
		const sample = seededSample(features, opts.fitSample, opts.seed);
		const sampleDf = new Map<number, number>();
		for (const f of sample) for (const key of [...f.words.keys(), ...f.chars.keys()]) sampleDf.set(key, (sampleDf.get(key) ?? 0) + 1);
		const column = new Map<number, number>();
		for (const [key, count] of [...sampleDf].sort((a, b) => a[0] - b[0])) if (count >= opts.minDf) column.set(key, column.size);
		const weigh = (f: Features) => weightedFeatures(f, idf, defaultIdf, opts.wordWeight);
		const rows: SparseRow[] = sample.map((f) => {
			const kept = weigh(f).filter(([key]) => column.has(key));
			return { cols: Int32Array.from(kept, ([key]) => column.get(key)!), vals: Float32Array.from(kept, ([, w]) => w) };
		});
		const svd = truncatedSvd(rows, column.size, Math.min(opts.dim, Math.max(1, sample.length - 1)), { seed: opts.seed });
		return new LexicalEmbedder(idf, defaultIdf, column, svd.components, svd.rank, fitKey, opts);
	}

	/** The text's TF-IDF vector before the SVD: [feature key, weight] of unit total length. */
	tfidf(text: string): [number, number][] {
		return weightedFeatures(lexicalFeatures(text, this.options.seed, this.options), this.idf, this.defaultIdf, this.options.wordWeight);
	}

	embedOne(text: string): Float32Array {
		const out = new Float32Array(this.dim);
		const rank = this.components.length / Math.max(1, this.column.size);
		for (const [key, w] of this.tfidf(text)) {
			const c = this.column.get(key);
			if (c === undefined) continue;
			const base = c * rank;
			for (let j = 0; j < rank; j++) out[j] += w * this.components[base + j];
		}
		return normalize(out);
	}

	embed(texts: string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]> {
		return embedEach(texts, (text) => this.embedOne(text), onProgress);
	}
}

/**
 * Sublinear TF × IDF per block (words, characters), each block unit length and weighted by
 * its share, as a union of two TF-IDF vectorizers would be: [feature key, weight].
 */
function weightedFeatures(f: Features, idf: Map<number, number>, defaultIdf: number, wordWeight: number): [number, number][] {
	const out: [number, number][] = [];
	for (const [block, scale] of [
		[f.words, Math.sqrt(wordWeight)],
		[f.chars, Math.sqrt(1 - wordWeight)]
	] as const) {
		const start = out.length;
		let norm = 0;
		for (const [key, tf] of block) {
			const w = (1 + Math.log(tf)) * (idf.get(key) ?? defaultIdf);
			out.push([key, w]);
			norm += w * w;
		}
		const k = norm > 0 ? scale / Math.sqrt(norm) : 0;
		for (let i = start; i < out.length; i++) out[i][1] *= k;
	}
	return out;
}
