// The grade, defined once as zod schemas: the LLM's structured output is parsed with
// `gradingAnswerSchema(kind)` (its JSON schema derived with z.toJSONSchema), and the stored
// row and the CLI's items follow `gradeSchema`.
import { z } from 'zod';
import { DRAFT_CRITERIA, GRADE_KINDS, HANDOFF_CRITERIA, type GradeKind } from './rubric';

export const verdictSchema = z.enum(['pass', 'fail', 'n/a']);

export const criterionResultSchema = z
	.object({
		verdict: verdictSchema,
		reason: z.string().trim().min(1).max(300).describe('one line: why this verdict')
	})
	.strict();

function criteriaObject<const T extends readonly string[]>(names: T) {
	const shape = Object.fromEntries(names.map((n) => [n, criterionResultSchema])) as { [K in T[number]]: typeof criterionResultSchema };
	return z.object(shape).strict();
}

export const draftCriteriaSchema = criteriaObject(DRAFT_CRITERIA);
export const handoffCriteriaSchema = criteriaObject(HANDOFF_CRITERIA);

/** What the LLM must answer for one item: every criterion of its kind, nothing else. */
export function gradingAnswerSchema(kind: GradeKind) {
	return z.object({ criteria: kind === 'handoff' ? handoffCriteriaSchema : draftCriteriaSchema }).strict();
}

const jsonSchemas = new Map<GradeKind, Record<string, unknown>>();

/** JSON schema of the answer, for response_format json_schema (strict mode needs every key required, no extras). Derived once per kind. */
export function gradingAnswerJsonSchema(kind: GradeKind): Record<string, unknown> {
	let schema = jsonSchemas.get(kind);
	if (!schema) {
		schema = z.toJSONSchema(gradingAnswerSchema(kind), { target: 'draft-7' }) as Record<string, unknown>;
		delete schema.$schema;
		jsonSchemas.set(kind, schema);
	}
	return structuredClone(schema);
}

export const gradeSchema = z.object({
	source: z.string(),
	conversation_id: z.string(),
	event_id: z.string(),
	kind: z.enum(GRADE_KINDS),
	grader: z.enum(['rules', 'llm']),
	model: z.string().nullable(),
	rubric_version: z.string(),
	input_hash: z.string(),
	score: z.number().min(0).max(100).nullable(),
	criteria: z.record(z.string(), criterionResultSchema),
	/** Set when grading failed (malformed answer, endpoint error): then score is null and criteria empty. */
	error: z.string().nullable(),
	graded_at: z.string()
});

export type Grade = z.infer<typeof gradeSchema>;
export type CriterionResult = z.infer<typeof criterionResultSchema>;
export type Criteria = Record<string, CriterionResult>;
