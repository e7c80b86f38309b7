// The KPI catalogue (browser-safe): what each KPI is called, what it means, what kind of number
// it is, which direction is good news and where the dashboard shows it. The server's SQL
// definitions (src/lib/server/kpi/kpiDefinitions.ts) are keyed into these entries, so a label
// or description is written here once; docs/kpis.md is generated from both.

/** The KPI keys of `kpis --json`, in its order (also the order of cards and table columns). */
export const KPI_KEYS = [
	'conversations',
	'ai_involved',
	'containment_rate',
	'verified_containment_rate',
	'escalation_rate',
	'reopen_rate',
	'reroute_rate',
	'escalation_accuracy',
	'draft_edit_rate',
	'draft_reject_rate',
	'edit_magnitude',
	'qualified_handoff_rate',
	'unanswered_rate',
	'first_response_time_median_s',
	'first_response_time_p90_s',
	'time_to_resolution_median_s',
	'time_to_resolution_p90_s',
	'csat',
	'csat_responses',
	'repeat_contact_rate',
	'first_contact_resolution_rate'
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];
export type KpiValues = Record<KpiKey, number | null>;

/** count: whole conversations; rate: a fraction 0..1 (null when its denominator is 0); quantile: seconds. */
export type KpiKind = 'count' | 'rate' | 'quantile';
/** What the raw value is measured in. */
export type KpiUnit = 'conversations' | 'fraction' | 'seconds';
/** Which way is good news; volume counts are neither. */
export type KpiDirection = 'higher' | 'lower' | 'neither';
/**
 * Where the dashboard shows a KPI besides the every-KPI tables and CSVs (which list them all):
 * a card on the overview, a card on the weekly review, a column of the overview's breakdowns.
 */
export type KpiPlace = 'overview' | 'review' | 'breakdown';

export interface KpiEntry {
	key: KpiKey;
	label: string;
	/** The definition in one or two sentences, for tooltips, the CLI and docs/kpis.md. */
	description: string;
	kind: KpiKind;
	unit: KpiUnit;
	better: KpiDirection;
	shows: readonly KpiPlace[];
	/** Why the KPI can have no value, said on its card instead of a bare dash. */
	emptyNote?: string;
}

const count = { kind: 'count', unit: 'conversations', better: 'neither' } as const;
const rate = (better: 'higher' | 'lower') => ({ kind: 'rate', unit: 'fraction', better }) as const;
const quantile = { kind: 'quantile', unit: 'seconds', better: 'lower' } as const;

