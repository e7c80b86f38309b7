// The weekly quality review's server side: ISO week helpers and the tables of what needs a
// look, in page order. The page, its CSV downloads and the tests use this one registry.
import { escalations } from './escalations';
import { flaggedDrafts } from './flaggedDrafts';
import { reopenedContained } from './reopenedContained';
import { reroutes } from './reroutes';
import type { ReviewTable } from './reviewTable';

export { isoWeekOf, parseIsoWeek, previousIsoWeek, type IsoWeek } from './isoWeek';
export { HEAVY_EDIT_MAGNITUDE } from './flaggedDrafts';
export { CSV_ROW_CAP, type ReviewColumn, type ReviewRow, type ReviewTable, type ReviewTableResult } from './reviewTable';
export { escalations, flaggedDrafts, reopenedContained, reroutes };

export const REVIEW_TABLES: ReviewTable[] = [reopenedContained, reroutes, flaggedDrafts, escalations] as ReviewTable[];

export function reviewTable(key: string): ReviewTable | undefined {
	return REVIEW_TABLES.find((t) => t.key === key);
}
