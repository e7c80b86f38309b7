// The offline embedder: word, word-bigram and character n-gram TF-IDF (feature-hashed), reduced
// to a dense vector by a seeded sparse random projection. No download, deterministic, works
// for any script; IDF is fitted on the corpus being mined, so the cache key includes that fit.
import { createHash } from 'node:crypto';
import { FILLER_WORDS, tokenize } from '../tokenize';
import { fnv1a, mix32, normalize } from '../vectorMath';
import type { Embedder } from './Embedder';

export interface LexicalOptions {
	/** Output dimensions. */
	dim?: number;
	/** Projection slots per feature (sparse Johnson-Lindenstrauss, Kane & Nelson style). */
	slots?: number;
	/** Share of the vector's weight given to whole words (the rest goes to character n-grams). */
	wordWeight?: number;
	seed?: number;
	/** Drop function words and greetings from the features (texts made only of them keep them). */
	dropStopWords?: boolean;
	/** Fold common English inflections (refunds/refunded → refund) before hashing words. */
	stem?: boolean;
}

const VERSION = 'lexical-v2';

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
	let tokens = tokenize(text);
	if (options.dropStopWords) {
		const content = tokens.filter((t) => !FILLER_WORDS.has(t));
		if (content.length > 0) tokens = content;
	}
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
	private readonly slots: number;
	private readonly wordWeight: number;
	private readonly seed: number;
	private readonly options: Required<LexicalOptions>;
	private readonly idf: Map<number, number>;
	private readonly defaultIdf: number;

	private constructor(idf: Map<number, number>, defaultIdf: number, fitKey: string, options: Required<LexicalOptions>) {
		this.idf = idf;
		this.defaultIdf = defaultIdf;
		this.dim = options.dim;
		this.slots = options.slots;
		this.wordWeight = options.wordWeight;
		this.seed = options.seed;
		this.options = options;
		this.model = `${VERSION}:d${options.dim}:s${options.slots}:w${options.wordWeight}:seed${options.seed}${options.dropStopWords ? ':nostop' : ''}${options.stem ? ':stem' : ''}:${fitKey}`;
	}

	/**
	 * Fits document frequencies on `corpus` (the questions and KB chunks being compared), so
	 * words every ticket uses weigh little. The same corpus gives the same model key.
	 */
	static fit(corpus: string[], options: LexicalOptions = {}): LexicalEmbedder {
		const opts = { dim: 384, slots: 4, wordWeight: 0.6, seed: 17, dropStopWords: true, stem: true, ...options };
		const df = new Map<number, number>();
		const unique = [...new Set(corpus)];
		for (const text of unique) {
			const f = lexicalFeatures(text, opts.seed, opts);
			for (const key of f.words.keys()) df.set(key, (df.get(key) ?? 0) + 1);
			for (const key of f.chars.keys()) df.set(key, (df.get(key) ?? 0) + 1);
		}
		const n = unique.length;
		const idf = new Map<number, number>();
		for (const [key, count] of df) idf.set(key, Math.log((1 + n) / (1 + count)) + 1);
		const fitKey = createHash('sha1')
			.update(unique.map((t) => createHash('sha1').update(t).digest('hex')).sort().join(''))
			.digest('hex')
			.slice(0, 16);
		// Unseen features (texts embedded after fitting) count as rare.
		return new LexicalEmbedder(idf, Math.log(1 + n) + 1, fitKey, opts);
	}

	embedOne(text: string): Float32Array {
		const f = lexicalFeatures(text, this.seed, this.options);
		const out = new Float32Array(this.dim);
		this.project(f.words, Math.sqrt(this.wordWeight), out);
		this.project(f.chars, Math.sqrt(1 - this.wordWeight), out);
		return normalize(out);
	}

	async embed(texts: string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]> {
		const out: Float32Array[] = [];
		for (let i = 0; i < texts.length; i++) {
			out.push(this.embedOne(texts[i]));
			// Yield now and then so a server process stays responsive during a long mining run.
			if ((i + 1) % 2000 === 0) {
				onProgress?.(i + 1, texts.length);
				await new Promise((r) => setImmediate(r));
			}
		}
		onProgress?.(texts.length, texts.length);
		return out;
	}

	/** Adds one block (sublinear TF × IDF, unit length, then scaled) through the projection. */
	private project(features: Map<number, number>, scale: number, out: Float32Array): void {
		let norm = 0;
		const weights: [number, number][] = [];
		for (const [key, tf] of features) {
			const w = (1 + Math.log(tf)) * (this.idf.get(key) ?? this.defaultIdf);
			weights.push([key, w]);
			norm += w * w;
		}
		if (norm === 0) return;
		const k = (scale / Math.sqrt(norm)) / Math.sqrt(this.slots);
		for (const [key, w] of weights) {
			for (let s = 0; s < this.slots; s++) {
				const h = mix32(key + Math.imul(s + 1, 0x9e3779b1));
				out[h % this.dim] += (h & 0x80000000 ? -1 : 1) * w * k;
			}
		}
	}
}
