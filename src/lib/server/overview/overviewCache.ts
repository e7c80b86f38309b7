// Caches the overview per filter set for one state of the warehouse. Twenty managers opening
// the same dashboard share one computation (in flight or done); any import, facts rebuild or
// grading run changes the version key. The key itself is read at most once a second, so a
// change shows within a second while a busy page costs no extra query per view.
import type { WarehouseConnection } from '../warehouse';
import { loadOverview, type OverviewData } from './loadOverview';
import { filterParams, type OverviewFilters } from './overviewFilters';

/** Upper bound on staleness for changes the version key can't see. */
const TTL_MS = 5 * 60_000;
const MAX_ENTRIES = 64;
/** How long a read version key is trusted. */
const VERSION_MS = 1000;
let version: { value: Promise<string>; at: number } | null = null;

interface Entry {
	version: string;
	at: number;
	value: Promise<OverviewData>;
}
const cache = new Map<string, Entry>();

/** Cheap fingerprint of the data behind the overview: last import run, facts rows, graded hand-offs. */
export async function dataVersion(db: WarehouseConnection): Promise<string> {
	const row = await db.one<{ run: number; n: number; graded: number }>(
		`SELECT (SELECT coalesce(max(id), 0) FROM import_runs) AS run,
			count(*) AS n, count(handoffs_qualified) AS graded, coalesce(sum(handoffs_qualified), 0) AS qualified
		FROM conversation_facts`
	);
	return JSON.stringify(row);
}

function currentVersion(db: WarehouseConnection): Promise<string> {
	if (!version || Date.now() - version.at >= VERSION_MS) {
		const value = dataVersion(db);
		version = { value, at: Date.now() };
		value.catch(() => (version = null));
	}
	return version.value;
}

export async function cachedOverview(db: WarehouseConnection, filters: OverviewFilters): Promise<OverviewData> {
	const version = await currentVersion(db);
	const key = filterParams(filters).toString();
	const hit = cache.get(key);
	if (hit && hit.version === version && Date.now() - hit.at < TTL_MS) return hit.value;
	const value = loadOverview(db, filters);
	cache.delete(key); // re-insert at the end: Map order is the eviction order
	cache.set(key, { version, at: Date.now(), value });
	value.catch(() => cache.get(key)?.value === value && cache.delete(key));
	while (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!);
	return value;
}

/** For tests: forget every cached overview. */
export function clearOverviewCache(): void {
	cache.clear();
	version = null;
}
