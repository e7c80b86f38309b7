// Values as help-desk APIs and sync tools really spell them: ids as integers, floats
// (`7253394974479.0`, as Airbyte's JSON writers emit them) or strings; times as ISO 8601,
// Unix seconds or milliseconds, or Zendesk's legacy `2012/06/27 14:01:52 -0800`.
import { z } from 'zod';
import { normalizeTimestamp } from '../../../../schema';

/** An id as a string: integral numbers lose a trailing `.0`, strings are trimmed. */
export function idText(value: unknown): string | undefined {
	if (typeof value === 'number') return Number.isFinite(value) ? (Number.isInteger(value) ? String(value) : undefined) : undefined;
	if (typeof value !== 'string') return undefined;
	const t = value.trim();
	if (t === '') return undefined;
	return /^-?\d+\.0+$/.test(t) ? t.replace(/\.0+$/, '') : t;
}

/** zod: a vendor id (number, float without a fraction, or non-empty string) → string. */
export const vendorId = z.unknown().transform((value, ctx) => {
	const id = idText(value);
	if (id === undefined) {
		ctx.addIssue({ code: 'custom', message: `not an id: ${JSON.stringify(value)?.slice(0, 40) ?? String(value)}` });
		return z.NEVER;
	}
	return id;
});

/** zod: an optional vendor id; null, absent or an empty string → undefined. */
export const optionalVendorId = z
	.unknown()
	.transform((value) => idText(value))
	.optional();

/** `2012/06/27 14:01:52 -0800` or `2012-09-07 09:42:13 -0800`: a space before a colon-less offset. */
const LEGACY = /^(\d{4})[-/](\d{2})[-/](\d{2})[ T](\d{2}):(\d{2}):(\d{2}) ([+-]\d{2}):?(\d{2})$/;

/** A timestamp in any of the spellings above, normalised to UTC ISO; null when unreadable. */
export function vendorTime(value: unknown): string | null {
	if (typeof value === 'number') {
		if (!Number.isFinite(value) || value <= 0) return null;
		// 10-digit values are seconds (until 2286); 13-digit ones milliseconds.
		const ms = value < 1e11 ? value * 1000 : value;
		const d = new Date(ms);
		return Number.isNaN(d.getTime()) ? null : d.toISOString();
	}
	if (typeof value !== 'string' || value.trim() === '') return null;
	const t = value.trim();
	if (/^\d{9,13}(\.\d+)?$/.test(t)) return vendorTime(Number(t));
	const legacy = LEGACY.exec(t);
	if (legacy) {
		const [, y, mo, d, h, mi, s, zh, zm] = legacy;
		return normalizeTimestamp(`${y}-${mo}-${d}T${h}:${mi}:${s}${zh}:${zm}`);
	}
	return normalizeTimestamp(t);
}

/** A number given as a number or a numeric string (`"12"`, `"12.0"`); else undefined. */
export function numberValue(value: unknown): number | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return value;
	if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
	return undefined;
}
