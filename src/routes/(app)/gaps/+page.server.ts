// The gap list (KB owners, managers, admins): active gaps by impact with filters in the URL,
// the latest mining run, and a "Mine now" action that runs the miner in this server process
// (the dashboard holds the warehouse, so the CLI can't while it runs).
import { fail } from '@sveltejs/kit';
import { withAppDb } from '$lib/server/appWarehouse';
import { requireRole, TRANSCRIPT_ROLES } from '$lib/server/auth';
import { gapFilterOptions, latestGapRun, listGaps, mineGaps, parseGapFilters } from '$lib/server/gaps';
import { withUserErrors } from '$lib/server/http/withUserErrors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requireRole(locals, TRANSCRIPT_ROLES);
	const filters = await withUserErrors(() => parseGapFilters(url.searchParams));
	return withAppDb(async (db) => ({
		filters,
		run: await latestGapRun(db),
		options: await gapFilterOptions(db),
		gaps: await listGaps(db, filters)
	}));
};

let mining: Promise<unknown> | null = null;

export const actions: Actions = {
	mine: async ({ locals }) => {
		requireRole(locals, TRANSCRIPT_ROLES);
		if (mining) return fail(409, { message: 'a mining run is already going on; reload in a moment' });
		// `auto`: the transformer model when one loads within its timeout, else lexical.
		mining = withAppDb((db) => mineGaps(db, { embedder: 'auto' }));
		try {
			const summary = (await mining) as Awaited<ReturnType<typeof mineGaps>>;
			return { message: `${summary.message} · ${summary.questions} questions → ${summary.clusters} gaps` };
		} finally {
			mining = null;
		}
	}
};
