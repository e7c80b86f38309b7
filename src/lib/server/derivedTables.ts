// Derived tables (KPI facts, rollups) that must be refreshed inside every import's
// transaction. The composition point: each part that owns a derived table lists its refresher
// here, outside the warehouse layer (which knows nothing of KPIs or grading); the import and
// the bench call them all, in order.
import type { DerivedRefresher } from './warehouse';
import { refreshConversationFacts } from './kpi/refreshConversationFacts';
import { refreshHandoffsQualified } from './grading/refreshHandoffsQualified';
import { refreshKpiRollup } from './kpi/refreshKpiRollup';
import { refreshReviewEvents } from './review/refreshReviewEvents';

/**
 * `deferrable`: readers can tell the table is stale (the rollup's dirty weeks make KPI queries
 * read conversation_facts instead), so an import in several transactions may leave it to one
 * refresh after the last (importInSlices) instead of rebuilding it in every transaction.
 */
export const DERIVED_REFRESHERS: { name: string; refresh: DerivedRefresher; deferrable?: boolean }[] = [
	{ name: 'conversation_facts', refresh: refreshConversationFacts },
	// After conversation_facts: it recomputes those rows and leaves touched ones NULL.
	{ name: 'handoffs_qualified', refresh: async (db, affected) => void (await refreshHandoffsQualified(db, affected)) },
	{ name: 'review_events', refresh: refreshReviewEvents },
	// Last: rebuilds the weeks whose facts the refreshers above changed.
	{ name: 'kpi_rollup', refresh: async (db) => void (await refreshKpiRollup(db)), deferrable: true }
];
