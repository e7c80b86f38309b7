// The overview per filter set, cached for one state of the warehouse: twenty managers opening
// the same dashboard share one computation; any import, facts rebuild or grading run
// recomputes it (within a second, see dataVersion).
import type { WarehouseConnection } from '../warehouse';
import { currentDataVersion, forgetDataVersion } from './dataVersion';
import { loadOverview, type OverviewData } from './loadOverview';
import { filterParams, type OverviewFilters } from './overviewFilters';
import { VersionedCache } from './VersionedCache';

const cache = new VersionedCache<OverviewData>();

export async function cachedOverview(db: WarehouseConnection, filters: OverviewFilters): Promise<OverviewData> {
	const version = await currentDataVersion(db);
	return cache.get(filterParams(filters).toString(), version, () => loadOverview(db, filters));
}

/** For tests: forget every cached overview. */
export function clearOverviewCache(): void {
	cache.clear();
	forgetDataVersion();
}
