// Browser-safe shapes of the grading data the pages show (review panels, grade cards): the
// server's grading modules build them, Svelte components type their props with them.

export type GraderName = 'rules' | 'llm';

export interface AgreementStats {
	n: number;
	agreement: number | null;
	kappa: number | null;
	precision: number | null;
	recall: number | null;
	/** Positive = bad. tp: both bad; fp: grader bad, reference good; fn: grader good, reference bad. */
	confusion: { tp: number; fp: number; fn: number; tn: number };
}

export interface AgreementReport extends AgreementStats {
	grader: GraderName;
	reference: 'human_review';
	positive: 'bad';
	edit_threshold: number;
	pass_rule: string;
	/** Reviewed drafts left out: escalated, or no grade by this grader yet. */
	skipped: { escalated: number; ungraded: number };
	planted?: PlantedAgreement;
}

export interface PlantedAgreement {
	drafts: AgreementStats;
	handoffs: AgreementStats;
	/** For each planted violation, how many such items the grader called bad. */
	caught_by_planted_criterion: Record<string, { n: number; caught: number }>;
}

export interface GradeView {
	grader: string;
	model: string | null;
	kind: string;
	score: number | null;
	error: string | null;
	gradedAt: string;
	rubricVersion: string;
	/** Criteria in rubric order, failed critical ones flagged. */
	criteria: { name: string; verdict: string; reason: string; critical: boolean }[];
}

export interface GradeReview {
	grader: GraderName | null;
	/** Grades this grader holds overall (0: nothing graded yet). */
	totalGrades: number;
	/** Score buckets 0-9 … 90-100 for the week, per group. */
	distribution: { buckets: string[]; drafts: number[]; handoffs: number[]; errors: number };
	/** Week labels (Monday dates), oldest first, and per criterion the failure rate per week (null: nothing judged). */
	failureRates: {
		weeks: string[];
		rows: { criterion: string; group: 'drafts' | 'handoffs'; rates: (number | null)[]; judged: number[] }[];
	};
	worst: { drafts: WorstItem[]; handoffs: WorstItem[] };
	agreement: AgreementReport | null;
}

export interface WorstItem {
	source: string;
	conversationId: string;
	eventId: string;
	kind: string;
	score: number | null;
	failed: GradeView['criteria'];
}
