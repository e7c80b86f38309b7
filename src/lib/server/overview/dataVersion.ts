// A cheap fingerprint of the warehouse state the dashboard's cached pages depend on: the
// last import run, the facts rows and the graded hand-offs. Read at most once a second, so
// a change shows within a second while a busy page costs no extra query per view.
import type { WarehouseConnection } from '../warehouse';

/** How long a read version key is trusted. */
const VERSION_MS = 1000;
let memo: { value: Promise<string>; at: number } | null = null;

export async function dataVersion(db: WarehouseConnection): Promise<string> {
	const row = await db.one(
		`SELECT (SELECT coalesce(max(id), 0) FROM import_runs) AS run,
			count(*) AS n, count(handoffs_qualified) AS graded, coalesce(sum(handoffs_qualified), 0) AS qualified
		FROM conversation_facts`
	);
	return JSON.stringify(row);
}

/** dataVersion, reusing a reading younger than a second. */
export function currentDataVersion(db: WarehouseConnection): Promise<string> {
	if (!memo || Date.now() - memo.at >= VERSION_MS) {
		const value = dataVersion(db);
		memo = { value, at: Date.now() };
		value.catch(() => (memo = null));
	}
	return memo.value;
}

/** For tests: forget the memoised reading. */
export function forgetDataVersion(): void {
	memo = null;
}