/** Every KPI by key. `as const` keeps each `kind` literal, so the SQL side can't disagree on it. */
export const KPI_CATALOGUE = {
	conversations: {
		key: 'conversations',
		label: 'Conversations',
		...count,
		shows: ['overview', 'review', 'breakdown'],
		description: 'Conversations created in the period.'
	},
	ai_involved: {
		key: 'ai_involved',
		label: 'AI-involved',
		...count,
		shows: ['overview', 'breakdown'],
		description: 'Conversations with at least one message by the AI.'
	},
	containment_rate: {
		key: 'containment_rate',
		label: 'Containment rate',
		...rate('higher'),
		shows: ['overview', 'review', 'breakdown'],
		description: 'AI-involved, ever solved or closed, no hand-off, not human-involved / AI-involved.'
	},
	verified_containment_rate: {
		key: 'verified_containment_rate',
		label: 'Verified containment',
		...rate('higher'),
		shows: ['overview', 'review'],
		description:
			'Contained, not reopened within 7 days of its first solve, and (when the customer is known) no new conversation by the same customer within 72 hours of that solve / AI-involved.'
	},
	escalation_rate: {
		key: 'escalation_rate',
		label: 'Escalation rate',
		...rate('lower'),
		shows: ['overview', 'review', 'breakdown'],
		description: 'AI-involved with at least one hand-off / AI-involved.'
	},
	reopen_rate: {
		key: 'reopen_rate',
		label: 'Reopen rate',
		...rate('lower'),
		shows: ['overview', 'review', 'breakdown'],
		description: 'Conversations with a status of open, pending or new after a solved or closed one / conversations ever solved or closed.'
	},
	reroute_rate: {
		key: 'reroute_rate',
		label: 'Reroute rate',
		...rate('lower'),
		shows: ['overview', 'review'],
		description: 'Conversations assigned to at least 2 distinct queues / conversations with at least one assignment.'
	},
	escalation_accuracy: {
		key: 'escalation_accuracy',
		label: 'Escalation accuracy',
		...rate('higher'),
		shows: ['overview', 'review'],
		description: 'Hand-offs whose target queue is the only queue the conversation is assigned to afterwards / hand-offs.',
		emptyNote: 'no hand-offs'
	},
	draft_edit_rate: {
		key: 'draft_edit_rate',
		label: 'Draft edit rate',
		...rate('lower'),
		shows: ['overview', 'review'],
		description: 'Drafts edited / drafts sent as is + edited.',
		emptyNote: 'no reviewed drafts'
	},
	draft_reject_rate: {
		key: 'draft_reject_rate',
		label: 'Draft reject rate',
		...rate('lower'),
		shows: ['overview', 'review'],
		description: 'Drafts rejected / all reviewed drafts.',
		emptyNote: 'no reviewed drafts'
	},
	edit_magnitude: {
		key: 'edit_magnitude',
		label: 'Edit magnitude',
		...rate('lower'),
		shows: ['overview', 'review'],
		description:
			'Mean over edited drafts of the Levenshtein distance between draft and sent text, divided by the longer text’s length (0..1).',
		emptyNote: 'no edited drafts'
	},
	qualified_handoff_rate: {
		key: 'qualified_handoff_rate',
		label: 'Qualified hand-off rate',
		...rate('higher'),
		shows: ['overview', 'review'],
		description: 'Hand-offs whose note has goal, facts, actions taken, blocker and next action (per the grader) / graded hand-offs.',
		emptyNote: 'no graded hand-offs yet'
	},
	unanswered_rate: {
		key: 'unanswered_rate',
		label: 'Unanswered rate',
		...rate('lower'),
		shows: ['overview'],
		description: 'AI-involved with at least one AI message the AI could not answer (fallback) / AI-involved.'
	},
	first_response_time_median_s: {
		key: 'first_response_time_median_s',
		label: 'First response, median',
		...quantile,
		shows: ['overview', 'breakdown'],
		description: 'First AI or agent message after the first customer message, minus created_at: median, seconds.'
	},
	first_response_time_p90_s: {
		key: 'first_response_time_p90_s',
		label: 'First response, p90',
		...quantile,
		shows: [],
		description: 'First AI or agent message after the first customer message, minus created_at: 90th percentile, seconds.'
	},
	time_to_resolution_median_s: {
		key: 'time_to_resolution_median_s',
		label: 'Time to resolution, median',
		...quantile,
		shows: ['overview'],
		description: 'First solved or closed status minus created_at: median, seconds.'
	},
	time_to_resolution_p90_s: {
		key: 'time_to_resolution_p90_s',
		label: 'Time to resolution, p90',
		...quantile,
		shows: [],
		description: 'First solved or closed status minus created_at: 90th percentile, seconds.'
	},
	csat: {
		key: 'csat',
		label: 'CSAT',
		...rate('higher'),
		shows: ['overview', 'review', 'breakdown'],
		description: 'Rated with a score of at least 4 of 5 (or "good") / rated conversations.',
		emptyNote: 'no CSAT ratings'
	},
	csat_responses: {
		key: 'csat_responses',
		label: 'CSAT responses',
		...count,
		shows: [],
		description: 'Conversations with a CSAT rating.'
	},
	repeat_contact_rate: {
		key: 'repeat_contact_rate',
		label: 'Repeat-contact rate',
		...rate('lower'),
		shows: ['overview'],
		description:
			'Solved conversations followed by a new conversation from the same customer within 7 days / solved conversations with a known customer.'
	},
	first_contact_resolution_rate: {
		key: 'first_contact_resolution_rate',
		label: 'First-contact resolution',
		...rate('higher'),
		shows: ['overview'],
		description: 'Solved, never reopened, at most one queue, no repeat contact within 7 days / solved.'
	}
} as const satisfies { [K in KpiKey]: KpiEntry & { key: K } };

/** Every KPI, in KPI_KEYS order. */
export const KPIS: readonly KpiEntry[] = KPI_KEYS.map((key) => KPI_CATALOGUE[key]);

/** The KPIs shown in one place, in KPI_KEYS order. */
export function kpisShownOn(place: KpiPlace): KpiKey[] {
	return KPIS.filter((k) => k.shows.includes(place)).map((k) => k.key);
}

/** The entry of a key that came from data (a row, a URL); undefined for anything else. */
export function kpiEntry(key: string): KpiEntry | undefined {
	return (KPI_CATALOGUE as Record<string, KpiEntry>)[key];
}
