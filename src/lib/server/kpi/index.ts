// The KPI engine: every KPI (docs/kpis.md) defined once, queried from conversation_facts.
export { KPI_KEYS, KPI_DEFINITIONS, type KpiKey, type KpiValues, type KpiDefinition } from './kpiDefinitions';
export * as kpis from './kpiDefinitions';
export { DIMENSIONS, isDimension, type Dimension } from './dimensions';
export { DEFAULT_KPI_SETTINGS, resolveKpiSettings, type KpiSettings } from './kpiSettings';
export { parseKpiQuery, weekStart, type KpiQuery, type KpiFilter } from './parseKpiQuery';
export {
	queryKpis,
	queryKpiDetails,
	queryFactKpiDetails,
	queryFactKpis,
	type KpiResult,
	type KpiRow,
	type KpiParts,
	type KpiDetailRow
} from './queryKpis';
export { queryQuantileIntervals, type QuantileInterval, type QuantileIntervals } from './queryQuantileIntervals';
export { distinctDimensionValues } from './distinctDimensionValues';
export { refreshConversationFacts, rebuildConversationFacts } from './refreshConversationFacts';
export { refreshKpiRollup } from './refreshKpiRollup';
export { markRollupDirty } from './markRollupDirty';
export { editMagnitude } from './editMagnitude';
