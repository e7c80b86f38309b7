// The columns of the per-conversation export, in file order: one row per conversation with
// every fact the KPI engine derives. docs/export-columns.md documents each one (a unit test
// keeps the two in step). Flags that a KPI counts are that KPI's own declared condition.
import {
	escalationRate,
	firstContactResolutionRate,
	repeatContactRate,
	rerouteRate,
	unansweredRate,
	verifiedContainmentRate
} from '../kpi/kpiDefinitions';

export interface ExportColumn {
	name: string;
	/** Expression over `f` (the filtered facts with the derived flags below), `c` (conversations), `gq` (gap questions), `gr` (grades). */
	sql: string;
}

/** Flags computed beside the facts (inside the filtered facts CTE), from the KPI definitions. */
export const DERIVED_FLAGS: Record<string, string> = {
	verified_contained: verifiedContainmentRate.numerator.where,
	escalated: escalationRate.numerator.where,
	unanswered: unansweredRate.numerator.where,
	rerouted: rerouteRate.numerator.where,
	repeat_contact: repeatContactRate.numerator.where,
	first_contact_resolved: firstContactResolutionRate.numerator.where
};

const facts = (...names: string[]): ExportColumn[] => names.map((name) => ({ name, sql: `f.${name}` }));

export const EXPORT_COLUMNS: ExportColumn[] = [
	...facts('source', 'id', 'created_at'),
	{ name: 'week', sql: `strftime(f.created_at, '%G-W%V')` },
	{ name: 'week_start', sql: 'f.week' },
	...facts('channel', 'queue', 'language', 'intent', 'tier', 'customer_id'),
	{ name: 'priority', sql: 'c.priority' },
	...facts(
		'ai_involved',
		'human_involved',
		'contained',
		'verified_contained',
		'escalated',
		'handoffs',
		'accurate_handoffs',
		'handoffs_qualified'
	),
	...facts(
		'unanswered',
		'solved',
		'first_solve_at',
		'reopened',
		'reopen_gap_s',
		'next_contact_gap_s',
		'repeat_contact',
		'first_contact_resolved'
	),
	...facts('assignments', 'distinct_queues', 'rerouted'),
	...facts(
		'drafts_sent_as_is',
		'drafts_edited',
		'drafts_rejected',
		'drafts_escalated',
		'drafts_reviewed',
		'edit_magnitude_sum',
		'edit_magnitude_count'
	),
	{ name: 'edit_magnitude', sql: 'CASE WHEN f.edit_magnitude_count > 0 THEN f.edit_magnitude_sum / f.edit_magnitude_count END' },
	...facts('first_response_s', 'resolution_s', 'csat_rated', 'csat_positive'),
	{ name: 'csat_score', sql: 'c.csat_score' },
	{ name: 'csat_scale', sql: 'c.csat_scale' },
	{ name: 'csat_rating', sql: 'c.csat_rating' },
	{ name: 'unanswered_questions', sql: 'CASE WHEN (SELECT count(*) FROM gap_runs) > 0 THEN coalesce(gq.questions, 0) END' },
	{ name: 'gap_id', sql: 'gq.gap_id' },
	{ name: 'draft_grade_score', sql: 'gr.draft_score' },
	{ name: 'reply_grade_score', sql: 'gr.reply_score' },
	{ name: 'handoff_grade_score', sql: 'gr.handoff_score' },
	{ name: 'min_grade_score', sql: 'gr.min_score' },
	{ name: 'graded_items', sql: 'coalesce(gr.graded, 0)' }
];
