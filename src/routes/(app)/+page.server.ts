// The overview: KPI cards, 12-week trends and breakdowns for the filters in the URL. Every
// role may see it (aggregates only; no transcript text, no links into conversations for exec).
import { withAppDb } from '$lib/server/appWarehouse';
import { cachedAlerts } from '$lib/server/alerts';
import { ROLES, TRANSCRIPT_ROLES, requireRole } from '$lib/server/auth';
import { UsageError } from '$lib/server/errors';
import { cachedOverview, filterParams, parseOverviewFilters, slimOverview, type OverviewFilters } from '$lib/server/overview';
import { isoWeekOf } from '$lib/server/review';
import type { PageServerLoad } from './$types';

const NO_FILTERS: OverviewFilters = { from: null, to: null, channel: null, queue: null, language: null, tier: null };

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireRole(locals, ROLES);
	let filters = NO_FILTERS;
	let filterError: string | null = null;
	try {
		filters = parseOverviewFilters(url.searchParams);
	} catch (error) {
		if (!(error instanceof UsageError)) throw error;
		// A hand-edited link: say what was wrong and show the unfiltered view rather than an error page.
		filterError = error.message;
	}
	const overview = slimOverview(await cachedOverview(withAppDb, filters));
	// The alerts of the week the period ends in, streamed: after an import they take one KPI
	// query per breakdown value, and the cards must not wait for them. Only roles that may
	// open conversations get their links.
	const period = overview.period;
	const alerts = period ? withAppDb((db) => cachedAlerts(db, isoWeekOf(period.to))) : Promise.resolve(null);
	const alertLinks = TRANSCRIPT_ROLES.includes(user.role);
	return { filters, filterError, query: filterParams(filters).toString(), overview, role: user.role, alerts, alertLinks };
};
