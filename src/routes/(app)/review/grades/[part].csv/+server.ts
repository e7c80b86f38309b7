// CSV downloads of the review's grading panels, same roles as the page:
// /review/grades/{distribution|failure-rates|worst-drafts|worst-handoffs|agreement}.csv?week=…&grader=…
import { error } from '@sveltejs/kit';
import { withAppDb } from '$lib/server/appWarehouse';
import { MANAGER_ROLES, requireRole } from '$lib/server/auth';
import { loadGradeReview, type WorstItem } from '$lib/server/grading/loadGradeReview';
import { csvResponse } from '$lib/server/http/csvResponse';
import { latestWeek, parseIsoWeek } from '$lib/server/review';
import { withUserErrors } from '$lib/server/http/withUserErrors';
import type { RequestHandler } from './$types';

const PARTS = ['distribution', 'failure-rates', 'worst-drafts', 'worst-handoffs', 'agreement'] as const;

export const GET: RequestHandler = async ({ locals, params, url }) => {
	requireRole(locals, MANAGER_ROLES);
	const part = params.part as (typeof PARTS)[number];
	if (!PARTS.includes(part)) error(404, `no grading table "${params.part}": use ${PARTS.join(', ')}`);
	const asked = url.searchParams.get('week');
	const week = await withUserErrors(() => (asked ? parseIsoWeek(asked) : null));
	return withAppDb(async (db) => {
		const w = week ?? (await latestWeek(db));
		const g = await loadGradeReview(db, w, url.searchParams.get('grader'), null);
		const name = `review-grades-${part}-${w.week}`;
		if (part === 'distribution') {
			const rows = g.distribution.buckets.map((bucket, i) => ({
				week: w.week,
				grader: g.grader,
				score: bucket,
				drafts_and_replies: g.distribution.drafts[i],
				handoffs: g.distribution.handoffs[i]
			}));
			return csvResponse(name, ['week', 'grader', 'score', 'drafts_and_replies', 'handoffs'], rows);
		}
		if (part === 'failure-rates') {
			const rows = g.failureRates.rows.flatMap((r) =>
				g.failureRates.weeks.map((monday, i) => ({
					criterion: r.criterion,
					group: r.group,
					week_starting: monday,
					judged: r.judged[i],
					failure_rate: r.rates[i]
				}))
			);
			return csvResponse(name, ['criterion', 'group', 'week_starting', 'judged', 'failure_rate'], rows);
		}
		if (part === 'agreement') {
			const a = g.agreement;
			const rows = a
				? [
						{
							grader: a.grader,
							n: a.n,
							agreement: a.agreement,
							kappa: a.kappa,
							precision: a.precision,
							recall: a.recall,
							...a.confusion,
							edit_threshold: a.edit_threshold
						}
					]
				: [];
			return csvResponse(
				name,
				['grader', 'n', 'agreement', 'kappa', 'precision', 'recall', 'tp', 'fp', 'fn', 'tn', 'edit_threshold'],
				rows
			);
		}
		const items: WorstItem[] = part === 'worst-drafts' ? g.worst.drafts : g.worst.handoffs;
		const rows = items.map((i) => ({
			source: i.source,
			conversation_id: i.conversationId,
			event_id: i.eventId,
			kind: i.kind,
			score: i.score,
			failed_criteria: i.failed.map((c) => c.name).join('|'),
			reasons: i.failed.map((c) => `${c.name}: ${c.reason}`).join(' | '),
			link: `${url.origin}/conversations/${encodeURIComponent(i.source)}/${encodeURIComponent(i.conversationId)}#event-${encodeURIComponent(i.eventId)}`
		}));
		return csvResponse(name, ['source', 'conversation_id', 'event_id', 'kind', 'score', 'failed_criteria', 'reasons', 'link'], rows);
	});
};
