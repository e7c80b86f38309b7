// The overview page's server side: filters from the URL, the data behind every card, chart
// and breakdown, and the per-filter cache that keeps it fast under concurrent viewers.
export {
	FILTER_DIMENSIONS,
	filterParams,
	parseOverviewFilters,
	whereOf,
	type FilterDimension,
	type OverviewFilters
} from './overviewFilters';
export {
	BREAKDOWNS,
	loadOverview,
	loadOverviewBase,
	type OverviewBase,
	TREND_WEEKS,
	type Breakdown,
	type OverviewData
} from './loadOverview';
export { previousPeriod, resolvePeriod, type OverviewPeriod } from './resolvePeriod';
export { cachedOverview, clearOverviewCache, type WithConnection } from './overviewCache';
export { currentDataVersion, dataVersion } from './dataVersion';
export { VersionedCache } from './VersionedCache';
export { slimOverview } from './slimOverview';
