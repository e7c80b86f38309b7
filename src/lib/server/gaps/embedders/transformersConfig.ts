// Where the transformer embedder gets its model: id, local folder, hub access, disk cache.
// Options win over environment variables, which win over defaults.
import fs from 'node:fs';
import path from 'node:path';

export const DEFAULT_MODEL = 'Xenova/all-MiniLM-L6-v2';
/** For non-English data: 50+ languages, same 384 dimensions. */
export const MULTILINGUAL_MODEL = 'Xenova/paraphrase-multilingual-MiniLM-L12-v2';

export interface TransformersOptions {
	/** Hub id or folder name under `modelDir` (SUPPORTLENS_EMBEDDING_MODEL). */
	model?: string;
	/** Folder holding models as `<modelDir>/<model id>/`, or one model folder itself (SUPPORTLENS_MODEL_DIR). */
	modelDir?: string;
	/** May the hub be asked? Default: only when no model folder is given (SUPPORTLENS_ALLOW_REMOTE_MODELS=0|1). */
	allowRemote?: boolean;
	/** Hub address, e.g. an internal mirror (SUPPORTLENS_MODEL_HOST); default the Hugging Face hub. */
	remoteHost?: string;
	/** Where downloaded models are kept (SUPPORTLENS_MODEL_CACHE, default data/models). */
	cacheDir?: string;
	/** ONNX weights variant: fp32 (model.onnx) or q8 (model_quantized.onnx) (SUPPORTLENS_EMBEDDING_DTYPE). */
	dtype?: 'fp32' | 'q8' | 'fp16';
	/** Give up loading after this long (SUPPORTLENS_MODEL_TIMEOUT_MS, default 15 s): never hang offline. */
	loadTimeoutMs?: number;
	batchSize?: number;
}

export interface ResolvedTransformersConfig {
	model: string;
	localModelPath: string | null;
	allowRemote: boolean;
	remoteHost: string | null;
	cacheDir: string;
	dtype: 'fp32' | 'q8' | 'fp16';
	loadTimeoutMs: number;
	batchSize: number;
}

function envFlag(value: string | undefined): boolean | undefined {
	if (value === undefined || value === '') return undefined;
	return !/^(0|false|no|off)$/i.test(value);
}

export function resolveTransformersConfig(
	options: TransformersOptions = {},
	env: Record<string, string | undefined> = process.env
): ResolvedTransformersConfig {
	let model = options.model ?? env.SUPPORTLENS_EMBEDDING_MODEL ?? DEFAULT_MODEL;
	let localModelPath: string | null = null;
	const dir = options.modelDir ?? env.SUPPORTLENS_MODEL_DIR;
	if (dir) {
		const abs = path.resolve(dir);
		// A folder that is itself a model (has config.json) is used whatever the model id says.
		if (fs.existsSync(path.join(abs, 'config.json')) && !fs.existsSync(path.join(abs, model, 'config.json'))) {
			localModelPath = path.dirname(abs) + path.sep;
			model = path.basename(abs);
		} else localModelPath = abs + path.sep;
	}
	const dtype = (options.dtype ?? env.SUPPORTLENS_EMBEDDING_DTYPE ?? 'fp32') as ResolvedTransformersConfig['dtype'];
	const timeout = options.loadTimeoutMs ?? Number(env.SUPPORTLENS_MODEL_TIMEOUT_MS || 15_000);
	return {
		model,
		localModelPath,
		allowRemote: options.allowRemote ?? envFlag(env.SUPPORTLENS_ALLOW_REMOTE_MODELS) ?? !dir,
		remoteHost: options.remoteHost ?? (env.SUPPORTLENS_MODEL_HOST || null),
		cacheDir: path.resolve(options.cacheDir ?? env.SUPPORTLENS_MODEL_CACHE ?? 'data/models'),
		dtype: ['fp32', 'q8', 'fp16'].includes(dtype) ? dtype : 'fp32',
		loadTimeoutMs: Number.isFinite(timeout) && timeout > 0 ? timeout : 15_000,
		batchSize: options.batchSize ?? 32
	};
}
