import { describe, expect, it } from 'vitest';
import { gradingAnswerJsonSchema, gradingAnswerSchema } from './gradeSchema';
import { DRAFT_CRITERIA, HANDOFF_CRITERIA, scoreCriteria } from './rubric';

const all = (names: readonly string[], verdict: 'pass' | 'fail' | 'n/a') =>
	Object.fromEntries(names.map((n) => [n, { verdict, reason: 'r' }]));

describe('rubric scoring', () => {
	it('weights judged criteria and leaves n/a out', () => {
		const criteria = {
			...all(DRAFT_CRITERIA, 'pass'),
			tone_fit: { verdict: 'n/a' as const, reason: 'r' },
			length_fit: { verdict: 'fail' as const, reason: 'r' }
		};
		// 90 judged weight, 85 passed
		expect(scoreCriteria(criteria)).toBe(94.4);
	});
	it('a failed critical criterion makes the score 0', () => {
		expect(scoreCriteria({ ...all(DRAFT_CRITERIA, 'pass'), no_personal_data: { verdict: 'fail', reason: 'card' } })).toBe(0);
	});
	it('nothing judged gives null, not a pass', () => {
		expect(scoreCriteria(all(HANDOFF_CRITERIA, 'n/a'))).toBeNull();
	});
});

describe('the grading answer schema', () => {
	it('needs every criterion of the kind and rejects extras and bad verdicts', () => {
		const schema = gradingAnswerSchema('handoff');
		expect(schema.safeParse({ criteria: all(HANDOFF_CRITERIA, 'pass') }).success).toBe(true);
		const { has_goal: _, ...missing } = all(HANDOFF_CRITERIA, 'pass');
		expect(schema.safeParse({ criteria: missing }).success).toBe(false);
		expect(schema.safeParse({ criteria: { ...all(HANDOFF_CRITERIA, 'pass'), extra: { verdict: 'pass', reason: 'r' } } }).success).toBe(
			false
		);
		expect(schema.safeParse({ criteria: { ...all(HANDOFF_CRITERIA, 'pass'), concise: { verdict: 'maybe', reason: 'r' } } }).success).toBe(
			false
		);
	});
	it('derives a strict JSON schema with every criterion required', () => {
		const json = gradingAnswerJsonSchema('draft') as {
			properties: {
				criteria: {
					required: string[];
					additionalProperties: boolean;
					properties: Record<string, { properties: { verdict: { enum: string[] } } }>;
				};
			};
		};
		expect(json.properties.criteria.required).toEqual([...DRAFT_CRITERIA]);
		expect(json.properties.criteria.additionalProperties).toBe(false);
		expect(json.properties.criteria.properties.grounded.properties.verdict.enum).toEqual(['pass', 'fail', 'n/a']);
	});
});
