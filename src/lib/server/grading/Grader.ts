// The one interface both graders implement: criteria for one item, or a GradingError that
// the run records against that item.
import type { Criteria } from './gradeSchema';
import type { GraderName } from '../../grading/types';
import type { GradingItem } from './GradingItem';

export type { GraderName };

export interface GraderAnswer {
	criteria: Criteria;
	promptTokens?: number;
	completionTokens?: number;
}

export interface UsageTally {
	requests: number;
	promptTokens: number;
	completionTokens: number;
	/** Estimated from the configured prices per million tokens. */
	costUsd: number;
}

export interface Grader {
	readonly name: GraderName;
	/** The model behind the grades; null for the rules grader. */
	readonly model: string | null;
	grade(item: GradingItem): Promise<GraderAnswer>;
	/** Tokens and cost so far (LLM grader). */
	tally?(): UsageTally;
}
