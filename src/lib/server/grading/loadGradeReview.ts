// The grading part of the weekly quality review: the week's grade distribution, failure
// rates per criterion over the last weeks, the week's worst-graded drafts/replies and
// hand-offs with their failed criteria, and the grader's agreement with human reviewers.
import type { WarehouseConnection } from '../warehouse/WarehouseConnection';
import { computeAgreement, DEFAULT_EDIT_THRESHOLD } from './computeAgreement';
import { criteriaList } from './eventGrades';
import type { GraderName } from './Grader';
import type { Criteria } from './gradeSchema';
import { DRAFT_CRITERIA, HANDOFF_CRITERIA } from './rubric';
import type { GradeReview, WorstItem } from '../../grading/types';

export type { GradeReview, WorstItem };

export const GRADE_TREND_WEEKS = 8;
const WORST_ROWS = 10;

const BUCKETS = Array.from({ length: 10 }, (_, i) => (i === 9 ? '90–100' : `${i * 10}–${i * 10 + 9}`));

/** The grader shown: the asked one when it has grades, else rules, else llm. */
async function pickGrader(db: WarehouseConnection, asked?: string | null): Promise<{ grader: GraderName | null; total: number }> {
	const counts = new Map(
		(await db.all<{ grader: string; n: number }>('SELECT grader, count(*) AS n FROM grades GROUP BY grader')).map((r) => [r.grader, r.n])
	);
	for (const g of [asked, 'rules', 'llm'] as const) if (g && counts.get(g)) return { grader: g as GraderName, total: counts.get(g)! };
	return { grader: null, total: 0 };
}

/** `worstLimit`: rows of each worst-graded list (the page shows 10; CSV downloads pass null for all). */
export async function loadGradeReview(
	db: WarehouseConnection,
	week: { from: string; to: string },
	askedGrader?: string | null,
	worstLimit: number | null = WORST_ROWS
): Promise<GradeReview> {
	const { grader, total } = await pickGrader(db, askedGrader);
	const empty: GradeReview = {
		grader,
		totalGrades: total,
		distribution: { buckets: BUCKETS, drafts: BUCKETS.map(() => 0), handoffs: BUCKETS.map(() => 0), errors: 0 },
		failureRates: { weeks: [], rows: [] },
		worst: { drafts: [], handoffs: [] },
		agreement: null
	};
	if (!grader) return empty;
	const weekEnd = `${week.to} 23:59:59.999`;
	const trendFrom = new Date(Date.parse(week.from) - (GRADE_TREND_WEEKS - 1) * 7 * 86_400_000).toISOString().slice(0, 10);
	const rows = await db.all<{
		source: string;
		conversation_id: string;
		event_id: string;
		kind: string;
		score: number | null;
		error: string | null;
		criteria: string | null;
		monday: Date;
	}>(
		`SELECT source, conversation_id, event_id, kind, score, error, CAST(criteria AS VARCHAR) AS criteria, date_trunc('week', event_at)::DATE AS monday
		 FROM grades WHERE grader = ? AND event_at >= CAST(? AS TIMESTAMP) AND event_at <= CAST(? AS TIMESTAMP)`,
		[grader, trendFrom, weekEnd]
	);
	const weeks = Array.from({ length: GRADE_TREND_WEEKS }, (_, i) =>
		new Date(Date.parse(trendFrom) + i * 7 * 86_400_000).toISOString().slice(0, 10)
	);
	const weekIndex = new Map(weeks.map((w, i) => [w, i]));
	const current = weeks[weeks.length - 1];
	const tally = new Map<string, { failed: number[]; judged: number[] }>();
	for (const name of [...DRAFT_CRITERIA, ...HANDOFF_CRITERIA]) tally.set(name, { failed: weeks.map(() => 0), judged: weeks.map(() => 0) });
	const distribution = empty.distribution;
	const worstDrafts: WorstItem[] = [];
	const worstHandoffs: WorstItem[] = [];
	for (const r of rows) {
		const i = weekIndex.get(r.monday.toISOString().slice(0, 10));
		if (i === undefined) continue;
		const isHandoff = r.kind === 'handoff';
		if (r.error) {
			if (i === weeks.length - 1) distribution.errors++;
			continue;
		}
		const criteria = r.criteria ? (JSON.parse(r.criteria) as Criteria) : {};
		for (const [name, c] of Object.entries(criteria)) {
			const t = tally.get(name);
			if (!t || c.verdict === 'n/a') continue;
			t.judged[i]++;
			if (c.verdict === 'fail') t.failed[i]++;
		}
		if (weeks[i] !== current) continue;
		if (r.score !== null) (isHandoff ? distribution.handoffs : distribution.drafts)[Math.min(9, Math.floor(r.score / 10))]++;
		const failed = criteriaList(criteria).filter((c) => c.verdict === 'fail');
		if (failed.length)
			(isHandoff ? worstHandoffs : worstDrafts).push({
				source: r.source,
				conversationId: r.conversation_id,
				eventId: r.event_id,
				kind: r.kind,
				score: r.score,
				failed
			});
	}
	const byScore = (a: WorstItem, b: WorstItem) =>
		(a.score ?? 0) - (b.score ?? 0) || b.failed.length - a.failed.length || a.conversationId.localeCompare(b.conversationId);
	const rateRows: GradeReview['failureRates']['rows'] = [];
	for (const [criterion, t] of tally) {
		if (t.judged.every((n) => n === 0)) continue;
		rateRows.push({
			criterion,
			group: (HANDOFF_CRITERIA as readonly string[]).includes(criterion) ? 'handoffs' : 'drafts',
			rates: t.judged.map((n, i) => (n === 0 ? null : Math.round((t.failed[i] / n) * 1000) / 1000)),
			judged: t.judged
		});
	}
	return {
		grader,
		totalGrades: total,
		distribution,
		failureRates: { weeks, rows: rateRows },
		worst: {
			drafts: worstDrafts.sort(byScore).slice(0, worstLimit ?? undefined),
			handoffs: worstHandoffs.sort(byScore).slice(0, worstLimit ?? undefined)
		},
		agreement: await computeAgreement(db, { grader, editThreshold: DEFAULT_EDIT_THRESHOLD })
	};
}
