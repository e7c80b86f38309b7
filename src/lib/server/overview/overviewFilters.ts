// The overview's filter bar as URL parameters (from, to, channel, queue, language, tier), so
// a view is a shareable link; checked with the KPI engine's own parser.
import { UsageError } from '../errors';
import { parseKpiQuery } from '../kpi';

export const FILTER_DIMENSIONS = ['channel', 'queue', 'language', 'tier'] as const;
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];

export interface OverviewFilters {
	/** Inclusive UTC days, YYYY-MM-DD; null = chosen from the data (the last four full weeks). */
	from: string | null;
	to: string | null;
	channel: string | null;
	queue: string | null;
	language: string | null;
	tier: string | null;
}

const MAX_VALUE = 200;

/** Reads the filters from a URL; throws a one-line UsageError on a bad date or parameter. */
export function parseOverviewFilters(params: URLSearchParams): OverviewFilters {
	const one = (name: string): string | null => {
		const values = params.getAll(name).filter((v) => v !== '');
		if (values.length > 1) throw new UsageError(`filter "${name}" given more than once`, { field: name });
		const value = values[0] ?? null;
		if (value !== null && value.length > MAX_VALUE)
			throw new UsageError(`filter "${name}" is longer than ${MAX_VALUE} characters`, { field: name });
		return value;
	};
	const filters: OverviewFilters = { from: one('from'), to: one('to'), channel: null, queue: null, language: null, tier: null };
	for (const dim of FILTER_DIMENSIONS) filters[dim] = one(dim);
	// Same checks (and messages) as the CLI and /api/kpis.
	parseKpiQuery({ from: filters.from, to: filters.to, where: whereOf(filters) });
	return filters;
}

/** The filters as the KPI engine's where items (dim:value). */
export function whereOf(filters: OverviewFilters): string[] {
	return FILTER_DIMENSIONS.filter((d) => filters[d] !== null).map((d) => `${d}:${filters[d]}`);
}

/** The filters as URL parameters, in a stable order (for links and cache keys). */
export function filterParams(filters: Partial<OverviewFilters>): URLSearchParams {
	const out = new URLSearchParams();
	for (const key of ['from', 'to', ...FILTER_DIMENSIONS] as const) {
		const value = filters[key];
		if (value) out.set(key, value);
	}
	return out;
}
