// The gap miner's settings with their defaults. Similarity thresholds left undefined take the
// embedder family's calibration (CALIBRATION in embedders/Embedder.ts): cosine scales differ.
import { DEFAULT_KPI_SETTINGS } from '../kpi/kpiSettings';

export interface GapSettings {
	/** An AI reply below this confidence leaves the customer message unanswered (docs/gap-miner.md: 0.5). */
	confidenceThreshold: number;
	/** "Followed by a repeat contact": a new conversation by the same customer within this many days. */
	repeatWindowDays: number;
	/** Clusters smaller than this are dissolved into outliers. */
	minClusterSize: number;
	/** Questions clustered hierarchically; the rest join the nearest of the clusters found. */
	sampleSize: number;
	assignSimilarity?: number;
	/** Below this nearest-article similarity a cluster is `missing`. */
	articleSimilarity?: number;
	/**
	 * A cluster with a close article is `weak` when, of the AI-involved conversations on its
	 * topic, fewer than this share got a confident answer: the article is there, the AI still fails.
	 */
	weakAnsweredShare: number;
	/** An article the AI cited in at least this share of a topic's conversations counts as close to it. */
	articleCitedShare: number;
	/** Long KB articles are embedded in chunks of about this many characters. */
	chunkChars: number;
	/** Example questions kept per gap. */
	examples: number;
}

export const DEFAULT_GAP_SETTINGS: Readonly<GapSettings> = Object.freeze({
	confidenceThreshold: 0.5,
	repeatWindowDays: DEFAULT_KPI_SETTINGS.repeatWindowDays,
	minClusterSize: 5,
	sampleSize: 3000,
	weakAnsweredShare: 0.35,
	articleCitedShare: 0.25,
	chunkChars: 800,
	examples: 8
});

export function resolveGapSettings(settings: Partial<GapSettings> = {}): GapSettings {
	const defined = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
	return { ...DEFAULT_GAP_SETTINGS, ...defined };
}
