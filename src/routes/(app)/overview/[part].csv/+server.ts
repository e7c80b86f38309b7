// CSV downloads of the overview's cards, trends and breakdowns, for the same URL filters and
// the same roles as the page: /overview/{kpis|trend|channel|language|queue}.csv?…
import { error } from '@sveltejs/kit';
import { withAppDb } from '$lib/server/appWarehouse';
import { ROLES, requireRole } from '$lib/server/auth';
import { csvResponse } from '$lib/server/http/csvResponse';
import { withUserErrors } from '$lib/server/http/withUserErrors';
import { KPI_KEYS, KPIS } from '$lib/kpi/kpiCatalogue';
import { BREAKDOWNS, cachedOverview, parseOverviewFilters, type Breakdown } from '$lib/server/overview';
import type { RequestHandler } from './$types';

const PARTS = ['kpis', 'trend', ...BREAKDOWNS] as const;

export const GET: RequestHandler = async ({ locals, params, url }) => {
	requireRole(locals, ROLES);
	const part = params.part;
	if (!(PARTS as readonly string[]).includes(part)) error(404, `no overview table "${part}": use ${PARTS.join(', ')}`);
	const filters = await withUserErrors(() => parseOverviewFilters(url.searchParams));
	const data = await cachedOverview(withAppDb, filters);
	const stamp = data.period ? `${data.period.from}_${data.period.to}` : 'empty';
	if (part === 'kpis') {
		const rows = KPIS.map((k) => ({
			kpi: k.key,
			label: k.label,
			period_from: data.period?.from,
			period_to: data.period?.to,
			value: data.current?.[k.key] ?? null,
			previous_from: data.previous?.from,
			previous_to: data.previous?.to,
			previous: data.before?.[k.key] ?? null
		}));
		return csvResponse(
			`overview-kpis-${stamp}`,
			['kpi', 'label', 'period_from', 'period_to', 'value', 'previous_from', 'previous_to', 'previous'],
			rows
		);
	}
	const rows = part === 'trend' ? data.trend : data.breakdowns[part as Breakdown];
	const first = part === 'trend' ? 'week' : part;
	return csvResponse(
		`overview-${part}-${stamp}`,
		[{ key: 'group', header: first }, ...KPI_KEYS.map((k) => k as string)],
		rows as unknown as Record<string, unknown>[]
	);
};
