// Reads how long a server asks us to wait before the next request: `retry-after` (seconds or
// an HTTP date) or `retry-after-ms`, capped. Shared by the LLM grader and the vendor sync.
const MAX_RETRY_AFTER_MS = 60_000;

export function retryAfterMs(headers: Headers | undefined, now = Date.now(), cap = MAX_RETRY_AFTER_MS): number | undefined {
	if (!headers) return undefined;
	const ms = headers.get('retry-after-ms');
	if (ms && Number.isFinite(Number(ms))) return Math.min(cap, Math.max(0, Number(ms)));
	const value = headers.get('retry-after');
	if (!value) return undefined;
	if (/^\d+(\.\d+)?$/.test(value.trim())) return Math.min(cap, Number(value) * 1000);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.min(cap, Math.max(0, date - now));
}
