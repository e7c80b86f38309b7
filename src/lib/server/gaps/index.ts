// The knowledge-gap miner's public surface (docs/gap-miner.md).
export { mineGaps, type MineOptions, type MiningSummary } from './mineGaps';
export { listGaps, getGap, GAP_STATUSES, COVERAGES, type GapListItem, type GapFilters, type GapStatus } from './listGaps';
export { updateGap, type GapUpdate } from './updateGap';
export { gapVolumeAroundResolution } from './gapVolumeAroundResolution';
export { clusterTexts } from './clusterTexts';
export { createEmbedder } from './embedders/createEmbedder';
export { EMBEDDER_CHOICES, type EmbedderChoice } from './embedders/Embedder';
export { readClusterInput, ClusterInputError } from './readClusterInput';
export {
	latestGapRun,
	gapFilterOptions,
	getGapDetail,
	rerouteFlows,
	type GapDetail,
	type RerouteFlow,
	type GapRunInfo
} from './gapPageData';
export { parseGapFilters } from './parseGapFilters';
export { gapMembers, type GapMember } from './gapMembers';
