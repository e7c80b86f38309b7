// The embedders on this offline machine: configuration, the transformers loading code and its
// failures, auto's fallback to lexical (with the reason), and the warehouse embedding cache.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmbedder } from '../../src/lib/server/gaps/embedders/createEmbedder';
import { EmbedderUnavailableError } from '../../src/lib/server/gaps/embedders/EmbedderUnavailableError';
import { LexicalEmbedder } from '../../src/lib/server/gaps/embedders/LexicalEmbedder';
import { TransformersEmbedder } from '../../src/lib/server/gaps/embedders/TransformersEmbedder';
import { DEFAULT_MODEL, resolveTransformersConfig } from '../../src/lib/server/gaps/embedders/transformersConfig';
import { embedWithCache } from '../../src/lib/server/gaps/embeddingCache';
import { withWarehouse } from '../../src/lib/server/warehouse';
import { makeTempDir } from '../helpers/tempDir';

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
		const c = resolveTransformersConfig({}, {
			SUPPORTLENS_MODEL_DIR: models,
			SUPPORTLENS_EMBEDDING_MODEL: 'Xenova/paraphrase-multilingual-MiniLM-L12-v2',
			SUPPORTLENS_EMBEDDING_DTYPE: 'q8',
			SUPPORTLENS_MODEL_TIMEOUT_MS: '2500'
		});
		expect(c).toMatchObject({ model: 'Xenova/paraphrase-multilingual-MiniLM-L12-v2', localModelPath: models + path.sep, allowRemote: false, dtype: 'q8', loadTimeoutMs: 2500 });
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
		await expect(createEmbedder({ choice: 'transformers', corpus: [], transformers: { allowRemote: false } })).rejects.toBeInstanceOf(EmbedderUnavailableError);
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
