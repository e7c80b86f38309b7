import { describe, expect, it } from 'vitest';
import { dot } from '../vectorMath';
import { LexicalEmbedder, lexicalFeatures, stem } from './LexicalEmbedder';

const corpus = [
	'I was charged twice for my subscription this month',
	'Why are there two payments of 49 EUR on my card?',
	'double charge on my pro subscription',
	'The password reset email never arrives',
	'forgot my password and the reset link does not come',
	'Mir wurde im Oktober doppelt abgebucht',
	'Warum sehe ich zwei Zahlungen auf meiner Karte?'
];

describe('LexicalEmbedder', () => {
	const embedder = LexicalEmbedder.fit(corpus);

	it('gives unit-length vectors with at most one LSA dimension per fitted text', async () => {
		const [v] = await embedder.embed(['Where can I download my invoices?']);
		expect(v.length).toBe(embedder.dim);
		expect(embedder.dim).toBeLessThanOrEqual(corpus.length);
		expect(dot(v, v)).toBeCloseTo(1, 5);
	});

	it('is deterministic: the same corpus and text give the same vector and model key', async () => {
		const again = LexicalEmbedder.fit([...corpus].reverse());
		expect(again.model).toBe(embedder.model);
		const [a] = await embedder.embed([corpus[0]]);
		const [b] = await again.embed([corpus[0]]);
		expect(Array.from(a)).toEqual(Array.from(b));
	});

	it('changes its model key when the fitted corpus changes', () => {
		expect(LexicalEmbedder.fit([...corpus, 'something new']).model).not.toBe(embedder.model);
	});

	it('puts paraphrases of one question closer together than different questions', async () => {
		const [charged, doubleCharge, reset, resetLink] = await embedder.embed([corpus[0], corpus[2], corpus[3], corpus[4]]);
		expect(dot(charged, doubleCharge)).toBeGreaterThan(dot(charged, reset));
		expect(dot(reset, resetLink)).toBeGreaterThan(dot(reset, doubleCharge));
	});

	it('matches inflected and accented words through character n-grams', async () => {
		const [a, b, c] = await embedder.embed([
			'Réinitialiser le mot de passe',
			'reinitialisation du mot de passe',
			'Livraison partielle de la commande'
		]);
		expect(dot(a, b)).toBeGreaterThan(dot(a, c));
		expect(dot(a, b)).toBeGreaterThan(0.3);
	});

	it('embeds an empty text as the zero vector rather than failing', async () => {
		const [v] = await embedder.embed(['']);
		expect(dot(v, v)).toBe(0);
	});

	it('folds English inflections so refunds, refunded and refunding meet, and leaves short words and codes alone', () => {
		expect(['refunds', 'refunded', 'refunding'].map(stem)).toEqual(['refund', 'refund', 'refund']);
		expect(stem('companies')).toBe('company');
		expect(stem('address')).toBe('address');
		expect(stem('status')).toBe('status');
		expect(stem('uses')).toBe('uses');
		expect(stem('e404s')).toBe('e404s');
	});

	it('drops greetings and function words from the features unless nothing else is left', () => {
		const wrapped = lexicalFeatures('Hi team, quick question: how do I export invoices? Thanks!', 17, { dropStopWords: true });
		const bare = lexicalFeatures('export invoices', 17, { dropStopWords: true });
		expect([...wrapped.words.keys()].sort()).toEqual([...bare.words.keys()].sort());
		const onlyFiller = lexicalFeatures('hi thanks', 17, { dropStopWords: true });
		expect(onlyFiller.words.size).toBeGreaterThan(0);
	});

	it('puts the same question in different wrappings closer than a different question in the same wrapping', async () => {
		const [a, b, c] = await embedder.embed([
			'Hello, I need help: my password reset email never arrives',
			'password reset email never arrives',
			'Hello, I need help: I was charged twice this month'
		]);
		expect(dot(a, b)).toBeGreaterThan(dot(a, c));
	});
});
