// Picks the embedder: `lexical`, `wordvectors`, `transformers`, or `auto` (transformers when a
// model loads within its timeout; else, for English questions, LSA joined with the installed
// English word vectors; else lexical), and says which one it used and why. `auto` takes the
// multilingual model when the questions are in more than one language and no model was named.
import { EmbedderUnavailableError } from './EmbedderUnavailableError';
import type { Embedder, EmbedderChoice } from './Embedder';
import { LexicalEmbedder, type LexicalOptions } from './LexicalEmbedder';
import { TransformersEmbedder } from './TransformersEmbedder';
import { WordVectorEmbedder, type WordVectorOptions } from './WordVectorEmbedder';
import { MULTILINGUAL_MODEL, type TransformersOptions } from './transformersConfig';

export interface EmbedderSelection {
	embedder: Embedder;
	/** One line for the user: which embedder, and for `auto`, why. */
	message: string;
	/** Why `auto` fell back to lexical; undefined when it didn't. */
	fallbackReason?: string;
}

export interface CreateEmbedderOptions {
	choice: EmbedderChoice;
	/** Every text the lexical embedder will compare (questions and KB chunks): its IDF is fitted on them. */
	corpus: string[];
	transformers?: TransformersOptions;
	lexical?: LexicalOptions;
	wordVectors?: Omit<WordVectorOptions, 'lexical'>;
	/** Languages of the questions (BCP-47, null when unknown): more than one makes `auto` pick the multilingual model. */
	languages?: (string | null | undefined)[];
	env?: Record<string, string | undefined>;
}

/**
 * Distinct base languages ("de-AT" and "de" are one) holding at least `minShare` of the known
 * ones, so a few misdetected short texts do not make an English list multilingual.
 */
export function distinctLanguages(languages: (string | null | undefined)[], minShare = 0.05): string[] {
	const counts = new Map<string, number>();
	let known = 0;
	for (const l of languages) {
		if (!l) continue;
		const base = l.toLowerCase().split(/[-_]/)[0];
		counts.set(base, (counts.get(base) ?? 0) + 1);
		known++;
	}
	return [...counts]
		.filter(([, n]) => n >= Math.max(2, minShare * known))
		.map(([l]) => l)
		.sort();
}

const WORD_VECTORS_DESCRIPTION = 'TF-IDF LSA joined with SIF-weighted English word vectors';

export async function createEmbedder(options: CreateEmbedderOptions): Promise<EmbedderSelection> {
	const lexical = () => LexicalEmbedder.fit(options.corpus, options.lexical);
	const wordVectors = () => WordVectorEmbedder.fit(options.corpus, { ...options.wordVectors, lexical: options.lexical });
	if (options.choice === 'lexical') {
		return { embedder: lexical(), message: 'embedder: lexical (word + character n-gram TF-IDF, LSA)' };
	}
	if (options.choice === 'wordvectors') {
		// Asked for explicitly: a missing package is the user's error, not a reason to switch.
		return { embedder: wordVectors(), message: `embedder: wordvectors (${WORD_VECTORS_DESCRIPTION})` };
	}
	if (options.choice === 'transformers') {
		// Asked for explicitly: failing to load is the user's error, not a reason to switch.
		const embedder = await TransformersEmbedder.load(options.transformers);
		return { embedder, message: `embedder: transformers ${embedder.config.model} (${embedder.dim} dimensions)` };
	}
	const languages = distinctLanguages(options.languages ?? []);
	const modelNamed = options.transformers?.model !== undefined || !!(options.env ?? process.env).SUPPORTLENS_EMBEDDING_MODEL;
	const multilingual = languages.length > 1 && !modelNamed;
	const why = multilingual ? ` (questions in ${languages.length} languages: ${languages.join(', ')})` : '';
	try {
		const embedder = await TransformersEmbedder.load(
			multilingual ? { ...options.transformers, model: MULTILINGUAL_MODEL } : options.transformers
		);
		return { embedder, message: `embedder: auto → transformers ${embedder.config.model}${why} (${embedder.dim} dimensions)` };
	} catch (error) {
		if (!(error instanceof EmbedderUnavailableError)) throw error;
		if (languages.length === 1 && languages[0] === 'en') {
			try {
				return {
					embedder: wordVectors(),
					message: `embedder: auto → wordvectors (${WORD_VECTORS_DESCRIPTION}), because the transformer model is unavailable: ${error.message}`,
					fallbackReason: error.message
				};
			} catch (wvError) {
				if (!(wvError instanceof EmbedderUnavailableError)) throw wvError;
				return {
					embedder: lexical(),
					message: `embedder: auto → lexical, because the transformer model is unavailable: ${error.message}; and ${wvError.message}`,
					fallbackReason: `${error.message}; ${wvError.message}`
				};
			}
		}
		return {
			embedder: lexical(),
			message: `embedder: auto → lexical, because the ${multilingual ? `multilingual model ${MULTILINGUAL_MODEL} wanted for questions in ${languages.join(', ')}` : 'transformer model'} is unavailable: ${error.message}${multilingual ? '; the lexical embedder compares questions and articles within each language only' : ''}`,
			fallbackReason: error.message
		};
	}
}
