// Reroutes: each move of a conversation from one assigned queue to a different one, and the
// conversation's first customer message (what it was about).
import type { WarehouseConnection } from '../warehouse';
import { questionText } from './questionText';

export interface Reroute {
	source: string;
	conversation_id: string;
	from_queue: string;
	to_queue: string;
	/** First customer message, cleaned for embedding ('' when there is none). */
	text: string;
}

/**
 * Each distinct (conversation, from_queue, to_queue) move between consecutive assignments: a
 * reroute flow counts these conversations, and the conversation list's moved_from/moved_to
 * filter selects them.
 */
export const QUEUE_MOVES_SQL = `
	SELECT DISTINCT source, conversation_id, prev AS from_queue, queue AS to_queue FROM (
		SELECT source, conversation_id, seq, queue,
			lag(queue) OVER (PARTITION BY source, conversation_id ORDER BY seq) AS prev
		FROM events WHERE type = 'assignment' AND queue IS NOT NULL
	) WHERE prev IS NOT NULL AND prev <> queue`;

export async function findReroutes(db: WarehouseConnection): Promise<Reroute[]> {
	const rows = await db.all<{ source: string; conversation_id: string; from_queue: string; to_queue: string; body: string | null }>(
		`WITH moves AS (${QUEUE_MOVES_SQL}),
		first_message AS (
			SELECT source, conversation_id, arg_min(body, seq) AS body
			FROM events WHERE type = 'message' AND author = 'customer' AND body IS NOT NULL GROUP BY ALL
		)
		SELECT m.source, m.conversation_id, m.from_queue, m.to_queue, f.body
		FROM moves m LEFT JOIN first_message f USING (source, conversation_id)
		ORDER BY m.source, m.conversation_id, m.from_queue, m.to_queue`
	);
	return rows.map((r) => ({ ...r, text: r.body ? questionText(r.body) : '' }));
}
