// The weekly review per ISO week, cached for one state of the warehouse like the overview:
// its tables scan the week's events, which only an import changes.
import { currentDataVersion, VersionedCache } from '../overview';
import type { WarehouseConnection } from '../warehouse';
import type { IsoWeek } from './isoWeek';
import { loadReview, type ReviewData } from './loadReview';

const cache = new VersionedCache<ReviewData>(32);

export async function cachedReview(db: WarehouseConnection, week: IsoWeek): Promise<ReviewData> {
	return cache.get(week.week, await currentDataVersion(db), () => loadReview(db, week));
}
