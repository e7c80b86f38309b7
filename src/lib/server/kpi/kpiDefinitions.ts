// Every KPI as SQL (docs/kpis.md is generated from this file and the catalogue): the per-conversation conditions over conversation_facts it
// counts. Its label, description, kind and direction come from the browser-safe catalogue
// ($lib/kpi/kpiCatalogue), spread into each definition here. The aggregate SQL (queryKpis) and
// the conversation list's KPI filter (drill-down) are both derived from the conditions, so a
// list's count always equals the number it was opened from. $name parameters are the windows
// of KpiSettings, in seconds.
//
// Conversations with a partial history (an import had their outcome, not their events) count
// in conversations, first response time, time to resolution and CSAT only; their facts are
// written so that every other KPI leaves them out (refreshConversationFacts).
import { KPI_CATALOGUE, KPI_KEYS, type KpiEntry, type KpiKey, type KpiValues } from '../../kpi/kpiCatalogue';

export { KPI_KEYS, type KpiKey, type KpiValues };

/**
 * Which conversations a KPI part counts: `where`, a boolean SQL expression over one
 * conversation_facts row. A part counts conversations unless it has a `measure` (a
 * per-conversation count such as drafts_edited): then it sums that measure over them.
 */
export interface KpiCondition {
	/** What the listed conversations are, e.g. "reopened" (shown on the drill-down list). */
	label: string;
	where: string;
	measure?: string;
	/**
	 * The measure is a DOUBLE: it is summed as DECIMAL(38,24), an exact sum whatever the order
	 * the rows arrive in, so a sum of per-week rollup cells equals the sum over the rows.
	 */
	fractional?: boolean;
}
/** A count of conversations (or responses). */
export interface CountKpi extends KpiEntry {
	kind: 'count';
	counted: KpiCondition;
}
/** numerator / denominator, a fraction 0..1; null when the denominator is 0. */
export interface RateKpi extends KpiEntry {
	kind: 'rate';
	numerator: KpiCondition;
	denominator: KpiCondition;
}
/** An interpolated quantile (DuckDB quantile_cont) of a per-conversation measure, in seconds. */
export interface QuantileKpi extends KpiEntry {
	kind: 'quantile';
	column: 'first_response_s' | 'resolution_s';
	q: number;
	measured: KpiCondition;
}
export type KpiDefinition = CountKpi | RateKpi | QuantileKpi;

/**
 * The aggregate of a condition: count_if rather than count(*) FILTER (DuckDB evaluates it
 * several times faster); a measure is summed over the matching rows, 0 when none match.
 * Every aggregate is a sum, so per-cell sums add up exactly (the weekly rollup relies on it).
 */
export function aggregateSql(c: KpiCondition): string {
	if (!c.measure) return `count_if(${c.where})`;
	const measure = c.fractional ? `(${c.measure})::DECIMAL(38, 24)` : c.measure;
	return `coalesce(sum(${measure}) FILTER (WHERE ${c.where}), 0)`;
}

// Reused predicates. A repeat contact / a new conversation after the first solve is measured
// from next_contact_gap_s, a reopen within the window from reopen_gap_s.
const REPEAT = `coalesce(next_contact_gap_s <= $repeat_window_s, false)`;
const VERIFIED = `contained AND NOT coalesce(reopen_gap_s <= $reopen_window_s, false) AND NOT coalesce(next_contact_gap_s <= $verified_window_s, false)`;
const AI_INVOLVED: KpiCondition = { label: 'AI-involved', where: 'ai_involved' };
const SOLVED: KpiCondition = { label: 'ever solved or closed', where: 'solved' };
const CSAT_RATED: KpiCondition = { label: 'rated (CSAT)', where: 'csat_rated' };
const FIRST_RESPONSE: KpiCondition = { label: 'with a first response', where: 'first_response_s IS NOT NULL' };
const RESOLUTION: KpiCondition = { label: 'resolved (time measured)', where: 'resolution_s IS NOT NULL' };

/** Conversations created in the period (UTC, ISO weeks starting Monday). */
export const conversations: CountKpi = {
	...KPI_CATALOGUE.conversations,
	counted: { label: 'all conversations', where: 'true' }
};

