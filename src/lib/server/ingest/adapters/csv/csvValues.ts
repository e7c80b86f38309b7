// Reading one CSV cell as a canonical value: timestamps (zoned ISO, zone-less ISO read as UTC,
// Unix seconds), numbers, `|`-separated lists and channel names. Each throws CsvValueError
// with the one-line reason the row is quarantined for.
import { CHANNELS, normalizeTimestamp } from '../../../../schema';

export class CsvValueError extends Error {}

const ZONELESS = /^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?$/;

export function csvTimestamp(value: string, field: string): string {
	const v = value.trim();
	let normalized: string | null;
	if (/^\d{9,10}$/.test(v)) normalized = new Date(Number(v) * 1000).toISOString();
	else if (ZONELESS.test(v)) normalized = normalizeTimestamp(v.length === 10 ? `${v}T00:00:00Z` : `${v}Z`);
	else normalized = normalizeTimestamp(v);
	if (!normalized) throw new CsvValueError(`${field} is not a valid timestamp: "${v.slice(0, 40)}"`);
	return normalized;
}

export function csvNumber(value: string, field: string): number {
	const v = value.trim();
	const n = Number(v);
	if (v === '' || !Number.isFinite(n)) throw new CsvValueError(`${field} is not a number: "${v.slice(0, 40)}"`);
	return n;
}

export function csvList(value: string): string[] {
	return value
		.split('|')
		.map((s) => s.trim())
		.filter(Boolean);
}

const CHANNEL_SYNONYMS: Record<string, string> = {
	phone: 'voice',
	call: 'voice',
	web: 'web_form',
	form: 'web_form',
	webform: 'web_form',
	messenger: 'chat',
	live_chat: 'chat',
	whatsapp: 'social',
	facebook: 'social',
	twitter: 'social',
	instagram: 'social',
	text: 'sms',
	mobile: 'in_app',
	app: 'in_app'
};

/** A channel name as the canonical enum, synonyms mapped; anything else is left for validation to refuse. */
export function csvChannel(value: string): string {
	const v = value
		.trim()
		.toLowerCase()
		.replace(/[\s-]+/g, '_');
	return (CHANNELS as readonly string[]).includes(v) ? v : (CHANNEL_SYNONYMS[v] ?? v);
}
