// Turns the user's date range, breakdown and filters (CLI flags or URL parameters) into a
// checked KpiQuery, or one-line UsageErrors naming the bad value and carrying the option at
// fault as `field` (its bare name, the same for the flag and the URL parameter).
import { UsageError } from '../errors';
import { DIMENSIONS, isDimension, type Dimension } from './dimensions';

export interface KpiFilter {
	dim: Dimension;
	value: string;
}

export interface KpiQuery {
	/** Inclusive first UTC day, YYYY-MM-DD; null = from the first conversation. */
	from: string | null;
	/** Inclusive last UTC day, YYYY-MM-DD; null = to the last conversation. */
	to: string | null;
	by: Dimension | null;
	/** AND across dimensions, OR between values of the same dimension. */
	where: KpiFilter[];
}

const DAY_MS = 86_400_000;

/** Parses YYYY-MM-DD as a real calendar day; returns its UTC midnight in ms, or null. */
export function parseDay(value: string): number | null {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!m) return null;
	const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
	return new Date(ms).toISOString().slice(0, 10) === value ? ms : null;
}

/** The Monday (YYYY-MM-DD) of a day or of an ISO week written YYYY-Www. */
export function weekStart(value: string): string | null {
	const iso = /^(\d{4})-W(\d{2})$/.exec(value);
	if (iso) {
		const year = Number(iso[1]),
			week = Number(iso[2]);
		const jan4 = Date.UTC(year, 0, 4);
		const monday1 = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
		const ms = monday1 + (week - 1) * 7 * DAY_MS;
		// Week 53 exists only in some years: the Monday must still belong to the same ISO year.
		if (week < 1 || week > 53 || isoYear(ms) !== year) return null;
		return new Date(ms).toISOString().slice(0, 10);
	}
	const day = parseDay(value);
	if (day === null) return null;
	return new Date(day - ((new Date(day).getUTCDay() + 6) % 7) * DAY_MS).toISOString().slice(0, 10);
}

function isoYear(ms: number): number {
	const thursday = ms + 3 * DAY_MS;
	return new Date(thursday).getUTCFullYear();
}

function parseWhere(item: string): KpiFilter {
	const m = /^([A-Za-z_]+)\s*[=:]\s*(.*)$/.exec(item);
	const field = 'where';
	if (!m) throw new UsageError(`bad filter "${item}": expected dim=value with dim one of ${DIMENSIONS.join(', ')}`, { field });
	const [, dim, raw] = m;
	if (!isDimension(dim))
		throw new UsageError(`unknown dimension "${dim}" in filter "${item}": use one of ${DIMENSIONS.join(', ')}`, { field });
	const value = raw.trim();
	if (value === '') throw new UsageError(`filter "${item}" has no value: expected ${dim}=value`, { field });
	if (dim === 'week') {
		const monday = weekStart(value);
		if (!monday)
			throw new UsageError(`bad week "${value}" in filter "${item}": expected a day YYYY-MM-DD or an ISO week YYYY-Www`, { field });
		return { dim, value: monday };
	}
	return { dim, value };
}

export function parseKpiQuery(
	input: { from?: string | null; to?: string | null; by?: string | null; where?: string[] | string | null } = {}
): KpiQuery {
	const day = (name: 'from' | 'to', value: string | null | undefined): string | null => {
		if (value === undefined || value === null || value === '') return null;
		if (parseDay(value) === null)
			throw new UsageError(`bad ${name} date "${value}": expected a calendar day YYYY-MM-DD (UTC)`, { field: name });
		return value;
	};
	const from = day('from', input.from);
	const to = day('to', input.to);
	if (from && to && from > to) throw new UsageError(`from ${from} is after to ${to}`, { field: 'from' });
	let by: Dimension | null = null;
	if (input.by !== undefined && input.by !== null && input.by !== '') {
		if (!isDimension(input.by))
			throw new UsageError(`unknown dimension "${input.by}" for by: use one of ${DIMENSIONS.join(', ')}`, { field: 'by' });
		by = input.by;
	}
	const items = input.where === undefined || input.where === null ? [] : Array.isArray(input.where) ? input.where : [input.where];
	return { from, to, by, where: items.map(parseWhere) };
}
