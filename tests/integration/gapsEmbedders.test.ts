// The embedders on this offline machine: configuration, the transformers loading code and its
// failures, auto's fallback to the word vectors or lexical (with the reason), and the warehouse embedding cache.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmbedder } from '../../src/lib/server/gaps/embedders/createEmbedder';
import { EmbedderUnavailableError } from '../../src/lib/server/gaps/embedders/EmbedderUnavailableError';
import { LexicalEmbedder } from '../../src/lib/server/gaps/embedders/LexicalEmbedder';
import { TransformersEmbedder } from '../../src/lib/server/gaps/embedders/TransformersEmbedder';
import { WordVectorEmbedder } from '../../src/lib/server/gaps/embedders/WordVectorEmbedder';
import { DEFAULT_MODEL, resolveTransformersConfig } from '../../src/lib/server/gaps/embedders/transformersConfig';
import { embedWithCache } from '../../src/lib/server/gaps/embeddingCache';
import { withWarehouse } from '../../src/lib/server/warehouse';
import { runCli } from '../helpers/runCli';
import { makeTempDir, writeJsonl } from '../helpers/tempDir';
import { writeTinyBertModel } from '../helpers/tinyBertModel';
import { dot } from '../../src/lib/server/gaps/vectorMath';

const { dir, cleanup } = makeTempDir('supportlens-gaps-emb-');
afterAll(cleanup);

describe('transformers configuration', () => {
	it('defaults to the small English model, the hub and data/models as cache', () => {
		const c = resolveTransformersConfig({}, {});
		expect(c).toMatchObject({ model: DEFAULT_MODEL, localModelPath: null, allowRemote: true, dtype: 'fp32', loadTimeoutMs: 15000 });
		expect(c.cacheDir).toBe(path.resolve('data/models'));
	});

	it('reads the environment, and a model folder turns the hub off unless allowed', () => {
		const models = path.join(dir, 'models');
		fs.mkdirSync(models, { recursive: true });
		const c = resolveTransformersConfig(
			{},
			{
				SUPPORTLENS_MODEL_DIR: models,
				SUPPORTLENS_EMBEDDING_MODEL: 'Xenova/paraphrase-multilingual-MiniLM-L12-v2',
				SUPPORTLENS_EMBEDDING_DTYPE: 'q8',
				SUPPORTLENS_MODEL_TIMEOUT_MS: '2500'
			}
		);
		expect(c).toMatchObject({
			model: 'Xenova/paraphrase-multilingual-MiniLM-L12-v2',
			localModelPath: models + path.sep,
			allowRemote: false,
			dtype: 'q8',
			loadTimeoutMs: 2500
		});
		expect(resolveTransformersConfig({ allowRemote: true }, { SUPPORTLENS_MODEL_DIR: models }).allowRemote).toBe(true);
		expect(resolveTransformersConfig({}, { SUPPORTLENS_MODEL_DIR: models, SUPPORTLENS_ALLOW_REMOTE_MODELS: '1' }).allowRemote).toBe(true);
	});

	it('accepts a folder that is itself one model', () => {
		const one = path.join(dir, 'my-model');
		fs.mkdirSync(one, { recursive: true });
		fs.writeFileSync(path.join(one, 'config.json'), '{}');
		expect(resolveTransformersConfig({ modelDir: one }, {})).toMatchObject({ model: 'my-model', localModelPath: dir + path.sep });
	});
});

