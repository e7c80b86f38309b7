// Picks the embedder: `lexical`, `transformers`, or `auto` (transformers when a model loads
// within its timeout, else lexical), and says which one it used and why.
import { EmbedderUnavailableError } from './EmbedderUnavailableError';
import type { Embedder, EmbedderChoice } from './Embedder';
import { LexicalEmbedder, type LexicalOptions } from './LexicalEmbedder';
import { TransformersEmbedder } from './TransformersEmbedder';
import type { TransformersOptions } from './transformersConfig';

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
}

export async function createEmbedder(options: CreateEmbedderOptions): Promise<EmbedderSelection> {
	const lexical = () => LexicalEmbedder.fit(options.corpus, options.lexical);
	if (options.choice === 'lexical') {
		return { embedder: lexical(), message: 'embedder: lexical (word + character n-gram TF-IDF, random projection)' };
	}
	if (options.choice === 'transformers') {
		// Asked for explicitly: failing to load is the user's error, not a reason to switch.
		const embedder = await TransformersEmbedder.load(options.transformers);
		return { embedder, message: `embedder: transformers ${embedder.config.model} (${embedder.dim} dimensions)` };
	}
	try {
		const embedder = await TransformersEmbedder.load(options.transformers);
		return { embedder, message: `embedder: auto → transformers ${embedder.config.model} (${embedder.dim} dimensions)` };
	} catch (error) {
		if (!(error instanceof EmbedderUnavailableError)) throw error;
		return {
			embedder: lexical(),
			message: `embedder: auto → lexical, because the transformer model is unavailable: ${error.message}`,
			fallbackReason: error.message
		};
	}
}
