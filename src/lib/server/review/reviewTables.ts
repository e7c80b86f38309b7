// The review tables in page order: the page, its CSV downloads and the tests use this registry.
import { escalations } from './escalations';
import { flaggedDrafts } from './flaggedDrafts';
import { reopenedContained } from './reopenedContained';
import { reroutes } from './reroutes';
import type { ReviewTable } from './reviewTable';

export const REVIEW_TABLES: ReviewTable[] = [reopenedContained, reroutes, flaggedDrafts, escalations] as ReviewTable[];

export function reviewTable(key: string): ReviewTable | undefined {
	return REVIEW_TABLES.find((t) => t.key === key);
}
