// Coverage of each cluster by the knowledge base: `missing` when no article is close, `weak`
// when one is close but the AI still fails on the topic, `covered` otherwise. "Close" means the
// nearest article chunk is similar enough to the cluster centroid, or the AI itself cited the
// article in a good share of the cluster's conversations (it found it, and it did not help).
// "Still fails": of the AI-involved conversations that open with a question nearest to this
// cluster, fewer than `weakAnsweredShare` got a confident answer.
import type { ArticleChunk } from './chunkArticle';
import { dot } from './vectorMath';

export type Coverage = 'missing' | 'weak' | 'covered';

export interface CoverageInput {
	centroids: Float32Array[];
	chunks: ArticleChunk[];
	chunkVectors: Float32Array[];
	/** Per cluster: how many of its topic's conversations cited each article in an AI message or draft. */
	citations: Map<string, number>[];
	/** Per cluster: distinct conversations on its topic (its questions' and the openings assigned to it). */
	conversations: number[];
	/** Per cluster: [answered confidently, AI-involved openings] among openings assigned to it. */
	answered: [number, number][];
	articleSimilarity: number;
	weakAnsweredShare: number;
	/** Share of a cluster's conversations citing an article for it to count as close. */
	citedShare?: number;
}

export interface CoverageResult {
	coverage: Coverage;
	nearest_article_id: string | null;
	nearest_article_title: string | null;
	article_similarity: number | null;
	cited_share: number;
	ai_answered_share: number | null;
}

export function assessCoverage(input: CoverageInput): CoverageResult[] {
	const citedShareNeeded = input.citedShare ?? 0.25;
	return input.centroids.map((c, k) => {
		const perArticle = new Map<string, { sim: number; title: string }>();
		for (let j = 0; j < input.chunks.length; j++) {
			const s = dot(c, input.chunkVectors[j]);
			const a = input.chunks[j];
			const prev = perArticle.get(a.article_id);
			if (!prev || s > prev.sim) perArticle.set(a.article_id, { sim: s, title: a.title });
		}
		let nearest: string | null = null;
		for (const [id, v] of perArticle) if (nearest === null || v.sim > perArticle.get(nearest)!.sim || (v.sim === perArticle.get(nearest)!.sim && id < nearest)) nearest = id;
		let mostCited: string | null = null;
		let cited = 0;
		for (const [id, n] of input.citations[k] ?? new Map()) if (perArticle.has(id) && (n > cited || (n === cited && mostCited !== null && id < mostCited))) [mostCited, cited] = [id, n];
		const citedShare = input.conversations[k] ? cited / input.conversations[k] : 0;
		const similar = nearest !== null && perArticle.get(nearest)!.sim >= input.articleSimilarity;
		const citedClose = mostCited !== null && citedShare >= citedShareNeeded;
		// Report the article the AI kept citing when that is what makes it close.
		const article = !similar && citedClose ? mostCited : nearest;
		const [ok, total] = input.answered[k] ?? [0, 0];
		const answeredShare = total ? ok / total : null;
		const coverage: Coverage = !(similar || citedClose)
			? 'missing'
			: answeredShare !== null && answeredShare < input.weakAnsweredShare
				? 'weak'
				: 'covered';
		return {
			coverage,
			nearest_article_id: article,
			nearest_article_title: article ? perArticle.get(article)!.title : null,
			article_similarity: article ? perArticle.get(article)!.sim : null,
			cited_share: citedShare,
			ai_answered_share: answeredShare
		};
	});
}
