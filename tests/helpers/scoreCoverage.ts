// Scores mined coverage against planted truth (the generator's manifest): each cluster is
// attributed to its majority topic; a topic's verdict is the coverage carrying most of its
// clustered questions. Precision and recall per coverage class, at topic and cluster level.
import type { Coverage } from '../../src/lib/server/gaps/assessCoverage';

export interface ScoredCluster {
	coverage: Coverage;
	/** Planted topic → questions of that topic in the cluster. */
	topics: Record<string, number>;
}

export interface CoverageScore {
	topics: Record<string, { planted: Coverage; found: Coverage | null; clusters: number }>;
	/** Topic level: of topics found as `c`, how many were planted `c` (precision); of planted, how many found (recall). */
	byClass: Record<Coverage, { precision: number | null; recall: number | null }>;
	/** Cluster level: share of clusters whose coverage equals their majority topic's planted coverage. */
	clusterAccuracy: number | null;
	/** Planted covered topics with any cluster (majority theirs) marked missing. */
	coveredReportedMissing: string[];
}

export function scoreCoverage(clusters: ScoredCluster[], planted: Record<string, Coverage>): CoverageScore {
	const volume: Record<string, Record<Coverage, number>> = {};
	const clusterCount: Record<string, number> = {};
	const coveredReportedMissing = new Set<string>();
	let correct = 0;
	let attributed = 0;
	for (const c of clusters) {
		const [top] = Object.entries(c.topics).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0] ?? [];
		if (!top || !(top in planted)) continue;
		attributed++;
		if (planted[top] === c.coverage) correct++;
		if (planted[top] === 'covered' && c.coverage === 'missing') coveredReportedMissing.add(top);
		volume[top] ??= { missing: 0, weak: 0, covered: 0 };
		volume[top][c.coverage] += c.topics[top];
		clusterCount[top] = (clusterCount[top] ?? 0) + 1;
	}
	const topics: CoverageScore['topics'] = {};
	for (const [topic, coverage] of Object.entries(planted)) {
		const v = volume[topic];
		const found = v ? (Object.entries(v).sort((a, b) => b[1] - a[1])[0][0] as Coverage) : null;
		topics[topic] = { planted: coverage, found, clusters: clusterCount[topic] ?? 0 };
	}
	const byClass = {} as CoverageScore['byClass'];
	for (const cls of ['missing', 'weak', 'covered'] as Coverage[]) {
		const t = Object.values(topics);
		const found = t.filter((x) => x.found === cls).length;
		const plantedN = t.filter((x) => x.planted === cls).length;
		const hit = t.filter((x) => x.found === cls && x.planted === cls).length;
		byClass[cls] = { precision: found ? hit / found : null, recall: plantedN ? hit / plantedN : null };
	}
	return {
		topics,
		byClass,
		clusterAccuracy: attributed ? correct / attributed : null,
		coveredReportedMissing: [...coveredReportedMissing].sort()
	};
}
