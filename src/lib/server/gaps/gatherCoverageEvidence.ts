// The coverage stage's evidence: AI-involved conversations whose opening question is as typical
// of a cluster as its own members (similarity to the centroid at least their median), whether the
// AI answered them confidently, and the articles it cited when it did.
import type { WarehouseConnection } from '../warehouse';
import type { CoverageInput } from './assessCoverage';
import type { Opening } from './extractQuestions';
import { conversationKey } from './miningKeys';
import type { ClusterSummary } from './summarizeClusters';
import { dot } from './vectorMath';
import { pacer } from './yieldToEventLoop';

export type CoverageEvidence = Pick<CoverageInput, 'evidence' | 'answered' | 'answeredWith' | 'citationsKnown'>;

export async function gatherCoverageEvidence(
	db: WarehouseConnection,
	input: {
		openings: Opening[];
		vectorOf: Map<string, Float32Array>;
		summaries: ClusterSummary[];
		centroids: Float32Array[];
		/** Each question's similarity to its cluster's centroid. */
		similarity: Float32Array;
		assignSimilarity: number;
	}
): Promise<CoverageEvidence> {
	const { openings, centroids } = input;
	const citedBy = new Map<string, string[]>();
	for (const r of await db.all<{ source: string; conversation_id: string; article: string }>(
		`SELECT DISTINCT source, conversation_id, unnest(kb_article_ids) AS article FROM events WHERE author = 'ai' AND kb_article_ids IS NOT NULL`
	)) {
		const key = conversationKey(r.source, r.conversation_id);
		if (!citedBy.has(key)) citedBy.set(key, []);
		citedBy.get(key)!.push(r.article);
	}
	const typical = input.summaries.map((s) => {
		const sims = s.members.map((i) => input.similarity[i]).sort((a, b) => a - b);
		return sims.length ? sims[Math.floor(sims.length / 2)] : 1;
	});
	const answered: [number, number][] = centroids.map(() => [0, 0]);
	const evidence = centroids.map(() => new Map<string, number>());
	const pace = pacer();
	// An opening counts for every cluster it is typical of (clusters of one topic split by the
	// AI's track record, or by language, each see it).
	for (const o of openings) {
		await pace();
		const v = input.vectorOf.get(o.text)!;
		const cited = o.answered ? new Set(citedBy.get(conversationKey(o.source, o.conversation_id)) ?? []) : null;
		for (let c = 0; c < centroids.length; c++) {
			if (dot(v, centroids[c]) < Math.max(typical[c], input.assignSimilarity)) continue;
			answered[c][1]++;
			if (!cited) continue;
			answered[c][0]++;
			for (const a of cited) evidence[c].set(a, (evidence[c].get(a) ?? 0) + 1);
		}
	}
	const answeredWith = new Map<string, number>();
	for (const o of openings)
		if (o.answered)
			for (const a of new Set(citedBy.get(conversationKey(o.source, o.conversation_id)) ?? []))
				answeredWith.set(a, (answeredWith.get(a) ?? 0) + 1);
	return { evidence, answered, answeredWith, citationsKnown: citedBy.size > 0 };
}
