// Coverage of each cluster by the knowledge base, decided from evidence and explained:
// - the AI's own answered conversations: openings as typical of the cluster as its own members
//   (similarity to the centroid at least the members' median) that the AI answered confidently
//   citing article X show that X covers the topic;
// - the nearest article (title or chunk, in the cluster's own locale when articles carry one).
// `covered`: articles answer the topic (answered evidence) and most similar conversations got a
//   confident answer; `weak`: an article answers it, or is very close, yet the AI mostly fails;
// `missing`: similar questions are rarely answered and no article is cited for them (when the AI
//   cites articles at all; otherwise: no article is very close).
// A cluster whose own nearest look-alikes went unanswered trusts farther answered ones only when
// they were answered with its nearest article (then `weak`: the article is there, the AI fails).
import type { ArticleChunk } from './chunkArticle';
import { dot } from './vectorMath';

export type Coverage = 'missing' | 'weak' | 'covered';

export interface CoverageInput {
	centroids: Float32Array[];
	chunks: ArticleChunk[];
	chunkVectors: Float32Array[];
	/** Per cluster: the locale its questions are mostly in (null: unknown); articles of another locale are skipped. */
	locales?: (string | null)[];
	/** Per cluster: similar answered conversations citing each article. */
	evidence: Map<string, number>[];
	/** Per cluster: [answered confidently, AI-involved] among the similar conversations. */
	answered: [number, number][];
	/** Nearest-article similarity from which an article alone (no answered evidence) counts as covering the topic. */
	articleSimilarity: number;
	weakAnsweredShare: number;
	/** Answered conversations citing one article needed to count it as evidence. */
	minEvidence?: number;
	/** Share of the similar conversations that must have been answered citing the article. */
	evidenceShare?: number;
	/**
	 * Whether the AI cites articles at all in this warehouse. When it does, the evidence decides
	 * and word overlap alone never makes a topic covered; when it does not, the nearest article does.
	 */
	citationsKnown?: boolean;
	/**
	 * Per cluster: most of its questions' nearest conversations went unanswered. Then farther
	 * look-alikes answered with some article are no evidence: the AI fails on the nearest ones.
	 */
	unansweredLike?: boolean[];
	/** Per article: conversations anywhere that the AI answered confidently citing it. */
	answeredWith?: Map<string, number>;
}

export interface CoverageResult {
	coverage: Coverage;
	nearest_article_id: string | null;
	nearest_article_title: string | null;
	article_similarity: number | null;
	/** Similar questions answered citing the reported article. */
	answered_citing: number;
	ai_answered_share: number | null;
	/** One line for the KB owner: why this verdict. */
	reason: string;
}

const localeOf = (l: string | null | undefined) => (l ? l.toLowerCase().split(/[-_]/)[0] : null);

export function assessCoverage(input: CoverageInput): CoverageResult[] {
	const minEvidence = input.minEvidence ?? 3;
	return input.centroids.map((c, k) => {
		const locale = localeOf(input.locales?.[k]);
		const perArticle = new Map<string, { sim: number; title: string }>();
		for (let j = 0; j < input.chunks.length; j++) {
			const a = input.chunks[j];
			const articleLocale = localeOf(a.locale);
			if (locale && articleLocale && articleLocale !== locale) continue;
			const s = dot(c, input.chunkVectors[j]);
			const prev = perArticle.get(a.article_id);
			if (!prev || s > prev.sim) perArticle.set(a.article_id, { sim: s, title: a.title });
		}
		let nearest: string | null = null;
		for (const [id, v] of perArticle)
			if (nearest === null || v.sim > perArticle.get(nearest)!.sim || (v.sim === perArticle.get(nearest)!.sim && id < nearest))
				nearest = id;
		let cited: string | null = null;
		let citedCount = 0;
		for (const [id, n] of input.evidence[k] ?? new Map<string, number>())
			if (perArticle.has(id) && (n > citedCount || (n === citedCount && cited !== null && id < cited))) [cited, citedCount] = [id, n];
		const [ok, total] = input.answered[k] ?? [0, 0];
		const answeredShare = total ? ok / total : null;
		// An unanswered-like cluster takes no evidence from farther look-alikes, except when the
		// article they were answered with is also the nearest one: two signals then say the
		// article is about these questions, and the AI still failed on them.
		const hasEvidence =
			(!input.unansweredLike?.[k] || cited === nearest) &&
			cited !== null &&
			citedCount >= minEvidence &&
			citedCount >= (input.evidenceShare ?? 0.2) * total;
		const nearestSim = nearest ? perArticle.get(nearest)!.sim : null;
		const veryClose = nearestSim !== null && nearestSim >= input.articleSimilarity;
		const article = hasEvidence ? cited : nearest;
		const aiFails = !!input.unansweredLike?.[k] || answeredShare === null || answeredShare < input.weakAnsweredShare;
		// With citations known, a very close article still decides when nothing else can: no
		// similar conversations to learn from, or an article the AI has never answered with (so
		// nothing says it is about another topic). An article the AI answers other questions with
		// and never these is about something else.
		const unused = nearest !== null && (input.answeredWith?.get(nearest) ?? 0) < minEvidence;
		const byArticle = !input.citationsKnown || total === 0 || unused;
		const coverage: Coverage = (byArticle ? !hasEvidence && !veryClose : !hasEvidence && aiFails)
			? 'missing'
			: hasEvidence && !aiFails
				? 'covered'
				: 'weak';
		const sim = article ? perArticle.get(article)!.sim : null;
		const title = article ? perArticle.get(article)!.title : null;
		const parts = [
			title ? `nearest article: “${title}”, ${sim!.toFixed(2)}` : locale ? `no article in locale ${locale}` : 'no articles',
			hasEvidence
				? `${citedCount} similar question${citedCount === 1 ? '' : 's'} answered citing it`
				: input.unansweredLike?.[k]
					? 'the AI failed on the nearest look-alikes of most of these questions'
					: 'no similar question answered citing an article',
			total ? `${ok} of ${total} similar conversations answered confidently` : 'no similar AI conversations'
		];
		const why =
			coverage === 'missing'
				? byArticle
					? `missing: no article close enough (needs ${input.articleSimilarity.toFixed(2)})`
					: 'missing: the AI rarely answers questions like these and no article is cited for them; the nearest article answers other questions'
				: coverage === 'covered'
					? 'covered: the AI answers this topic with this article'
					: hasEvidence
						? 'weak: the article answers similar questions, yet the AI fails most of these'
						: byArticle
							? `weak: a very close article exists${input.citationsKnown && total > 0 ? ' that the AI has not answered with' : ''}, yet the AI fails these`
							: 'weak: the AI answers many similar questions, yet not these';
		return {
			coverage,
			nearest_article_id: article,
			nearest_article_title: title,
			article_similarity: sim,
			answered_citing: hasEvidence ? citedCount : 0,
			ai_answered_share: answeredShare,
			reason: `${why}. ${parts.join('; ')}`
		};
	});
}
