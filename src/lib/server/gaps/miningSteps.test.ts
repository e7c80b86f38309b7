import { describe, expect, it } from 'vitest';
import { labelClusters } from './labelClusters';
import { matchGaps } from './matchGaps';
import { assessCoverage } from './assessCoverage';
import { chunkArticle } from './chunkArticle';
import { questionText } from './questionText';
import { gapVolumeAroundResolution } from './gapVolumeAroundResolution';
import { normalize } from './vectorMath';

const v = (...xs: number[]) => normalize(Float32Array.from(xs));

describe('labelClusters', () => {
	it('picks the distinctive words per cluster and the most central question as title', () => {
		const texts = [
			'my invoice is missing',
			'invoice pdf please',
			'where is the invoice for May',
			'my password reset fails',
			'password reset link expired'
		];
		const labels = Int32Array.from([0, 0, 0, 1, 1]);
		const sims = Float32Array.from([0.7, 0.9, 0.6, 0.8, 0.7]);
		const [a, b] = labelClusters(texts, labels, sims, 2, 3);
		expect(a.terms[0]).toBe('invoice');
		expect(a.title).toBe('invoice pdf please');
		expect(b.terms.slice(0, 2).sort()).toEqual(['password', 'reset']);
		expect(b.terms).not.toContain('my'); // stop words never label a cluster
		expect(b.title).toBe('my password reset fails');
	});
});

describe('matchGaps', () => {
	it('carries ids by shared questions or centroid similarity, one to one', () => {
		const previous = [
			{ id: 7, members: new Set(['q1', 'q2', 'q3']), centroid: v(1, 0, 0) },
			{ id: 9, members: new Set(['q4', 'q5']), centroid: v(0, 1, 0) },
			{ id: 11, members: new Set<string>(), centroid: v(0, 0, 1) }
		];
		const clusters = [
			{ members: ['q4', 'q5', 'q9'], centroid: v(0.2, 1, 0) }, // mostly gap 9's questions
			{ members: ['q1', 'q2', 'q3', 'q8'], centroid: v(1, 0.1, 0) }, // gap 7
			{ members: ['q20'], centroid: v(0.05, 0, 1) }, // no shared questions, same direction as inactive 11
			{ members: ['q30'], centroid: v(1, 1, 1) } // something new
		];
		expect(matchGaps(previous, clusters)).toEqual([9, 7, 11, null]);
	});

	it('never gives one previous id to two clusters', () => {
		const previous = [{ id: 1, members: new Set(['a', 'b', 'c', 'd']), centroid: v(1, 0) }];
		const result = matchGaps(previous, [
			{ members: ['a', 'b'], centroid: v(1, 0.1) },
			{ members: ['c', 'd'], centroid: v(1, -0.1) }
		]);
		expect(result.filter((x) => x === 1)).toHaveLength(1);
	});
});

