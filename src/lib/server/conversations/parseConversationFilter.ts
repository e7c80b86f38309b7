// Reads the conversation list's filters from URL parameters (or CLI flags turned into them):
// the drill-down format of conversationListHref. Bad values throw one-line UsageErrors.
import { LINK_DIMENSIONS } from '../../drilldown/conversationListHref';
import { UsageError } from '../errors';
import { KPI_KEYS, parseKpiQuery, type KpiKey, type KpiQuery } from '../kpi';
import { DRILL_CONDITIONS, kpiDrillCondition, type DrillFilter, type DrillCondition } from '../kpi/kpiDrillCondition';

/** Columns the list may sort by (an allow-list: they are spliced into ORDER BY). */
export const SORT_KEYS = [
	'created_at',
	'channel',
	'queue',
	'first_response_s',
	'resolution_s',
	'handoffs',
	'distinct_queues',
	'drafts_reviewed'
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface ConversationFilter {
	/** from/to days and dimension filters (week, channel, queue, language, intent, tier). */
	query: Pick<KpiQuery, 'from' | 'to' | 'where'>;
	/** The KPI condition, when the list was opened from a KPI. */
	drill: DrillFilter | null;
	/** A reroute flow: moved straight from one queue to the other. */
	moved: { from: string; to: string } | null;
	/** Search over id and subject. */
	q: string | null;
}

export interface ConversationListRequest extends ConversationFilter {
	sort: { key: SortKey; desc: boolean };
	page: number;
	/** A same-site path to return to, or null. */
	back: string | null;
}

const MAX_VALUE = 200;
const MAX_PAGE = 100_000;

function values(params: URLSearchParams, name: string): string[] {
	const out = params
		.getAll(name)
		.map((v) => v.trim())
		.filter((v) => v !== '');
	for (const v of out)
		if (v.length > MAX_VALUE) throw new UsageError(`filter "${name}" is longer than ${MAX_VALUE} characters`, { field: name });
	return out;
}

function single(params: URLSearchParams, name: string): string | null {
	const all = values(params, name);
	if (all.length > 1) throw new UsageError(`filter "${name}" given more than once`, { field: name });
	return all[0] ?? null;
}

/** The filter itself (what the list, the API, the download and the CLI export share). */
export function parseConversationFilter(params: URLSearchParams): ConversationFilter {
	const where = [...values(params, 'week').map((v) => `week=${v}`)];
	for (const dim of LINK_DIMENSIONS) for (const v of values(params, dim)) where.push(`${dim}=${v}`);
	const query = parseKpiQuery({ from: single(params, 'from'), to: single(params, 'to'), where });

	let drill: DrillFilter | null = null;
	const kpi = single(params, 'kpi');
	const cond = single(params, 'cond') ?? 'numerator';
	if (kpi !== null) {
		if (!(KPI_KEYS as readonly string[]).includes(kpi))
			throw new UsageError(`unknown KPI "${kpi}": use one of ${KPI_KEYS.join(', ')}`, { field: 'kpi' });
		if (!(DRILL_CONDITIONS as readonly string[]).includes(cond))
			throw new UsageError(`unknown condition "${cond}": use one of ${DRILL_CONDITIONS.join(', ')}`, { field: 'cond' });
		drill = kpiDrillCondition(kpi as KpiKey, cond as DrillCondition);
	}
	// Without a KPI, `cond` has nothing to apply to: the filter form sends its default with "any KPI".

	const movedFrom = single(params, 'moved_from'),
		movedTo = single(params, 'moved_to');
	if ((movedFrom === null) !== (movedTo === null))
		throw new UsageError('a reroute filter needs both moved_from and moved_to', { field: movedFrom === null ? 'moved_from' : 'moved_to' });
	const moved = movedFrom !== null && movedTo !== null ? { from: movedFrom, to: movedTo } : null;
	return { query: { from: query.from, to: query.to, where: query.where }, drill, moved, q: single(params, 'q') };
}

/** The filter plus sort, page and the back link: what the list page and GET /api/conversations read. */
export function parseConversationListRequest(params: URLSearchParams): ConversationListRequest {
	const filter = parseConversationFilter(params);
	const rawSort = single(params, 'sort') ?? '-created_at';
	const key = rawSort.replace(/^-/, '');
	if (!(SORT_KEYS as readonly string[]).includes(key))
		throw new UsageError(`cannot sort by "${key}": use one of ${SORT_KEYS.join(', ')} (prefix - for descending)`);
	const rawPage = single(params, 'page') ?? '1';
	if (!/^\d+$/.test(rawPage) || Number(rawPage) < 1 || Number(rawPage) > MAX_PAGE)
		throw new UsageError(`bad page "${rawPage}": expected a whole number from 1 to ${MAX_PAGE}`);
	const back = single(params, 'back');
	// Only a path on this site: never an absolute or protocol-relative URL (open redirect).
	const safeBack = back !== null && back.startsWith('/') && !back.startsWith('//') && !back.includes('\\') ? back : null;
	return { ...filter, sort: { key: key as SortKey, desc: rawSort.startsWith('-') }, page: Number(rawPage), back: safeBack };
}
