// Gap-list filters from a URL's query string, checked against fixed allow-lists (coverage,
// status) and shapes (week) so a hand-edited URL gets a clear 400 instead of odd results.
import { z } from 'zod';
import { UsageError } from '../errors';
import { COVERAGES, GAP_STATUSES, type GapFilters } from './listGaps';

const schema = z.object({
	coverage: z.enum(COVERAGES).optional(),
	status: z.enum(GAP_STATUSES).optional(),
	channel: z.string().max(100).optional(),
	language: z.string().max(35).optional(),
	week: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, 'week must be YYYY-MM-DD')
		.optional()
});

export function parseGapFilters(params: URLSearchParams): GapFilters {
	const raw = Object.fromEntries(
		['coverage', 'status', 'channel', 'language', 'week'].flatMap((k) => (params.get(k) ? [[k, params.get(k)]] : []))
	);
	const parsed = schema.safeParse(raw);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new UsageError(`bad filter ${String(issue.path[0])}: ${issue.message}`);
	}
	return parsed.data;
}
