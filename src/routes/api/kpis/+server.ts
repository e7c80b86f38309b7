// GET /api/kpis: the CLI's `kpis --json` over HTTP. Query parameters are the CLI's options
// (from, to, by, repeatable where=dim:value); every logged-in role may read it (aggregates only).
import { json } from '@sveltejs/kit';
import { withAppDb } from '$lib/server/appWarehouse';
import { ROLES, requireRole } from '$lib/server/auth';
import { UsageError } from '$lib/server/errors';
import { withUserErrors } from '$lib/server/http/withUserErrors';
import { parseKpiQuery, queryKpis } from '$lib/server/kpi';
import type { RequestHandler } from './$types';

const KNOWN = new Set(['from', 'to', 'by', 'where']);

export const GET: RequestHandler = async ({ locals, url }) => {
	requireRole(locals, ROLES);
	const query = await withUserErrors(() => {
		for (const name of url.searchParams.keys()) {
			if (!KNOWN.has(name)) throw new UsageError(`unknown parameter "${name}": use from, to, by and where=dim:value`, { field: name });
		}
		for (const name of ['from', 'to', 'by']) {
			if (url.searchParams.getAll(name).length > 1) throw new UsageError(`parameter "${name}" given more than once`, { field: name });
		}
		return parseKpiQuery({
			from: url.searchParams.get('from'),
			to: url.searchParams.get('to'),
			by: url.searchParams.get('by'),
			where: url.searchParams.getAll('where')
		});
	});
	return json(await withAppDb((db) => queryKpis(db, query)));
};
