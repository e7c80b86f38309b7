// The overview's date range: the one the URL asks for, or the last four full ISO weeks with
// data; and the period it is compared with, the same number of days just before.
import type { OverviewFilters } from './overviewFilters';

export interface OverviewPeriod {
	from: string;
	to: string;
	days: number;
}

/** Without a date range, the overview shows this many full ISO weeks up to the latest data. */
const DEFAULT_WEEKS = 4;
const DAY_MS = 86_400_000;
const day = (t: number) => new Date(t).toISOString().slice(0, 10);
const ms = (d: string) => Date.parse(`${d}T00:00:00Z`);
const mondayOf = (t: number) => t - ((new Date(t).getUTCDay() + 6) % 7) * DAY_MS;

/** The period the filters ask for, or the last DEFAULT_WEEKS full weeks of the data. */
export function resolvePeriod(filters: Pick<OverviewFilters, 'from' | 'to'>, dataTo: string): OverviewPeriod {
	let from: number, to: number;
	if (filters.from && filters.to) [from, to] = [ms(filters.from), ms(filters.to)];
	else if (filters.to) [to, from] = [ms(filters.to), ms(filters.to) - (DEFAULT_WEEKS * 7 - 1) * DAY_MS];
	else if (filters.from) [from, to] = [ms(filters.from), Math.max(ms(filters.from), ms(dataTo))];
	else {
		to = mondayOf(ms(dataTo)) + 6 * DAY_MS;
		from = mondayOf(ms(dataTo)) - (DEFAULT_WEEKS - 1) * 7 * DAY_MS;
	}
	return { from: day(from), to: day(to), days: Math.round((to - from) / DAY_MS) + 1 };
}

/** The same number of days, ending the day before `period` starts. */
export function previousPeriod(period: OverviewPeriod): OverviewPeriod {
	const to = ms(period.from) - DAY_MS;
	return { from: day(to - (period.days - 1) * DAY_MS), to: day(to), days: period.days };
}
