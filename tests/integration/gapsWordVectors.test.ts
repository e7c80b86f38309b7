// The English word vectors from the installed npm package, for real: what the loader keeps,
// paraphrases they bring together, auto's choice for English questions and its fallback when
// the vectors are missing, and the cluster command using them offline.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createEmbedder } from '../../src/lib/server/gaps/embedders/createEmbedder';
import { EmbedderUnavailableError } from '../../src/lib/server/gaps/embedders/EmbedderUnavailableError';
import { LexicalEmbedder } from '../../src/lib/server/gaps/embedders/LexicalEmbedder';
import { loadWordVectors, WORD_VECTOR_PACKAGE } from '../../src/lib/server/gaps/embedders/loadWordVectors';
import { WordVectorEmbedder } from '../../src/lib/server/gaps/embedders/WordVectorEmbedder';
import { dot } from '../../src/lib/server/gaps/vectorMath';
import { runCli } from '../helpers/runCli';
import { makeTempDir, writeJsonl } from '../helpers/tempDir';

const { dir, cleanup } = makeTempDir('supportlens-gaps-wv-');
afterAll(cleanup);

const cosine = (t: { row: Map<string, number>; vectors: Float32Array; dim: number }, a: string, b: string) => {
	const va = t.vectors.subarray(t.row.get(a)! * t.dim, (t.row.get(a)! + 1) * t.dim);
	const vb = t.vectors.subarray(t.row.get(b)! * t.dim, (t.row.get(b)! + 1) * t.dim);
	return dot(va, vb) / Math.sqrt(dot(va, va) * dot(vb, vb));
};

describe('the word vector package', () => {
	it('keeps only the asked words that it knows, with their frequency rank', () => {
		const t = loadWordVectors(['book', 'novel', 'weather', 'the', 'qzxqzxnotaword']);
		expect(t.source).toBe(WORD_VECTOR_PACKAGE);
		expect(t.dim).toBe(100);
		expect(t.vocabularySize).toBeGreaterThan(300_000);
		expect([...t.row.keys()].sort()).toEqual(['book', 'novel', 'the', 'weather']);
		expect(t.vectors.length).toBe(4 * 100);
		expect(t.rank[t.row.get('the')!]).toBe(0);
		expect(cosine(t, 'book', 'novel')).toBeGreaterThan(cosine(t, 'book', 'weather'));
	}, 120_000);

	it('says what is missing when the file cannot be read', () => {
		expect(() => loadWordVectors(['book'], path.join(dir, 'nope.json'))).toThrow(EmbedderUnavailableError);
		expect(() => loadWordVectors(['book'], path.join(dir, 'nope.json'))).toThrow(/cannot read the word vectors in .*nope\.json/);
	});

	it('brings wordings with no shared content word closer than LSA alone does', async () => {
		const corpus = [
			'rate this book 4 out of 6',
			'give this novel 5 points',
			'rate the current essay five stars',
			'what is the weather in Ohio',
			'will it be hot in Utah',
			'forecast for Paris tomorrow',
			'play some jazz music',
			'put on a song by Adele'
		];
		const joined = WordVectorEmbedder.fit(corpus);
		const lexical = LexicalEmbedder.fit(corpus);
		const [a, b, c] = await joined.embed([corpus[0], corpus[1], corpus[3]]);
		const [la, lb] = await lexical.embed([corpus[0], corpus[1]]);
		expect(dot(a, b)).toBeGreaterThan(dot(la, lb));
		expect(dot(a, b)).toBeGreaterThan(dot(a, c));
	}, 120_000);
});

describe('auto for English questions without a transformer model', () => {
	const english = ['how do I reset my password', 'my card was charged twice', 'where is my parcel'];

	it('uses the word vectors and says why', async () => {
		const selection = await createEmbedder({
			choice: 'auto',
			corpus: english,
			languages: ['en', 'en', 'en'],
			transformers: { allowRemote: false }
		});
		expect(selection.embedder).toBeInstanceOf(WordVectorEmbedder);
		expect(selection.message).toMatch(
			/^embedder: auto → wordvectors \(.*\), because the transformer model is unavailable: no model folder given/
		);
	}, 120_000);

	it('keeps the lexical embedder for questions in several languages', async () => {
		const selection = await createEmbedder({
			choice: 'auto',
			corpus: [...english, 'Passwort vergessen', 'Karte doppelt belastet', 'wo ist mein Paket'],
			languages: ['en', 'en', 'en', 'de', 'de', 'de'],
			transformers: { allowRemote: false }
		});
		expect(selection.embedder).toBeInstanceOf(LexicalEmbedder);
	});

	it('falls back to lexical with a clear message when the vectors are missing', async () => {
		const selection = await createEmbedder({
			choice: 'auto',
			corpus: english,
			languages: ['en', 'en', 'en'],
			transformers: { allowRemote: false },
			wordVectors: { load: () => loadWordVectors([], path.join(dir, 'missing.json')) }
		});
		expect(selection.embedder).toBeInstanceOf(LexicalEmbedder);
		expect(selection.message).toMatch(
			/auto → lexical, because the transformer model is unavailable: .*; and cannot read the word vectors in/
		);
	});

	it('an explicit wordvectors choice fails loudly when the vectors are missing', async () => {
		await expect(
			createEmbedder({
				choice: 'wordvectors',
				corpus: english,
				wordVectors: { load: () => loadWordVectors([], path.join(dir, 'missing.json')) }
			})
		).rejects.toBeInstanceOf(EmbedderUnavailableError);
	});
});

describe('the cluster command offline on English questions', () => {
	it('picks the word vectors and keeps its output contract', () => {
		const texts = [
			'rate this book four out of six',
			'give this novel five points',
			'rate the current novel four stars',
			'i give this textbook a rating of two',
			'rate this essay three of six',
			'what is the weather forecast in ohio',
			'will it be hot in utah tomorrow',
			'weather for paris next week',
			'is it going to rain in boston',
			'tell me the forecast for denver'
		];
		const input = writeJsonl(
			path.join(dir, 'en-q.jsonl'),
			texts.map((text, i) => ({ id: `q${i}`, text }))
		);
		const output = path.join(dir, 'en-out.jsonl');
		const r = runCli(['cluster', '--in', input, '--out', output], { SUPPORTLENS_ALLOW_REMOTE_MODELS: '0', SUPPORTLENS_MODEL_DIR: '' });
		expect(r.code, r.stderr).toBe(0);
		expect(r.stderr).toContain('embedder: auto → wordvectors');
		const lines = fs
			.readFileSync(output, 'utf8')
			.trim()
			.split('\n')
			.map((l) => JSON.parse(l) as { id: string; cluster: number; label: string });
		expect(lines.map((l) => l.id)).toEqual(texts.map((_, i) => `q${i}`));
		for (const l of lines) expect(Object.keys(l).sort()).toEqual(['cluster', 'id', 'label']);
	}, 180_000);
});
