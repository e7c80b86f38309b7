// CSV of the gap list with the page's filters, same roles as the page.
import { withAppDb } from '$lib/server/appWarehouse';
import { requireRole, TRANSCRIPT_ROLES } from '$lib/server/auth';
import { listGaps, parseGapFilters } from '$lib/server/gaps';
import { csvResponse } from '$lib/server/http/csvResponse';
import { withUserErrors } from '$lib/server/http/withUserErrors';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, url }) => {
	requireRole(locals, TRANSCRIPT_ROLES);
	const filters = await withUserErrors(() => parseGapFilters(url.searchParams));
	const gaps = await withAppDb((db) => listGaps(db, filters));
	const rows = gaps.map((g) => ({
		...g,
		terms: g.terms.join(' '),
		channels: Object.entries(g.channels)
			.map(([k, v]) => `${k}:${v}`)
			.join(' '),
		languages: Object.entries(g.languages)
			.map(([k, v]) => `${k}:${v}`)
			.join(' '),
		reasons: Object.entries(g.reasons)
			.map(([k, v]) => `${k}:${v}`)
			.join(' '),
		link: `${url.origin}/gaps/${g.id}`
	}));
	return csvResponse(
		'gaps',
		[
			'id',
			'title',
			'terms',
			'coverage',
			'status',
			'owner',
			'impact',
			'size',
			'conversations',
			'share',
			'nearest_article_id',
			'nearest_article_title',
			'article_similarity',
			'ai_answered_share',
			'coverage_reason',
			'answered_citing',
			'translation_group',
			'reopen_rate',
			'escalation_rate',
			'low_csat_rate',
			'channels',
			'languages',
			'reasons',
			'note',
			'link'
		],
		rows
	);
};