/** AI-involved: conversations with ≥1 `message` by `ai`. */
export const aiInvolved: CountKpi = {
	...KPI_CATALOGUE.ai_involved,
	counted: AI_INVOLVED
};

/**
 * Containment rate: AI-involved, ever solved or closed, no `handoff`, not human-involved /
 * AI-involved. Human-involved: ≥1 `message` by `agent`, or a `draft` reviewed `sent_as_is` /
 * `edited`.
 */
export const containmentRate: RateKpi = {
	...KPI_CATALOGUE.containment_rate,
	numerator: { label: 'contained', where: 'contained' },
	denominator: AI_INVOLVED
};

/**
 * Verified containment: contained, not reopened within 7 days of its first solve, and (when
 * `customer.id` is known) no new conversation by the same customer within 72 hours of that
 * solve / AI-involved.
 */
export const verifiedContainmentRate: RateKpi = {
	...KPI_CATALOGUE.verified_containment_rate,
	numerator: { label: 'verified contained', where: VERIFIED },
	denominator: AI_INVOLVED
};

/** Escalation rate: AI-involved with ≥1 `handoff` / AI-involved. */
export const escalationRate: RateKpi = {
	...KPI_CATALOGUE.escalation_rate,
	numerator: { label: 'AI-involved and handed off', where: 'ai_involved AND handoffs > 0' },
	denominator: AI_INVOLVED
};

/**
 * Reopen rate: conversations with a `status` of open, pending or new after a solved or closed
 * one / conversations ever solved or closed.
 */
export const reopenRate: RateKpi = {
	...KPI_CATALOGUE.reopen_rate,
	numerator: { label: 'reopened after a solve', where: 'solved AND reopened' },
	denominator: SOLVED
};

/** Reroute rate: conversations assigned to ≥2 distinct queues / conversations with ≥1 `assignment`. */
export const rerouteRate: RateKpi = {
	...KPI_CATALOGUE.reroute_rate,
	numerator: { label: 'rerouted (2+ queues)', where: 'distinct_queues >= 2' },
	denominator: { label: 'assigned to a queue', where: 'assignments > 0' }
};

/**
 * Escalation accuracy: hand-offs whose `to_queue` is the only queue the conversation is
 * assigned to afterwards / hand-offs.
 */
export const escalationAccuracy: RateKpi = {
	...KPI_CATALOGUE.escalation_accuracy,
	numerator: { label: 'with an accurate hand-off', where: 'accurate_handoffs > 0', measure: 'accurate_handoffs' },
	denominator: { label: 'with a hand-off', where: 'handoffs > 0', measure: 'handoffs' }
};

/** Draft edit rate: drafts `edited` / drafts `sent_as_is` + `edited`. */
export const draftEditRate: RateKpi = {
	...KPI_CATALOGUE.draft_edit_rate,
	numerator: { label: 'with an edited draft', where: 'drafts_edited > 0', measure: 'drafts_edited' },
	denominator: {
		label: 'with a draft sent as is or edited',
		where: 'drafts_sent_as_is + drafts_edited > 0',
		measure: 'drafts_sent_as_is + drafts_edited'
	}
};

/** Draft reject rate: drafts `rejected` / all reviewed drafts. */
export const draftRejectRate: RateKpi = {
	...KPI_CATALOGUE.draft_reject_rate,
	numerator: { label: 'with a rejected draft', where: 'drafts_rejected > 0', measure: 'drafts_rejected' },
	denominator: { label: 'with a reviewed draft', where: 'drafts_reviewed > 0', measure: 'drafts_reviewed' }
};

/**
 * Edit magnitude: mean over edited drafts of the Levenshtein distance between `body` and
 * `final_body`, in characters, divided by the longer text's length (0..1). An edited draft
 * without a `final_body` has no measurable edit and is left out of the mean.
 */
export const editMagnitudeKpi: RateKpi = {
	...KPI_CATALOGUE.edit_magnitude,
	numerator: { label: 'with a measured draft edit', where: 'edit_magnitude_count > 0', measure: 'edit_magnitude_sum', fractional: true },
	denominator: { label: 'with a measured draft edit', where: 'edit_magnitude_count > 0', measure: 'edit_magnitude_count' }
};

/**
 * Qualified hand-off rate: hand-offs whose note has goal, facts, actions taken, blocker and
 * next action (per the grader) / hand-offs — over graded conversations only, so null until
 * the grader has filled handoffs_qualified.
 */
