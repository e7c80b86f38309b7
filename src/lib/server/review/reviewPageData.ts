// The weekly review page's review part: the week asked for in the URL (or the latest week
// with data when none was asked or it was malformed, with the reason shown), the review of
// that week, and how many conversations the warehouse holds (the page's empty state).
import { UsageError } from '../errors';
import type { WarehouseConnection } from '../warehouse';
import { cachedReview } from './cachedReview';
import { parseIsoWeek, type IsoWeek } from './isoWeek';
import { latestWeek, type ReviewData } from './loadReview';

export interface ReviewPageData {
	review: ReviewData & { conversations: number };
	/** Why the week in the URL was ignored, or null. */
	weekError: string | null;
}

export async function reviewPageData(db: WarehouseConnection, asked: string | null): Promise<ReviewPageData> {
	let week: IsoWeek | null = null;
	let weekError: string | null = null;
	if (asked) {
		try {
			week = parseIsoWeek(asked);
		} catch (error) {
			if (!(error instanceof UsageError)) throw error;
			weekError = error.message;
		}
	}
	const conversations = (await db.one<{ n: number }>('SELECT count(*) AS n FROM conversation_facts'))?.n ?? 0;
	return { review: { conversations, ...(await cachedReview(db, week ?? (await latestWeek(db)))) }, weekError };
}
