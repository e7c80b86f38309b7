// CSV downloads of the weekly review, same roles as the page: /review/kpis.csv?week=… (the
// week's KPIs against the week before) and /review/{reopened|reroutes|drafts|escalations}.csv?week=….
import { error } from '@sveltejs/kit';
import { withAppDb } from '$lib/server/appWarehouse';
import { MANAGER_ROLES, requireRole } from '$lib/server/auth';
import { csvResponse } from '$lib/server/http/csvResponse';
import { parseKpiQuery, queryKpis } from '$lib/server/kpi';
import { KPIS } from '$lib/kpi/kpiCatalogue';
import { latestWeek, parseIsoWeek, previousIsoWeek, REVIEW_TABLES, reviewTable } from '$lib/server/review';
import { withUserErrors } from '$lib/server/http/withUserErrors';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	requireRole(locals, MANAGER_ROLES);
	const key = params.table;
	const table = reviewTable(key);
	if (!table && key !== 'kpis') error(404, `no review table "${key}": use kpis, ${REVIEW_TABLES.map((t) => t.key).join(', ')}`);
	const asked = url.searchParams.get('week');
	const week = await withUserErrors(() => (asked ? parseIsoWeek(asked) : null));
	return withAppDb(async (db) => {
		const w = week ?? (await latestWeek(db));
		if (table) {
			const { rows } = await table.load(db, w, null);
			const columns = [
				{ key: 'source', header: 'source' },
				{ key: 'id', header: 'conversation_id' },
				...table.columns.map((c) => ({ key: c.key, header: c.key })),
				...(table.eventRows ? [{ key: 'event_id', header: 'event_id' }] : [])
			];
			const withLinks = rows.map((r) => ({
				...r,
				link: `${url.origin}/conversations/${encodeURIComponent(r.source)}/${encodeURIComponent(r.id)}`
			}));
			return csvResponse(`review-${table.key}-${w.week}`, [...columns, { key: 'link', header: 'link' }], withLinks);
		}
		const prev = previousIsoWeek(w);
		const [current] = (await queryKpis(db, parseKpiQuery({ from: w.from, to: w.to }))).rows;
		const [before] = (await queryKpis(db, parseKpiQuery({ from: prev.from, to: prev.to }))).rows;
		const rows = KPIS.map((k) => ({
			kpi: k.key,
			label: k.label,
			week: w.week,
			value: current[k.key],
			previous_week: prev.week,
			previous: before[k.key]
		}));
		return csvResponse(`review-kpis-${w.week}`, ['kpi', 'label', 'week', 'value', 'previous_week', 'previous'], rows);
	});
};