describe('loading a transformer model offline', () => {
	it('names the folder when the model is not in it', async () => {
		const empty = path.join(dir, 'empty-models');
		fs.mkdirSync(empty, { recursive: true });
		const error = await TransformersEmbedder.load({ modelDir: empty, loadTimeoutMs: 10_000 }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(EmbedderUnavailableError);
		expect((error as Error).message).toContain(`cannot load ${DEFAULT_MODEL} from folder ${empty}`);
	});

	it('says so when there is neither a folder nor hub access', async () => {
		const error = await TransformersEmbedder.load({ allowRemote: false }).catch((e: unknown) => e);
		expect((error as Error).message).toMatch(/no model folder given .* remote models are disabled/);
	});

	it('auto falls back to lexical with the reason when the model folder lacks the model', async () => {
		const empty = path.join(dir, 'empty-models');
		const selection = await createEmbedder({ choice: 'auto', corpus: ['a question'], transformers: { modelDir: empty } });
		expect(selection.embedder).toBeInstanceOf(LexicalEmbedder);
		expect(selection.fallbackReason).toContain('cannot load');
		expect(selection.message).toMatch(/^embedder: auto → lexical, because/);
	});

	it('auto gives up on a hub that never answers at the load timeout instead of hanging', async () => {
		const sockets = new Set<import('node:net').Socket>();
		const silent = http.createServer(() => {}); // accepts requests, never answers
		silent.on('connection', (s) => sockets.add(s));
		await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
		const host = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
		try {
			const selection = await createEmbedder({
				choice: 'auto',
				corpus: ['a question'],
				transformers: { remoteHost: host, allowRemote: true, cacheDir: path.join(dir, 'cache'), loadTimeoutMs: 1500 }
			});
			expect(selection.embedder.kind).toBe('lexical');
			expect(selection.fallbackReason).toBe(`loading ${DEFAULT_MODEL} from ${host} took longer than 1.5s`);
		} finally {
			for (const s of sockets) s.destroy();
			await new Promise((r) => silent.close(r));
		}
	});

	it('an explicit transformers choice fails loudly instead of switching', async () => {
		await expect(createEmbedder({ choice: 'transformers', corpus: [], transformers: { allowRemote: false } })).rejects.toBeInstanceOf(
			EmbedderUnavailableError
		);
	});
});

describe('embedding cache in the warehouse', () => {
	it('embeds each distinct text once, and nothing on a second run', async () => {
		const texts = ['charged twice', 'password reset', 'charged twice', 'où est ma commande'];
		const embedder = LexicalEmbedder.fit(texts);
		await withWarehouse(path.join(dir, 'cache.duckdb'), async (w) => {
			const first = await embedWithCache(w.db, embedder, texts);
			expect(first.embedded).toBe(3);
			const second = await embedWithCache(w.db, embedder, texts);
			expect(second.embedded).toBe(0);
			expect(second.vectors.map((v) => Array.from(v))).toEqual(first.vectors.map((v) => Array.from(v)));
			expect(Array.from(second.vectors[0])).toEqual(Array.from(embedder.embedOne('charged twice')));
		});
	});
});

describe('a model folder given: the transformers path runs for real', () => {
	// A tiny BERT-shaped ONNX model this test writes itself (no download): the same loading,
	// tokenising, batching and mean-pooling code as all-MiniLM-L6-v2 goes through.
	const models = path.join(dir, 'local-models');
	const folder = writeTinyBertModel(models, 'tiny-bert');
	const cacheDir = path.join(dir, 'model-cache');

	it('loads it, embeds in batches, mean-pools and normalises', async () => {
		const embedder = await TransformersEmbedder.load({ modelDir: folder, cacheDir, batchSize: 2, loadTimeoutMs: 120_000 });
		try {
			expect(embedder.model).toBe('transformers:tiny-bert:fp32');
			expect(embedder.dim).toBe(16);
			const [a, b, c, again] = await embedder.embed([
				'I was charged twice',
				'double payment on my card',
				'password reset link expired',
				'I was charged twice'
			]);
			expect(dot(a, a)).toBeCloseTo(1, 5);
			expect(dot(a, b)).toBeGreaterThan(dot(a, c));
			expect(Array.from(again)).toEqual(Array.from(a));
		} finally {
			await embedder.dispose?.();
		}
	}, 180_000);

	it('auto uses it when SUPPORTLENS_MODEL_DIR holds <model id>/ and says so', async () => {
		const selection = await createEmbedder({
			choice: 'auto',
			corpus: [],
			transformers: { modelDir: models, model: 'tiny-bert', cacheDir, loadTimeoutMs: 120_000 }
		});
		try {
			expect(selection.embedder.kind).toBe('transformers');
			expect(selection.fallbackReason).toBeUndefined();
			expect(selection.message).toBe('embedder: auto → transformers tiny-bert (16 dimensions)');
		} finally {
			await selection.embedder.dispose?.();
		}
	}, 180_000);

	it('auto picks the multilingual model for questions in several languages, from the same folder', async () => {
		// A tiny model stored under the multilingual model's id: auto must ask for that id.
		const multi = path.join(dir, 'multi-models');
		writeTinyBertModel(path.join(multi, 'Xenova'), 'paraphrase-multilingual-MiniLM-L12-v2');
		const languages = ['en', 'en', 'de-DE', 'de', 'fr', 'fr', 'es']; // one Spanish text is too few to count
		const selection = await createEmbedder({
			choice: 'auto',
			corpus: [],
			languages,
			env: {},
			transformers: { modelDir: multi, cacheDir, loadTimeoutMs: 120_000 }
		});
		try {
			expect(selection.embedder.kind).toBe('transformers');
			expect(selection.message).toBe(
				'embedder: auto → transformers Xenova/paraphrase-multilingual-MiniLM-L12-v2 (questions in 3 languages: de, en, fr) (16 dimensions)'
			);
		} finally {
			await selection.embedder.dispose?.();
		}
		// One language, English: the configured (English) model, which this folder lacks → the English
		// word vectors, and it says why.
		const english = await createEmbedder({
			choice: 'auto',
			corpus: ['a question'],
			languages: ['en', 'en'],
			env: {},
			transformers: { modelDir: multi }
		});
		expect(english.embedder).toBeInstanceOf(WordVectorEmbedder);
		expect(english.message).toMatch(/^embedder: auto → wordvectors \(.*\), because the transformer model is unavailable/);
		// Several languages and no multilingual model: lexical, naming the model it wanted.
		const fallback = await createEmbedder({
			choice: 'auto',
			corpus: ['a question'],
			languages,
			env: {},
			transformers: { modelDir: models }
		});
		expect(fallback.embedder).toBeInstanceOf(LexicalEmbedder);
		expect(fallback.message).toContain(
			'the multilingual model Xenova/paraphrase-multilingual-MiniLM-L12-v2 wanted for questions in de, en, fr is unavailable'
		);
		expect(fallback.message).toContain('within each language only');
	}, 180_000);

	it('the cluster command uses the model folder from the environment', () => {
		const input = writeJsonl(
			path.join(dir, 'tiny-q.jsonl'),
			[
				// Five of each: the default minimum cluster size.
				'charged twice',
				'double payment',
				'refund my money',
				'card charged twice',
				'charged two times',
				'password reset',
				'locked account',
				'reset link expired',
				'login email',
				'forgot password'
			].map((text, i) => ({ id: `q${i}`, text }))
		);
		const output = path.join(dir, 'tiny-out.jsonl');
		const r = runCli(['cluster', '--in', input, '--out', output, '--embedder', 'transformers'], {
			SUPPORTLENS_MODEL_DIR: folder,
			SUPPORTLENS_MODEL_CACHE: cacheDir
		});
		expect(r.code, r.stderr).toBe(0);
		expect(r.stderr).toContain('embedder: transformers tiny-bert (16 dimensions)');
		const clusters = fs
			.readFileSync(output, 'utf8')
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l).cluster);
		expect(new Set(clusters.slice(0, 5)).size).toBe(1);
		expect(new Set(clusters.slice(5)).size).toBe(1);
		expect(clusters[0]).not.toBe(clusters[5]);
	}, 180_000);
});
