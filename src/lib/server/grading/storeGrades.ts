// Writes grades (one row per graded event and grader, replacing an older one) and reads the
// cache: which events already hold a grade for the same input, rubric, grader and model.
import type { WarehouseConnection } from '../warehouse/WarehouseConnection';
import type { Grade } from './gradeSchema';

export interface StoredGrade extends Grade {
	event_at: string;
	prompt_tokens: number | null;
	completion_tokens: number | null;
}

export const eventKey = (source: string, conversationId: string, eventId: string) => `${source}\u0000${conversationId}\u0000${eventId}`;

export interface CacheEntry {
	input_hash: string;
	rubric_version: string;
	error: string | null;
}

export async function loadGradeCache(db: WarehouseConnection, grader: string, model: string | null): Promise<Map<string, CacheEntry>> {
	const rows = await db.all<CacheEntry & { source: string; conversation_id: string; event_id: string }>(
		`SELECT source, conversation_id, event_id, input_hash, rubric_version, error FROM grades WHERE grader = ? AND coalesce(model, '') = ?`,
		[grader, model ?? '']
	);
	return new Map(rows.map((r) => [eventKey(r.source, r.conversation_id, r.event_id), r]));
}

const ROW_TYPE = JSON.stringify([
	{
		source: 'VARCHAR',
		conversation_id: 'VARCHAR',
		event_id: 'VARCHAR',
		kind: 'VARCHAR',
		grader: 'VARCHAR',
		model: 'VARCHAR',
		rubric_version: 'VARCHAR',
		input_hash: 'VARCHAR',
		score: 'DOUBLE',
		criteria: 'VARCHAR',
		error: 'VARCHAR',
		graded_at: 'VARCHAR',
		event_at: 'VARCHAR',
		prompt_tokens: 'INTEGER',
		completion_tokens: 'INTEGER'
	}
]);

/** Replaces the grades of these events by this grader, in one transaction. */
export async function storeGrades(db: WarehouseConnection, grades: StoredGrade[], runId: number): Promise<void> {
	if (grades.length === 0) return;
	const payload = JSON.stringify(grades.map((g) => ({ ...g, criteria: JSON.stringify(g.criteria) })));
	await db.transaction(async (tx) => {
		await tx.run(`CREATE OR REPLACE TEMP TABLE grading_new AS SELECT unnest(from_json(?, '${ROW_TYPE}'), recursive := true)`, [payload]);
		await tx.run(`DELETE FROM grades USING grading_new n
			WHERE grades.source = n.source AND grades.conversation_id = n.conversation_id AND grades.event_id = n.event_id AND grades.grader = n.grader`);
		await tx.run(
			`INSERT INTO grades SELECT source, conversation_id, event_id, kind, grader, model, rubric_version, input_hash, score,
				criteria::JSON, error, CAST(graded_at AS TIMESTAMPTZ)::TIMESTAMP, CAST(event_at AS TIMESTAMPTZ)::TIMESTAMP, prompt_tokens, completion_tokens, ?
			 FROM grading_new`,
			[runId]
		);
		await tx.run('DROP TABLE IF EXISTS grading_new');
	});
}
