// ISO weeks (Monday start, UTC) as the review page names them: "2026-W41" ⇄ the half-open
// date range [monday, next monday) that KPI periods and the review tables use.
import { UsageError } from '../errors';

export interface IsoWeek {
	/** "YYYY-Www" */
	week: string;
	/** Monday, "YYYY-MM-DD" (inclusive). */
	from: string;
	/** The next Monday, "YYYY-MM-DD" (exclusive). */
	toExclusive: string;
	/** Sunday, "YYYY-MM-DD" (inclusive): the `to` the KPI engine takes. */
	to: string;
}

const DAY_MS = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Monday 00:00 UTC of ISO week 1 of `year` (the week holding January 4th). */
function week1Monday(year: number): number {
	const jan4 = Date.UTC(year, 0, 4);
	const weekday = (new Date(jan4).getUTCDay() + 6) % 7; // Monday = 0
	return jan4 - weekday * DAY_MS;
}

function fromMonday(monday: number): IsoWeek {
	const thursday = monday + 3 * DAY_MS;
	const year = new Date(thursday).getUTCFullYear();
	const n = Math.round((monday - week1Monday(year)) / (7 * DAY_MS)) + 1;
	return {
		week: `${year}-W${String(n).padStart(2, '0')}`,
		from: day(monday),
		toExclusive: day(monday + 7 * DAY_MS),
		to: day(monday + 6 * DAY_MS)
	};
}

/** The ISO week holding `date` (a Date or anything Date.parse reads). */
export function isoWeekOf(date: Date | string): IsoWeek {
	const ms = typeof date === 'string' ? Date.parse(date) : date.getTime();
	if (Number.isNaN(ms)) throw new UsageError(`not a date: "${String(date)}"`);
	const midnight = Math.floor(ms / DAY_MS) * DAY_MS;
	const weekday = (new Date(midnight).getUTCDay() + 6) % 7;
	return fromMonday(midnight - weekday * DAY_MS);
}

/** Parses "2026-W41" (or "2026W41"); throws a one-line UsageError otherwise. */
export function parseIsoWeek(text: string): IsoWeek {
	const m = /^(\d{4})-?W(\d{1,2})$/i.exec(text.trim());
	if (!m) throw new UsageError(`week must look like 2026-W41, got "${text}"`);
	const year = Number(m[1]);
	const n = Number(m[2]);
	const weeksInYear = fromMonday(week1Monday(year + 1) - 7 * DAY_MS).week.endsWith('W53') ? 53 : 52;
	if (n < 1 || n > weeksInYear) throw new UsageError(`week ${text}: ${year} has weeks 1 to ${weeksInYear}`);
	return fromMonday(week1Monday(year) + (n - 1) * 7 * DAY_MS);
}

export function previousIsoWeek(week: IsoWeek): IsoWeek {
	return fromMonday(Date.parse(week.from) - 7 * DAY_MS);
}
