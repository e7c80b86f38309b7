// The weekly quality review (managers and admins): one ISO week's KPIs against the week
// before and the tables of conversations that need a look, each row opening the conversation.
import { withAppDb } from '$lib/server/appWarehouse';
import { MANAGER_ROLES, requireRole } from '$lib/server/auth';
import { UsageError } from '$lib/server/errors';
import { cachedReview, latestWeek, parseIsoWeek, type IsoWeek } from '$lib/server/review';
import { loadGradeReview } from '$lib/server/grading/loadGradeReview';
import { cachedAlerts } from '$lib/server/alerts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, MANAGER_ROLES);
	const asked = url.searchParams.get('week');
	let weekError: string | null = null;
	const review = await withAppDb(async (db) => {
		let week: IsoWeek | null = null;
		if (asked) {
			try {
				week = parseIsoWeek(asked);
			} catch (error) {
				if (!(error instanceof UsageError)) throw error;
				weekError = error.message;
			}
		}
		const conversations = (await db.one<{ n: number }>('SELECT count(*) AS n FROM conversation_facts'))?.n ?? 0;
		return { conversations, ...(await cachedReview(db, week ?? (await latestWeek(db)))) };
	});
	// The grading part: grade distribution, failure rates per criterion, the week's
	// worst-graded drafts and hand-offs, and the agreement panel.
	const grades = await withAppDb((db) => loadGradeReview(db, review.week, url.searchParams.get('grader')));
	const alerts = await withAppDb((db) => cachedAlerts(db, review.week));
	return { review, weekError, grades, alerts };
};
