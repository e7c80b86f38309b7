// The weekly quality review (managers and admins): one ISO week's KPIs against the week
// before and the tables of conversations that need a look, each row opening the conversation.
import { withAppDb } from '$lib/server/appWarehouse';
import { MANAGER_ROLES, requireRole } from '$lib/server/auth';
import { reviewPageData } from '$lib/server/review';
import { loadGradeReview } from '$lib/server/grading/loadGradeReview';
import { cachedAlerts } from '$lib/server/alerts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, MANAGER_ROLES);
	const { review, weekError } = await withAppDb((db) => reviewPageData(db, url.searchParams.get('week')));
	// The grading part: grade distribution, failure rates per criterion, the week's
	// worst-graded drafts and hand-offs, and the agreement panel.
	const grades = await withAppDb((db) => loadGradeReview(db, review.week, url.searchParams.get('grader')));
	const alerts = await withAppDb((db) => cachedAlerts(db, review.week));
	return { review, weekError, grades, alerts };
};