describe('assessCoverage', () => {
	const chunks = [
		{ article_id: 'kb-refund', title: 'Refunds', text: 'Refunds', locale: 'en' },
		{ article_id: 'kb-api', title: 'API overview', text: 'API overview', locale: 'en' },
		{ article_id: 'kb-erstattung', title: 'Erstattungen', text: 'Erstattungen', locale: 'de' }
	];
	const chunkVectors = [v(1, 0, 0), v(0, 1, 0), v(1, 0, 0)];
	const base = { chunks, chunkVectors, articleSimilarity: 0.6, weakAnsweredShare: 0.35 };

	it('without citations in the warehouse: missing when no article is close, weak when one is and the AI fails', () => {
		const [far, close] = assessCoverage({
			...base,
			locales: ['en', 'en'],
			centroids: [v(0, 0, 1), v(1, 0.2, 0)],
			evidence: [new Map(), new Map()],
			answered: [
				[0, 10],
				[1, 10]
			]
		});
		expect(far.coverage).toBe('missing');
		expect(far.reason).toMatch(/^missing: no article close enough/);
		expect(close).toMatchObject({ coverage: 'weak', nearest_article_id: 'kb-refund', ai_answered_share: 0.1 });
	});

	it('with citations: a close article the AI answers other questions with does not cover a topic it never answers', () => {
		const answeredWith = new Map([['kb-refund', 40]]);
		const [r] = assessCoverage({
			...base,
			citationsKnown: true,
			answeredWith,
			locales: ['en'],
			centroids: [v(1, 0.5, 0)],
			evidence: [new Map()],
			answered: [[0, 12]]
		});
		expect(r.coverage).toBe('missing');
		// The same article never used by the AI: nothing says it is about something else, so it is weak.
		const [unused] = assessCoverage({
			...base,
			citationsKnown: true,
			answeredWith: new Map(),
			locales: ['en'],
			centroids: [v(1, 0.5, 0)],
			evidence: [new Map()],
			answered: [[0, 12]]
		});
		expect(unused.coverage).toBe('weak');
		expect(r.reason).toContain('nearest article: “Refunds”, 0.89');
		expect(r.reason).toContain('0 of 12 similar conversations answered confidently');
	});

	it('is covered when similar questions were answered citing an article, even with other wording', () => {
		const [r] = assessCoverage({
			...base,
			citationsKnown: true,
			centroids: [v(0.1, 0.3, 1)],
			evidence: [new Map([['kb-api', 6]])],
			answered: [[8, 10]]
		});
		expect(r).toMatchObject({ coverage: 'covered', nearest_article_id: 'kb-api', answered_citing: 6 });
		expect(r.reason).toContain('6 similar questions answered citing it');
	});

	it('takes no evidence from farther look-alikes when the nearest ones went unanswered, unless it names the nearest article', () => {
		const input = {
			...base,
			citationsKnown: true,
			answeredWith: new Map([
				['kb-api', 50],
				['kb-refund', 50]
			]),
			locales: ['en'],
			centroids: [v(0.1, 1, 0)], // nearest article: kb-api
			evidence: [new Map([['kb-refund', 6]])],
			answered: [[8, 10]] as [number, number][]
		};
		expect(assessCoverage(input)[0].coverage).toBe('covered');
		const [r] = assessCoverage({ ...input, unansweredLike: [true] });
		expect(r.coverage).toBe('missing');
		expect(r.reason).toContain('the AI failed on the nearest look-alikes');
		// The look-alikes were answered with the nearest article itself: it is about these questions.
		const [weak] = assessCoverage({ ...input, evidence: [new Map([['kb-api', 6]])], unansweredLike: [true] });
		expect(weak).toMatchObject({ coverage: 'weak', nearest_article_id: 'kb-api', answered_citing: 6 });
		expect(weak.reason).toMatch(/^weak: the article answers similar questions, yet the AI fails most of these/);
	});

	it('is weak when the article is cited for similar questions yet the AI mostly fails', () => {
		const [r] = assessCoverage({
			...base,
			citationsKnown: true,
			locales: ['en'],
			centroids: [v(1, 0, 0)],
			evidence: [new Map([['kb-refund', 3]])],
			answered: [[3, 12]]
		});
		expect(r.coverage).toBe('weak');
	});

	it('compares a cluster only with articles of its own locale', () => {
		const [de] = assessCoverage({ ...base, locales: ['de-DE'], centroids: [v(1, 0, 0)], evidence: [new Map()], answered: [[0, 4]] });
		expect(de.nearest_article_id).toBe('kb-erstattung');
		const [fr] = assessCoverage({ ...base, locales: ['fr'], centroids: [v(1, 0, 0)], evidence: [new Map()], answered: [[0, 4]] });
		expect(fr).toMatchObject({ coverage: 'missing', nearest_article_id: null });
	});
});

describe('text preparation', () => {
	it('drops markup, greetings and signatures from a customer message', () => {
		expect(questionText('Hi,\n\n<p>I was charged <b>twice</b> this month.</p>\n\nAnna Schmidt')).toBe('I was charged twice this month.');
		expect(questionText('Hello there')).toBe('Hello there');
	});

	it('chunks a long article at sentence ends, each chunk titled, plus the title alone', () => {
		const body = Array.from({ length: 30 }, (_, i) => `Sentence number ${i} explains one more step.`).join(' ');
		const chunks = chunkArticle({ id: 'kb-1', title: 'Long guide', body }, 300);
		expect(chunks[0].text).toBe('Long guide');
		expect(chunks.length).toBeGreaterThan(4);
		for (const c of chunks.slice(1)) {
			expect(c.text.startsWith('Long guide. Sentence number')).toBe(true);
			expect(c.text.length).toBeLessThan(400);
		}
	});
});

describe('gapVolumeAroundResolution', () => {
	it('compares mean weekly volume before and after the resolution week', () => {
		const weekly = ['2026-09-07', '2026-09-14', '2026-09-21', '2026-09-28', '2026-10-05'].map((week, i) => ({
			week,
			questions: [10, 12, 11, 4, 2][i]
		}));
		expect(gapVolumeAroundResolution(weekly, '2026-09-23T10:00:00Z')).toEqual({
			resolved_week: '2026-09-21',
			before: { weeks: 2, mean: 11 },
			after: { weeks: 2, mean: 3 },
			change: -0.727
		});
	});
});
