// One mining run, in stages: read the unanswered questions, KB chunks and reroutes → embed every
// text (cached) → cluster the questions → label them → gather the AI's answered evidence and
// judge KB coverage → summarize reroute flows → store it all in one transaction with stable ids.
import type { WarehouseConnection } from '../warehouse';
import { assessCoverage } from './assessCoverage';
import { chunkArticle, type ArticleChunk } from './chunkArticle';
import { clusterQuestions } from './clusterQuestions';
import { embedMiningTexts } from './embedMiningTexts';
import { languageCentredVectors } from './languageCentredVectors';
import { CALIBRATION, type EmbedderChoice } from './embedders/Embedder';
import type { TransformersOptions } from './embedders/transformersConfig';
import { extractQuestions } from './extractQuestions';
import { findReroutes } from './findReroutes';
import { gatherCoverageEvidence } from './gatherCoverageEvidence';
import { resolveGapSettings, type GapSettings } from './gapSettings';
import { labelClusters } from './labelClusters';
import { storeMiningRun } from './storeMiningRun';
import { summarizeClusters } from './summarizeClusters';
import { summarizeRerouteFlows } from './summarizeRerouteFlows';

export interface MineOptions {
	embedder?: EmbedderChoice;
	settings?: Partial<GapSettings>;
	transformers?: TransformersOptions;
	/** Progress lines for stderr. */
	onProgress?: (message: string) => void;
}

export interface MiningSummary {
	run_id: number;
	embedder: string;
	model: string;
	message: string;
	fallback_reason: string | null;
	questions: number;
	clusters: number;
	outliers: number;
	embedded: number;
	coverage: Record<'missing' | 'weak' | 'covered', number>;
	reroute_flows: number;
}

/** The language a cluster's questions are mostly in (null: unknown). */
const mainLanguage = (languages: Record<string, number>) => {
	const top = Object.entries(languages).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
	return top && top[0] !== 'unknown' ? top[0] : null;
};

export async function mineGaps(db: WarehouseConnection, options: MineOptions = {}): Promise<MiningSummary> {
	const settings = resolveGapSettings(options.settings);
	const startedAt = new Date();
	const report = options.onProgress ?? (() => {});
	const say = (message: string) => report(`[${((Date.now() - startedAt.getTime()) / 1000).toFixed(1)}s] ${message}`);

	say('reading unanswered questions…');
	const { questions, openings } = await extractQuestions(db, settings);
	const articles = await db.all<{ id: string; title: string; body: string; locale: string | null; translation_group: string | null }>(
		'SELECT id, title, body, locale, translation_group FROM kb_articles ORDER BY id'
	);
	const chunks: ArticleChunk[] = articles.flatMap((a) => chunkArticle(a, settings.chunkChars));
	const reroutes = await findReroutes(db);
	say(
		`${questions.length.toLocaleString('en')} unanswered questions, ${articles.length} KB articles (${chunks.length} chunks), ${reroutes.length} reroutes`
	);

	const texts = [
		...new Set([
			...questions.map((q) => q.text),
			...openings.map((o) => o.text),
			...chunks.map((c) => c.text),
			...reroutes.map((r) => r.text)
		])
	];
	const embedded = await embedMiningTexts(db, texts, {
		choice: options.embedder ?? 'auto',
		transformers: options.transformers,
		languages: questions.map((q) => q.language),
		say
	});
	// Word overlap cannot match across languages; a multilingual model can.
	const lexical = embedded.kind !== 'transformers';
	const vectorOf = lexical ? languageCentredVectors(embedded.vectorOf, [...questions, ...openings, ...chunks]) : embedded.vectorOf;
	const calibration = CALIBRATION[embedded.kind];
	const assignSimilarity = settings.assignSimilarity ?? calibration.assignSimilarity;
	const articleSimilarity = settings.articleSimilarity ?? calibration.articleSimilarity;

	const { track, clustering } = await clusterQuestions(questions, openings, vectorOf, {
		byLanguage: lexical,
		assignSimilarity,
		viewEnergy: calibration.viewEnergy,
		minClusterSize: settings.minClusterSize,
		sampleSize: settings.sampleSize,
		say
	});
	const k = clustering.centroids.length;
	const outliers = clustering.labels.filter((l) => l < 0).length;
	say(`${k} clusters, ${outliers} outliers`);
	say('labelling clusters and measuring coverage…');
	const labels = labelClusters(
		questions.map((q) => q.text),
		clustering.labels,
		clustering.similarity,
		k
	);
	const summaries = summarizeClusters(questions, clustering.labels, clustering.similarity, k, settings.examples);
	const evidence = await gatherCoverageEvidence(db, {
		openings,
		vectorOf,
		summaries,
		centroids: clustering.centroids,
		similarity: clustering.similarity,
		assignSimilarity
	});
	const coverage = assessCoverage({
		...evidence,
		centroids: clustering.centroids,
		chunks,
		chunkVectors: chunks.map((c) => vectorOf.get(c.text)!),
		locales: lexical ? summaries.map((s) => mainLanguage(s.languages)) : undefined,
		articleSimilarity,
		weakAnsweredShare: settings.weakAnsweredShare,
		unansweredLike: summaries.map((s) => s.members.filter((i) => track[i] !== null && track[i]! < 0.5).length * 2 > s.members.length)
	});
	const flows = await summarizeRerouteFlows(reroutes, vectorOf, {
		assignSimilarity,
		viewEnergy: calibration.viewEnergy,
		sampleSize: settings.sampleSize
	});

	say(`storing ${k} gaps, ${questions.length.toLocaleString('en')} questions and ${flows.length} reroute flows…`);
	const runId = await storeMiningRun(db, {
		startedAt,
		embedder: embedded,
		settings: { ...settings, assignSimilarity, articleSimilarity },
		questions,
		clustering,
		labels,
		summaries,
		coverage,
		groupOf: new Map(articles.map((a) => [a.id, a.translation_group])),
		flows
	});
	const counts = { missing: 0, weak: 0, covered: 0 };
	for (const c of coverage) counts[c.coverage]++;
	return {
		run_id: runId,
		embedder: embedded.kind,
		model: embedded.model,
		message: embedded.message,
		fallback_reason: embedded.fallbackReason,
		questions: questions.length,
		clusters: k,
		outliers,
		embedded: embedded.embedded,
		coverage: counts,
		reroute_flows: flows.length
	};
}
