// Sentence embeddings with @huggingface/transformers (ONNX Runtime on the CPU): feature
// extraction with mean pooling and L2 normalisation, in batches, yielding to the event loop
// between batches. Loading is bounded by a timeout so an offline machine never hangs.
import { EmbedderUnavailableError } from './EmbedderUnavailableError';
import type { Embedder } from './Embedder';
import { resolveTransformersConfig, type ResolvedTransformersConfig, type TransformersOptions } from './transformersConfig';

type Extractor = {
	(texts: string[], options: { pooling: 'mean'; normalize: boolean }): Promise<{ data: ArrayLike<number>; dims: number[] }>;
	dispose?: () => Promise<void>;
};

function firstLine(error: unknown): string {
	return (error instanceof Error ? error.message : String(error)).split('\n')[0].slice(0, 300);
}

export class TransformersEmbedder implements Embedder {
	readonly kind = 'transformers' as const;
	readonly model: string;

	private constructor(
		readonly config: ResolvedTransformersConfig,
		private readonly extractor: Extractor,
		readonly dim: number
	) {
		this.model = `transformers:${config.model}:${config.dtype}`;
	}

	/** Loads the model (local folder first, then the hub if allowed) or throws EmbedderUnavailableError. */
	static async load(options: TransformersOptions = {}): Promise<TransformersEmbedder> {
		const config = resolveTransformersConfig(options);
		const where = config.localModelPath ? `folder ${config.localModelPath}${config.model}` : (config.remoteHost ?? 'the model hub');
		if (!config.localModelPath && !config.allowRemote) {
			throw new EmbedderUnavailableError(`no model folder given (SUPPORTLENS_MODEL_DIR) and remote models are disabled`);
		}
		const load = (async () => {
			const { pipeline, env } = await import('@huggingface/transformers');
			env.allowRemoteModels = config.allowRemote;
			env.allowLocalModels = config.localModelPath !== null;
			if (config.localModelPath) env.localModelPath = config.localModelPath;
			env.cacheDir = config.cacheDir;
			if (config.remoteHost) env.remoteHost = config.remoteHost.endsWith('/') ? config.remoteHost : config.remoteHost + '/';
			const extractor = (await pipeline('feature-extraction', config.model, {
				dtype: config.dtype,
				device: 'cpu'
			})) as unknown as Extractor;
			const probe = await extractor(['probe'], { pooling: 'mean', normalize: true });
			return { extractor, dim: probe.dims[probe.dims.length - 1] };
		})();
		let timer: NodeJS.Timeout | undefined;
		const timeout = new Promise<never>((_, reject) => {
			timer = setTimeout(
				() =>
					reject(new EmbedderUnavailableError(`loading ${config.model} from ${where} took longer than ${config.loadTimeoutMs / 1000}s`)),
				config.loadTimeoutMs
			);
		});
		try {
			const { extractor, dim } = await Promise.race([load, timeout]);
			return new TransformersEmbedder(config, extractor, dim);
		} catch (error) {
			// A load that finishes after the timeout must not keep an ONNX session alive.
			load.then((l) => l.extractor.dispose?.()).catch(() => {});
			if (error instanceof EmbedderUnavailableError) throw error;
			throw new EmbedderUnavailableError(`cannot load ${config.model} from ${where}: ${firstLine(error)}`, { cause: error });
		} finally {
			clearTimeout(timer);
		}
	}

	async embed(texts: string[], onProgress?: (done: number, total: number) => void): Promise<Float32Array[]> {
		const out: Float32Array[] = [];
		for (let start = 0; start < texts.length; start += this.config.batchSize) {
			// Empty strings make some tokenizers produce zero-length inputs; a space embeds as "nothing".
			const batch = texts.slice(start, start + this.config.batchSize).map((t) => t.slice(0, 2000) || ' ');
			const tensor = await this.extractor(batch, { pooling: 'mean', normalize: true });
			const data = Float32Array.from(tensor.data);
			for (let i = 0; i < batch.length; i++) out.push(data.slice(i * this.dim, (i + 1) * this.dim));
			onProgress?.(out.length, texts.length);
			await new Promise((r) => setImmediate(r));
		}
		return out;
	}

	async dispose(): Promise<void> {
		await this.extractor.dispose?.();
	}
}
