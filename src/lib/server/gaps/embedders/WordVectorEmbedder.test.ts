import { describe, expect, it } from 'vitest';
import { dot, normalize } from '../vectorMath';
import { principalAxes } from './principalAxes';
import { sifVector } from './sifVector';
import { WordVectorEmbedder, joinVectors } from './WordVectorEmbedder';
import type { WordVectors } from './WordVectors';

/** A small made-up table: book/novel and weather/forecast point alike; rank = frequency order. */
function table(): WordVectors {
	const entries: [string, number[]][] = [
		['the', [1, 1, 1, 1]],
		['book', [0, 1, 0, 0.1]],
		['novel', [0.05, 1, 0, 0]],
		['rate', [0, 0.8, 0.2, 0]],
		['give', [0, 0.7, 0.1, 0.2]],
		['weather', [0, 0, 1, 0]],
		['forecast', [0, 0.1, 1, 0]],
		['hot', [0.1, 0, 0.9, 0]]
	];
	const dim = 4;
	const vectors = new Float32Array(entries.length * dim);
	entries.forEach(([, v], r) => v.forEach((x, j) => (vectors[r * dim + j] = x)));
	return {
		dim,
		vocabularySize: 1000,
		row: new Map(entries.map(([w], r) => [w, r])),
		vectors,
		rank: Int32Array.from(entries, (_, r) => r * 50),
		source: 'test-table'
	};
}

describe('sifVector', () => {
	it('weighs a frequent word far less than a rare one', () => {
		const t = table();
		const v = sifVector(['the', 'weather'], t);
		// "the" (rank 0) gets a tiny weight; the average points almost along weather's vector.
		expect(v[2] / v[0]).toBeGreaterThan(10);
	});

	it('skips unknown words and gives zero for a text with none known', () => {
		const t = table();
		expect(Array.from(sifVector(['qwzx'], t))).toEqual([0, 0, 0, 0]);
		expect(Array.from(sifVector(['book', 'qwzx'], t))).toEqual(Array.from(sifVector(['book'], t)));
	});
});

describe('principalAxes', () => {
	it('finds the dominant direction first, unit length, with a fixed sign', () => {
		const points = [
			[3, 0.1],
			[-3, 0],
			[2.9, -0.2],
			[-3.1, 0.1]
		].map((p) => Float32Array.from(p));
		const { axes, energy } = principalAxes(points);
		expect(Math.abs(axes[0][0])).toBeGreaterThan(0.99);
		expect(axes[0][0]).toBeGreaterThan(0);
		expect(dot(axes[0], axes[0])).toBeCloseTo(1, 5);
		expect(dot(axes[0], axes[1])).toBeCloseTo(0, 5);
		expect(energy[0]).toBeGreaterThan(energy[1]);
	});
});

describe('joinVectors', () => {
	it('adds the two cosines in the given shares', () => {
		const a1 = normalize(Float32Array.from([1, 0]));
		const a2 = normalize(Float32Array.from([1, 1]));
		const b1 = normalize(Float32Array.from([0, 1, 0]));
		const b2 = normalize(Float32Array.from([0, 1, 0]));
		const j = dot(joinVectors(a1, b1, 0.2), joinVectors(a2, b2, 0.2));
		expect(j).toBeCloseTo(0.8 * dot(a1, a2) + 0.2 * dot(b1, b2), 5);
	});
});

describe('WordVectorEmbedder', () => {
	const corpus = [
		'rate this book 4 out of 6',
		'give the novel five points',
		'rate the novel',
		'what is the weather forecast',
		'will it be hot tomorrow',
		'weather forecast for tomorrow'
	];
	const embedder = WordVectorEmbedder.fit(corpus, { load: () => table() });

	it('gives unit vectors in a fixed space named by the fit, the table and the weight', async () => {
		const [v] = await embedder.embed([corpus[0]]);
		expect(v.length).toBe(embedder.dim);
		expect(dot(v, v)).toBeCloseTo(1, 5);
		expect(embedder.kind).toBe('wordvectors');
		expect(embedder.model).toMatch(/^lexical-wv-v1:test-table:a0\.0001:w0\.2:lexical-lsa-v4:/);
		const again = WordVectorEmbedder.fit([...corpus].reverse(), { load: () => table() });
		expect(again.model).toBe(embedder.model);
		expect(Array.from((await again.embed([corpus[0]]))[0])).toEqual(Array.from(v));
	});

	it('keeps only the words of the corpus when it asks for vectors', () => {
		let asked: string[] = [];
		WordVectorEmbedder.fit(corpus, {
			load: (words) => {
				asked = [...words];
				return table();
			}
		});
		expect(asked).toContain('novel');
		expect(asked).not.toContain('the'); // filler words carry no topic and are not asked for
	});

	it('brings a paraphrase with no shared content word closer than the lexical part alone does', async () => {
		const lexicalOnly = WordVectorEmbedder.fit(corpus, { load: () => table(), wordVectorWeight: 0 });
		const joined = WordVectorEmbedder.fit(corpus, { load: () => table(), wordVectorWeight: 0.5 });
		const pair = ['rate this book', 'give the novel five points'];
		const [a0, b0] = await lexicalOnly.embed(pair);
		const [a1, b1] = await joined.embed(pair);
		expect(dot(a1, b1)).toBeGreaterThan(dot(a0, b0));
	});
});
