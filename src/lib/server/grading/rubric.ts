// The grading rubric (docs/rubric.md, docs/grading.md): the fixed criterion names other tools read, their
// weights, which are critical (a failure zeroes the score, like Zendesk QA's auto-fail) and
// the version stamped on every grade so a rubric change invalidates cached grades.

/** Bump when criteria, weights or a grader's rules change: cached grades of older versions are redone. */
export const RUBRIC_VERSION = '2026-11-23.2';

export const GRADE_KINDS = ['draft', 'reply', 'handoff'] as const;
export type GradeKind = (typeof GRADE_KINDS)[number];

export const DRAFT_CRITERIA = [
	'grounded',
	'no_unauthorized_commitment',
	'no_personal_data',
	'tone_fit',
	'answer_first',
	'clarifying_questions',
	'length_fit',
	'language_match',
	'next_step'
] as const;

export const HANDOFF_CRITERIA = [
	'has_goal',
	'has_facts',
	'has_actions_taken',
	'has_blocker',
	'has_next_action',
	'concise',
	'sentiment_relevant',
	'right_queue',
	'customer_informed'
] as const;

export type DraftCriterion = (typeof DRAFT_CRITERIA)[number];
export type HandoffCriterion = (typeof HANDOFF_CRITERIA)[number];
export type Criterion = DraftCriterion | HandoffCriterion;

/** The five note elements whose presence makes a hand-off "qualified" (KPI qualified_handoff_rate). */
export const HANDOFF_ELEMENTS = ['has_goal', 'has_facts', 'has_actions_taken', 'has_blocker', 'has_next_action'] as const;

export interface CriterionSpec {
	weight: number;
	critical: boolean;
	/** What the criterion asks, for prompts and the dashboard. */
	question: string;
}

export const RUBRIC: Record<Criterion, CriterionSpec> = {
	grounded: {
		weight: 10,
		critical: false,
		question: 'Everything stated as policy or fact is supported by the cited KB articles; nothing invented.'
	},
	no_unauthorized_commitment: {
		weight: 20,
		critical: true,
		question: 'Promises no refund, credit, exception or deadline that an agent has not authorised.'
	},
	no_personal_data: {
		weight: 20,
		critical: true,
		question:
			'Contains no unnecessary personal data: card numbers, IBANs, phone numbers, e-mail addresses other than the customer’s own, passwords.'
	},
	tone_fit: { weight: 10, critical: false, question: 'The tone fits the customer’s mood and tier.' },
	answer_first: { weight: 10, critical: false, question: 'Answers the question first, before asking or explaining.' },
	clarifying_questions: { weight: 10, critical: false, question: 'Asks at most two clarifying questions.' },
	length_fit: { weight: 5, critical: false, question: 'The length fits the channel (short for chat and SMS, fuller for e-mail).' },
	language_match: { weight: 10, critical: false, question: 'Written in the customer’s language.' },
	next_step: { weight: 5, critical: false, question: 'Ends with a clear next step for the customer.' },

	has_goal: { weight: 12, critical: false, question: 'The note states what the customer wants (goal).' },
	has_facts: { weight: 12, critical: false, question: 'The note states the relevant facts (account, order, plan, amounts, dates).' },
	has_actions_taken: { weight: 12, critical: false, question: 'The note says what was already tried or done.' },
	has_blocker: { weight: 12, critical: false, question: 'The note says what blocks resolution (why a human is needed).' },
	has_next_action: { weight: 12, critical: false, question: 'The note says what the receiving agent should do next.' },
	concise: { weight: 12, critical: false, question: 'Short enough to scan: a summary, not a pasted transcript.' },
	sentiment_relevant: { weight: 6, critical: false, question: 'Mentions the customer’s sentiment only where it changes handling.' },
	right_queue: { weight: 12, critical: false, question: 'Sent to the queue that ended up owning the conversation.' },
	customer_informed: { weight: 10, critical: false, question: 'The customer was told who takes over and what happens next.' }
};

export function criteriaFor(kind: GradeKind): readonly Criterion[] {
	return kind === 'handoff' ? HANDOFF_CRITERIA : DRAFT_CRITERIA;
}

export type Verdict = 'pass' | 'fail' | 'n/a';

/**
 * The overall score 0..100: the weighted share of judged criteria that pass (n/a leaves the
 * criterion out), 0 when a critical criterion fails, null when nothing could be judged.
 */
export function scoreCriteria(criteria: Partial<Record<string, { verdict: Verdict; reason?: string }>>): number | null {
	let judged = 0;
	let passed = 0;
	for (const [name, result] of Object.entries(criteria) as [Criterion, { verdict: Verdict }][]) {
		const spec = RUBRIC[name];
		if (!spec || !result || result.verdict === 'n/a') continue;
		if (result.verdict === 'fail' && spec.critical) return 0;
		judged += spec.weight;
		if (result.verdict === 'pass') passed += spec.weight;
	}
	return judged === 0 ? null : Math.round((passed / judged) * 1000) / 10;
}
