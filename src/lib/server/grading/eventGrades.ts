// The grades of one conversation's drafts, replies and hand-offs, by event id, for the
// conversation view (each shown next to the event it grades).
import type { WarehouseConnection } from '../warehouse/WarehouseConnection';
import type { Criteria } from './gradeSchema';
import { RUBRIC, type Criterion } from './rubric';
import type { GradeView } from '../../grading/types';

export type { GradeView };

export function criteriaList(criteria: Criteria): GradeView['criteria'] {
	return Object.entries(criteria).map(([name, r]) => ({
		name,
		verdict: r.verdict,
		reason: r.reason,
		critical: RUBRIC[name as Criterion]?.critical ?? false
	}));
}

export async function eventGrades(db: WarehouseConnection, source: string, conversationId: string): Promise<Record<string, GradeView[]>> {
	const rows = await db.all<{
		event_id: string;
		grader: string;
		model: string | null;
		kind: string;
		score: number | null;
		error: string | null;
		graded_at: Date;
		rubric_version: string;
		criteria: string | null;
	}>(
		`SELECT event_id, grader, model, kind, score, error, graded_at, rubric_version, CAST(criteria AS VARCHAR) AS criteria
		 FROM grades WHERE source = ? AND conversation_id = ? ORDER BY event_id, grader`,
		[source, conversationId]
	);
	const out: Record<string, GradeView[]> = {};
	for (const r of rows) {
		(out[r.event_id] ??= []).push({
			grader: r.grader,
			model: r.model,
			kind: r.kind,
			score: r.score,
			error: r.error,
			gradedAt: r.graded_at.toISOString(),
			rubricVersion: r.rubric_version,
			criteria: criteriaList(r.criteria ? (JSON.parse(r.criteria) as Criteria) : {})
		});
	}
	return out;
}
