// Row counts of the core tables: what `stats` prints and the dashboard's empty states check.
import type { WarehouseConnection } from './WarehouseConnection';

export interface WarehouseStats {
	conversations: number;
	events: number;
	kb_articles: number;
	quarantined: number;
}

export async function warehouseStats(db: WarehouseConnection): Promise<WarehouseStats> {
	const row = await db.one<WarehouseStats>(`
		SELECT (SELECT count(*) FROM conversations) AS conversations,
		       (SELECT count(*) FROM events) AS events,
		       (SELECT count(*) FROM kb_articles) AS kb_articles,
		       (SELECT count(*) FROM quarantine) AS quarantined`);
	return row!;
}
