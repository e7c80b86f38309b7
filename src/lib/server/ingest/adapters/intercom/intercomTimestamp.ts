// Intercom's times: Unix seconds in the API, ISO strings in some exports.
import { normalizeTimestamp } from '../../../../schema';
import { IntercomRecordError } from './IntercomRecordError';

/** Unix seconds (Intercom) or an ISO string → canonical UTC ISO; null when impossible. */
export function intercomTimestamp(value: unknown): string | null {
	if (typeof value === 'number') {
		if (!Number.isFinite(value) || value < 0 || value > 4_102_444_800) return null; // up to 2100
		return new Date(Math.round(value * 1000)).toISOString();
	}
	if (typeof value === 'string') {
		if (/^\d{9,10}$/.test(value.trim())) return intercomTimestamp(Number(value));
		return normalizeTimestamp(value);
	}
	return null;
}

export function requiredIntercomTime(value: unknown, what: string): string {
	const at = intercomTimestamp(value);
	if (!at) throw new IntercomRecordError(`${what} is not a valid timestamp: ${JSON.stringify(value)?.slice(0, 40)}`);
	return at;
}