export const qualifiedHandoffRate: RateKpi = {
	...KPI_CATALOGUE.qualified_handoff_rate,
	numerator: { label: 'with a qualified hand-off', where: 'handoffs_qualified > 0', measure: 'handoffs_qualified' },
	denominator: { label: 'with a graded hand-off', where: 'handoffs_qualified IS NOT NULL AND handoffs > 0', measure: 'handoffs' }
};

/** Unanswered rate: AI-involved with ≥1 AI message of `answer_type` fallback / AI-involved. */
export const unansweredRate: RateKpi = {
	...KPI_CATALOGUE.unanswered_rate,
	numerator: { label: 'AI-involved with an unanswered question', where: 'ai_involved AND fallback' },
	denominator: AI_INVOLVED
};

/**
 * First response time: first `ai` or `agent` message after the first customer message, minus
 * `created_at`: median (interpolated quantile, as DuckDB's `quantile_cont`).
 */
export const firstResponseMedian: QuantileKpi = {
	...KPI_CATALOGUE.first_response_time_median_s,
	column: 'first_response_s',
	q: 0.5,
	measured: FIRST_RESPONSE
};

/** First response time: as above, p90 (interpolated). */
export const firstResponseP90: QuantileKpi = {
	...KPI_CATALOGUE.first_response_time_p90_s,
	column: 'first_response_s',
	q: 0.9,
	measured: FIRST_RESPONSE
};

/** Time to resolution: first solved or closed status minus `created_at`: median (interpolated). */
export const resolutionMedian: QuantileKpi = {
	...KPI_CATALOGUE.time_to_resolution_median_s,
	column: 'resolution_s',
	q: 0.5,
	measured: RESOLUTION
};

/** Time to resolution: as above, p90 (interpolated). */
export const resolutionP90: QuantileKpi = {
	...KPI_CATALOGUE.time_to_resolution_p90_s,
	column: 'resolution_s',
	q: 0.9,
	measured: RESOLUTION
};

/**
 * CSAT: rated with score ≥ 4 of 5 (or "good") / rated conversations. Other scales are
 * scaled to 5 (score / scale ≥ 4 / 5).
 */
export const csat: RateKpi = {
	...KPI_CATALOGUE.csat,
	numerator: { label: 'rated good (4+ of 5)', where: 'csat_positive' },
	denominator: CSAT_RATED
};

/** CSAT: the count rated. */
export const csatResponses: CountKpi = {
	...KPI_CATALOGUE.csat_responses,
	counted: CSAT_RATED
};

/**
 * Repeat-contact rate: solved conversations followed by a new conversation from the same
 * customer within 7 days / solved conversations with a known customer. The window runs from
 * the first solve; "same customer" is the same customer id within the same source.
 */
export const repeatContactRate: RateKpi = {
	...KPI_CATALOGUE.repeat_contact_rate,
	numerator: { label: 'solved, then a repeat contact', where: `solved AND customer_id IS NOT NULL AND ${REPEAT}` },
	denominator: { label: 'solved, customer known', where: 'solved AND customer_id IS NOT NULL' }
};

/**
 * First-contact resolution: solved, never reopened, one queue at most, no repeat contact
 * within 7 days / solved.
 */
export const firstContactResolutionRate: RateKpi = {
	...KPI_CATALOGUE.first_contact_resolution_rate,
	numerator: { label: 'resolved at first contact', where: `solved AND NOT reopened AND distinct_queues <= 1 AND NOT ${REPEAT}` },
	denominator: SOLVED
};

/** Every KPI, in KPI_KEYS order. */
export const KPI_DEFINITIONS: readonly KpiDefinition[] = [
	conversations,
	aiInvolved,
	containmentRate,
	verifiedContainmentRate,
	escalationRate,
	reopenRate,
	rerouteRate,
	escalationAccuracy,
	draftEditRate,
	draftRejectRate,
	editMagnitudeKpi,
	qualifiedHandoffRate,
	unansweredRate,
	firstResponseMedian,
	firstResponseP90,
	resolutionMedian,
	resolutionP90,
	csat,
	csatResponses,
	repeatContactRate,
	firstContactResolutionRate
];
