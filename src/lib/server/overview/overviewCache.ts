// The overview per filter set, cached for one state of the warehouse: managers opening the
// same dashboard share one computation; any import, facts rebuild or grading run recomputes
// it (within a second, see dataVersion). Where the time went under 40 viewers with 40
// different filter sets: each computation is ten queries, all of them ran at once and slowed
// each other, and when an import landed every view recomputed in the same instant (seconds
// for the last one). So: the parts no filter changes (span, dropdown values) are computed
// once per state; at most two computations run at a time; and an outdated view answers with
// its last result while it is recomputed in the background, one view at a time.
import pLimit from 'p-limit';
import type { WarehouseConnection } from '../warehouse';
import { currentDataVersion, forgetDataVersion } from './dataVersion';
import { loadOverview, loadOverviewBase, type OverviewBase, type OverviewData } from './loadOverview';
import { filterParams, type OverviewFilters } from './overviewFilters';
import { VersionedCache } from './VersionedCache';

/** Runs work on a connection of its own (the server's pool); a background refresh outlives the request that started it. */
export type WithConnection = <T>(fn: (db: WarehouseConnection) => Promise<T>) => Promise<T>;

/** Computations at a time: DuckDB already uses every core for one; more only share them out slower. */
const computing = pLimit(2);
const base = new VersionedCache<OverviewBase>(1);
const cache = new VersionedCache<OverviewData>(512, 5 * 60_000, pLimit(1));

/**
 * `db` is a connection (tests, single use) or a function lending one: with a connection the
 * work runs on it, so an outdated view is recomputed before it is answered.
 */
export async function cachedOverview(db: WarehouseConnection | WithConnection, filters: OverviewFilters): Promise<OverviewData> {
	const withDb: WithConnection = typeof db === 'function' ? db : (fn) => fn(db);
	const version = await withDb((c) => currentDataVersion(c));
	const load = () =>
		computing(() => withDb(async (c) => loadOverview(c, filters, await base.get('base', version, () => loadOverviewBase(c)))));
	if (typeof db !== 'function') return freshCache.get(filterParams(filters).toString(), version, load);
	return cache.get(filterParams(filters).toString(), version, load);
}

/** The same views for callers holding one connection: nothing may run on it after they return. */
const freshCache = new VersionedCache<OverviewData>(64);

/** For tests: forget every cached overview. */
export function clearOverviewCache(): void {
	cache.clear();
	freshCache.clear();
	base.clear();
	forgetDataVersion();
}
