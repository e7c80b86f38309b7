// The one timestamp rule of the canonical shape: ISO 8601 with a zone, a real calendar date,
// normalised to UTC `YYYY-MM-DDTHH:MM:SS.sssZ`.
import { z } from 'zod';

const ISO_WITH_ZONE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
/** UTC with or without milliseconds: the common case, checked without Date parsing. */
const NORMALISED = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{3})?Z$/;

/** Returns the UTC ISO string for a valid zoned ISO timestamp, or null when it is not one. */
export function normalizeTimestamp(value: string): string | null {
	const fast = NORMALISED.exec(value);
	if (fast) {
		const year = Number(fast[1]),
			month = Number(fast[2]),
			day = Number(fast[3]);
		if (month < 1 || month > 12 || day < 1) return null;
		const max = month === 2 && !isLeap(year) ? 28 : DAYS_IN_MONTH[month - 1];
		if (day > max) return null;
		return fast[5] ? value : `${value.slice(0, 19)}.000Z`;
	}
	const m = ISO_WITH_ZONE.exec(value.trim());
	if (!m) return null;
	const [, y, mo, d, h, mi, s] = m;
	const year = Number(y),
		month = Number(mo),
		day = Number(d);
	const hour = Number(h),
		minute = Number(mi),
		second = Number(s ?? '0');
	if (month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return null;
	// Date.UTC silently rolls 2026-02-30 over to March; catch that by reading the day back.
	const probe = new Date(Date.UTC(year, month - 1, day));
	if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) return null;
	const ms = Date.parse(value.trim().replace(' ', 'T'));
	if (Number.isNaN(ms)) return null;
	return new Date(ms).toISOString();
}

export const timestampSchema = z.string().transform((value, ctx) => {
	const normalized = normalizeTimestamp(value);
	if (normalized === null) {
		ctx.addIssue({ code: 'custom', message: `not a valid ISO 8601 timestamp with a zone: "${value.slice(0, 40)}"` });
		return z.NEVER;
	}
	return normalized;
});
