// Reads the vendors' own rate-limit headers: when a response says no request is left in the
// current window, how long until it resets. Zendesk sends `ratelimit-remaining`/`ratelimit-reset`
// (seconds) and `x-rate-limit-remaining`; Intercom `x-ratelimit-remaining`/`x-ratelimit-reset`
// (a unix time); Freshdesk `x-ratelimit-remaining`; Help Scout `x-ratelimit-remaining-minute`
// and, on a 429, `x-ratelimit-retry-after` (seconds).
const REMAINING = ['ratelimit-remaining', 'x-rate-limit-remaining', 'x-ratelimit-remaining', 'x-ratelimit-remaining-minute'];
const MAX_PAUSE_MS = 15 * 60_000;
/** When a vendor says "none left" without saying until when: its windows are a minute. */
const DEFAULT_WINDOW_MS = 60_000;

export function rateLimitPauseMs(headers: Headers, now = Date.now()): number | undefined {
	const retryAfter = headers.get('x-ratelimit-retry-after');
	if (retryAfter && /^\d+$/.test(retryAfter.trim())) return Math.min(MAX_PAUSE_MS, Number(retryAfter) * 1000);
	const remaining = REMAINING.map((h) => headers.get(h)).find((v): v is string => v !== null && v.trim() !== '');
	if (remaining === undefined || Number(remaining) > 0 || !/^\d+$/.test(remaining.trim())) return undefined;
	const reset = headers.get('ratelimit-reset') ?? headers.get('x-ratelimit-reset') ?? headers.get('x-rate-limit-reset');
	if (reset && /^\d+$/.test(reset.trim())) {
		const n = Number(reset);
		// A unix time (Intercom) or seconds until the reset (the IETF draft Zendesk follows).
		const ms = n > 1_000_000_000 ? n * 1000 - now : n * 1000;
		return Math.min(MAX_PAUSE_MS, Math.max(0, ms));
	}
	return DEFAULT_WINDOW_MS;
}
