// Keeps review_events (the weekly review's events by week) current: the rows of the
// conversations an import touched are replaced from the review_event_rows view, inside that
// import's transaction. Registered in DERIVED_REFRESHERS.
import type { WarehouseConnection } from '../warehouse';

export async function refreshReviewEvents(db: WarehouseConnection, affectedTable: string | null): Promise<void> {
	if (affectedTable === null) {
		await db.run('DELETE FROM review_events');
		await db.run('INSERT INTO review_events SELECT * FROM review_event_rows ORDER BY week');
		return;
	}
	if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(affectedTable)) throw new Error(`bad affected table name ${affectedTable}`);
	await db.run(`DELETE FROM review_events USING ${affectedTable} a
		WHERE review_events.source = a.source AND review_events.conversation_id = a.id`);
	await db.run(`INSERT INTO review_events SELECT r.* FROM review_event_rows r
		SEMI JOIN ${affectedTable} a ON a.source = r.source AND a.id = r.conversation_id
		ORDER BY r.week`);
}
