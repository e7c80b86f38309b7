// What one recipient's weekly digest holds, by role: every role gets the key figures with
// their change and 8-week trend, the week's alerts and how many conversations each review
// table lists (aggregates only: all an exec's digest holds). Roles that may read transcripts
// also get links into conversations and the top knowledge gaps; managers and admins the
// worst-graded items too.
import { alertSettingsFromEnv, queryAlerts, type AlertReport } from '../alerts';
import { TRANSCRIPT_ROLES, MANAGER_ROLES, type Role } from '../auth/roles';
import { listGaps } from '../gaps';
import { loadGradeReview, type WorstItem } from '../grading/loadGradeReview';
import { KPI_DEFINITIONS, type KpiKey } from '../kpi';
import { loadReview, type IsoWeek } from '../review';
import type { WarehouseConnection } from '../warehouse';

/** The figures the digest leads with, in this order. */
export const DIGEST_KPIS: KpiKey[] = [
	'conversations',
	'containment_rate',
	'verified_containment_rate',
	'escalation_rate',
	'unanswered_rate',
	'reopen_rate',
	'reroute_rate',
	'draft_edit_rate',
	'draft_reject_rate',
	'csat',
	'first_response_time_median_s',
	'time_to_resolution_median_s'
];
const TOP_GAPS = 5;
const WORST_ITEMS = 5;

export interface DigestFigure {
	key: KpiKey;
	label: string;
	kind: 'count' | 'rate' | 'quantile';
	value: number | null;
	previous: number | null;
	/** Oldest first, ending with this week. */
	trend: (number | null)[];
}

export interface DigestGap {
	id: number;
	title: string;
	size: number;
	coverage: string;
	status: string;
}

export interface DigestData {
	week: IsoWeek;
	previous: IsoWeek;
	role: Role;
	/** Monday dates of the trend weeks. */
	trendWeeks: string[];
	figures: DigestFigure[];
	alerts: AlertReport;
	/** The review tables' counts for the week (aggregates). */
	reviewCounts: { key: string; title: string; total: number }[];
	/** Whether links into conversations and transcript-derived text may appear. */
	transcripts: boolean;
	/** null: not for this role. Gap titles are customer questions. */
	gaps: DigestGap[] | null;
	/** null: not for this role. */
	worst: WorstItem[] | null;
}

export async function loadDigest(db: WarehouseConnection, week: IsoWeek, role: Role): Promise<DigestData> {
	const review = await loadReview(db, week);
	const transcripts = TRANSCRIPT_ROLES.includes(role);
	const figures = DIGEST_KPIS.map((key) => {
		const d = KPI_DEFINITIONS.find((k) => k.key === key)!;
		return {
			key,
			label: d.label,
			kind: d.kind,
			value: review.current[key],
			previous: review.before[key],
			trend: review.trend.map((r) => r[key])
		};
	});
	let gaps: DigestGap[] | null = null;
	if (transcripts) {
		gaps = (await listGaps(db))
			.filter((g) => g.active && g.status !== 'resolved' && g.status !== 'dismissed')
			.slice(0, TOP_GAPS)
			.map((g) => ({ id: g.id, title: g.title, size: g.size, coverage: g.coverage, status: g.status }));
	}
	let worst: WorstItem[] | null = null;
	if (MANAGER_ROLES.includes(role)) {
		const grades = await loadGradeReview(db, week, null, WORST_ITEMS);
		worst = [...grades.worst.drafts, ...grades.worst.handoffs].sort((a, b) => (a.score ?? 0) - (b.score ?? 0)).slice(0, WORST_ITEMS);
	}
	return {
		week,
		previous: review.previous,
		role,
		trendWeeks: review.trend.map((r) => r.group ?? ''),
		figures,
		alerts: await queryAlerts(db, week, alertSettingsFromEnv()),
		reviewCounts: review.tables.map((t) => ({ key: t.key, title: t.title, total: t.total })),
		transcripts,
		gaps,
		worst
	};
}
