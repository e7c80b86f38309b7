// Every question of each gap in the latest run (not just the examples): for `gaps --members`
// and the gap page's member CSV, so a KB owner can check or export the whole topic.
import type { WarehouseConnection } from '../warehouse';

export interface GapMember {
	source: string;
	conversation_id: string;
	event_id: string;
}

/** Members per gap id; with `gapId`, that gap's only. Ordered by closeness to the gap's centre. */
export async function gapMembers(
	db: WarehouseConnection,
	gapId?: number
): Promise<Map<number, (GapMember & { text: string; similarity: number | null })[]>> {
	const rows = await db.all<GapMember & { gap_id: number; text: string; similarity: number | null }>(
		`SELECT gap_id, source, conversation_id, event_id, text, similarity FROM gap_questions
		WHERE gap_id IS NOT NULL ${gapId === undefined ? '' : 'AND gap_id = ?'}
		ORDER BY gap_id, similarity DESC NULLS LAST, source, conversation_id, event_id`,
		gapId === undefined ? [] : [gapId]
	);
	const out = new Map<number, (GapMember & { text: string; similarity: number | null })[]>();
	for (const { gap_id, ...m } of rows) {
		const id = Number(gap_id);
		if (!out.has(id)) out.set(id, []);
		out.get(id)!.push(m);
	}
	return out;
}
