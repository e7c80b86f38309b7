// Derived tables (KPI facts, rollups) that must be refreshed inside every import's
// transaction. Each part registers its refresher here once; the import calls them all.
import type { WarehouseConnection } from './WarehouseConnection';
import { refreshConversationFacts } from '../kpi/refreshConversationFacts';
import { refreshHandoffsQualified } from '../grading/refreshHandoffsQualified';

/**
 * Refreshes derived rows. `affectedTable` names a table with columns (source, id) holding the
 * conversations the import inserted, replaced or removed; null means rebuild everything.
 */
export type DerivedRefresher = (db: WarehouseConnection, affectedTable: string | null) => Promise<void>;

export const DERIVED_REFRESHERS: { name: string; refresh: DerivedRefresher }[] = [
	{ name: 'conversation_facts', refresh: refreshConversationFacts },
	// After conversation_facts: it recomputes those rows and leaves touched ones NULL.
	{ name: 'handoffs_qualified', refresh: async (db, affected) => void (await refreshHandoffsQualified(db, affected)) }
];
