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

export async function findReroutes(db: WarehouseConnection): Promise<Reroute[]> {
	const rows = await db.all<{ source: string; conversation_id: string; from_queue: string; to_queue: string; body: string | null }>(
		`WITH a AS (
			SELECT source, conversation_id, seq, queue,
				lag(queue) OVER (PARTITION BY source, conversation_id ORDER BY seq) AS prev
			FROM events WHERE type = 'assignment' AND queue IS NOT NULL
		),
		moves AS (SELECT DISTINCT source, conversation_id, prev AS from_queue, queue AS to_queue FROM a WHERE prev IS NOT NULL AND prev <> queue),
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
