// The gaps stored by earlier runs, with their member questions, for matching new clusters to
// them (stable ids). Centroids only when they live in the same vector space (`model`).
import type { WarehouseConnection } from '../warehouse';
import type { PreviousGap } from './matchGaps';
import { eventKey } from './miningKeys';

export async function previousGaps(db: WarehouseConnection, model: string): Promise<PreviousGap[]> {
	const reader = await db.raw.runAndReadAll('SELECT id, centroid, model FROM gaps ORDER BY id');
	const gaps = new Map<number, PreviousGap>();
	for (const row of reader.getRowObjectsJS()) {
		const bytes = row.centroid as Uint8Array;
		const copy = new Uint8Array(bytes.byteLength);
		copy.set(bytes);
		// An LSA fit on other texts has other axes: its centroids cannot be compared, only members.
		gaps.set(Number(row.id), {
			id: Number(row.id),
			members: new Set(),
			centroid: row.model === model ? new Float32Array(copy.buffer) : null
		});
	}
	for (const r of await db.all<{ gap_id: number; source: string; conversation_id: string; event_id: string }>(
		'SELECT gap_id, source, conversation_id, event_id FROM gap_questions WHERE gap_id IS NOT NULL'
	)) {
		gaps.get(r.gap_id)?.members.add(eventKey(r));
	}
	return [...gaps.values()];
}
