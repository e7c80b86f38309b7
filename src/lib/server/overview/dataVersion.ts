// A cheap fingerprint of the warehouse state the dashboard's cached pages depend on: the
// last import run that finished (one still running or failed changed nothing), the facts
// rows and the graded hand-offs. Read at most once a second, so
// a change shows within a second while a busy page costs no extra query per view; and only
// the request that starts a reading waits for it — others use the last known one, so a
// reading slowed down by a running import doesn't hold up every viewer.
import type { WarehouseConnection } from '../warehouse';

/** How long a read version key is trusted. */
const VERSION_MS = 1000;
let known: string | null = null;
let readAt = 0;
let reading: Promise<string> | null = null;

export async function dataVersion(db: WarehouseConnection): Promise<string> {
	const row = await db.one(
		`SELECT (SELECT coalesce(max(id), 0) FROM import_runs WHERE status = 'done') AS run,
			count(*) AS n, count(handoffs_qualified) AS graded, coalesce(sum(handoffs_qualified), 0) AS qualified
		FROM conversation_facts`
	);
	return JSON.stringify(row);
}

/** dataVersion, reusing a reading younger than a second (or the last one while a new one runs). */
export function currentDataVersion(db: WarehouseConnection): Promise<string> {
	if (!reading && Date.now() - readAt >= VERSION_MS) {
		readAt = Date.now();
		// This request waits on its own connection; the reading is shared once it lands.
		const mine = dataVersion(db).then((v) => (known = v));
		reading = mine.finally(() => (reading = null));
		reading.catch(() => {});
		return mine;
	}
	if (known !== null) return Promise.resolve(known);
	return reading ?? dataVersion(db);
}

/** For tests: forget the last reading. */
export function forgetDataVersion(): void {
	known = null;
	readAt = 0;
	reading = null;
}
