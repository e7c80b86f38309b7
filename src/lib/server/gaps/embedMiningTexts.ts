// The mining run's embedding stage: picks the embedder (fitted on every text the run compares),
// embeds what the cache does not hold yet with progress lines, and releases the model.
import type { WarehouseConnection } from '../warehouse';
import type { EmbedderChoice, EmbedderKind } from './embedders/Embedder';
import { createEmbedder } from './embedders/createEmbedder';
import type { TransformersOptions } from './embedders/transformersConfig';
import { embedWithCache, pruneLexicalCache } from './embeddingCache';

export interface EmbeddedTexts {
	kind: EmbedderKind;
	model: string;
	/** One line for the user: which embedder, and for `auto`, why. */
	message: string;
	fallbackReason: string | null;
	/** Every text's vector. */
	vectorOf: Map<string, Float32Array>;
	/** Texts embedded by this run (not found in the cache). */
	embedded: number;
}

export async function embedMiningTexts(
	db: WarehouseConnection,
	texts: string[],
	options: { choice: EmbedderChoice; transformers?: TransformersOptions; languages: (string | null)[]; say: (message: string) => void }
): Promise<EmbeddedTexts> {
	const { say } = options;
	const selection = await createEmbedder({
		choice: options.choice,
		corpus: texts,
		transformers: options.transformers,
		languages: options.languages
	});
	say(selection.message);
	const embedder = selection.embedder;
	const vectorOf = new Map<string, Float32Array>();
	let embedded: number;
	try {
		const started = Date.now();
		const result = await embedWithCache(db, embedder, texts, (done, total) => {
			const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
			say(
				`embedded ${done.toLocaleString('en')} / ${total.toLocaleString('en')} new texts · ${Math.round(rate)}/s · ETA ${Math.round((total - done) / Math.max(rate, 1))}s`
			);
		});
		embedded = result.embedded;
		texts.forEach((t, i) => vectorOf.set(t, result.vectors[i]));
		if (embedder.kind !== 'transformers') await pruneLexicalCache(db, embedder.model);
	} finally {
		await embedder.dispose?.();
	}
	return {
		kind: embedder.kind,
		model: embedder.model,
		message: selection.message,
		fallbackReason: selection.fallbackReason ?? null,
		vectorOf,
		embedded
	};
}
