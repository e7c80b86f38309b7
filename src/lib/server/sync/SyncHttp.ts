// The one HTTP client every vendor sync uses: JSON requests against the vendor's base URL with
// its credentials, polite by construction — it waits out 429s (Retry-After and the vendors'
// rate-limit headers), pauses when a response says the quota is spent, retries 5xx and dropped
// connections with bounded exponential backoff — and turns what a user must fix (a refused
// token, an unknown subdomain) into one line naming the variables, never their values.
import { SyncAuthError, SyncEndpointError } from '../errors';
import { retryAfterMs } from '../http/retryAfterMs';
import { rateLimitPauseMs } from './rateLimitPauseMs';

export interface SyncHttpOptions {
	/** "zendesk", for messages. */
	vendor: string;
	baseUrl: string;
	/** Headers that authenticate a request (may fetch a token first). */
	authHeaders: () => Promise<Record<string, string>>;
	/** Called once on a 401: true when new credentials were obtained and the request may be repeated. */
	refreshAuth?: () => Promise<boolean>;
	/** The environment variables to check on a 401/403, e.g. "ZENDESK_EMAIL and ZENDESK_API_TOKEN". */
	credentialVars: string;
	/** The variable naming the account, for unknown hosts and a 404 on the first call. */
	endpointVars: string;
	maxRetries?: number;
	retryBaseMs?: number;
	timeoutMs?: number;
	sleep?: (ms: number) => Promise<void>;
	/** Told about every wait (rate limit or backoff), for the progress line. */
	onWait?: (ms: number, why: string) => void;
}

export interface JsonResponse<T = unknown> {
	status: number;
	body: T;
	headers: Headers;
	url: string;
}

export interface RequestOptions {
	query?: Record<string, string | number | undefined>;
	method?: 'GET' | 'POST';
	json?: unknown;
	/** Form fields (OAuth token requests). */
	form?: Record<string, string>;
	/** Statuses returned as-is instead of thrown (e.g. 404 for an item deleted meanwhile). */
	allow?: number[];
	/** Skip the authentication headers (the token request itself). */
	anonymous?: boolean;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const MAX_RATE_LIMIT_WAITS = 20;

export class SyncHttp {
	private pausedUntil = 0;
	private succeeded = false;
	readonly maxRetries: number;
	readonly retryBaseMs: number;

	constructor(private readonly options: SyncHttpOptions) {
		this.maxRetries = options.maxRetries ?? 5;
		this.retryBaseMs = options.retryBaseMs ?? 1000;
	}

	/** An absolute URL for a path on the base URL (vendors' "next page" links are used as given). */
	url(pathOrUrl: string, query?: RequestOptions['query']): string {
		const url = /^https?:\/\//.test(pathOrUrl)
			? new URL(pathOrUrl)
			: new URL(pathOrUrl.replace(/^\//, ''), this.options.baseUrl.replace(/\/?$/, '/'));
		for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) url.searchParams.set(k, String(v));
		return url.toString();
	}

	async get<T = unknown>(pathOrUrl: string, options: RequestOptions = {}): Promise<JsonResponse<T>> {
		return this.request<T>(pathOrUrl, { ...options, method: 'GET' });
	}

	async post<T = unknown>(pathOrUrl: string, options: RequestOptions = {}): Promise<JsonResponse<T>> {
		return this.request<T>(pathOrUrl, { ...options, method: 'POST' });
	}

	async request<T = unknown>(pathOrUrl: string, options: RequestOptions = {}): Promise<JsonResponse<T>> {
		const { vendor } = this.options;
		const url = this.url(pathOrUrl, options.query);
		const shown = redactUrl(url);
		let failures = 0;
		let rateLimited = 0;
		let refreshed = false;
		for (;;) {
			await this.waitForQuota();
			// Outside the try: a refused token request is the user's to fix, not a network blip.
			const headers = await this.headers(options);
			let response: Response;
			try {
				response = await fetch(url, {
					method: options.method ?? 'GET',
					headers,
					body: options.form
						? new URLSearchParams(options.form).toString()
						: options.json !== undefined
							? JSON.stringify(options.json)
							: undefined,
					signal: AbortSignal.timeout(this.options.timeoutMs ?? 60_000),
					redirect: 'follow'
				});
			} catch (error) {
				const code = networkCode(error);
				if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
					throw new SyncEndpointError(`cannot reach ${vendor} at ${new URL(url).host}: unknown host; check ${this.options.endpointVars}`);
				}
				if (++failures > this.maxRetries) {
					throw new SyncEndpointError(
						`${vendor} did not answer ${shown} after ${failures} attempts (${code ?? 'network error'}); try again later`
					);
				}
				await this.backoff(failures, `${code ?? 'network error'} on ${shown}`);
				continue;
			}
			this.notePause(response.headers);
			const status = response.status;
			if (status === 429) {
				await response.body?.cancel();
				if (++rateLimited > MAX_RATE_LIMIT_WAITS) {
					throw new SyncEndpointError(`${vendor} kept answering 429 (rate limited) for ${shown}; try again later`);
				}
				const wait = retryAfterMs(response.headers, Date.now(), 15 * 60_000) ?? rateLimitPauseMs(response.headers) ?? 60_000;
				this.pausedUntil = Math.max(this.pausedUntil, Date.now() + wait);
				this.options.onWait?.(wait, `${vendor} rate limit (429)`);
				continue;
			}
			if (status >= 500) {
				await response.body?.cancel();
				if (++failures > this.maxRetries) {
					throw new SyncEndpointError(`${vendor} answered ${status} for ${shown} ${failures} times; try again later`);
				}
				await this.backoff(failures, `${vendor} answered ${status}`, retryAfterMs(response.headers));
				continue;
			}
			if ((status === 401 || status === 403) && !options.allow?.includes(status)) {
				await response.body?.cancel();
				if (status === 401 && !refreshed && this.options.refreshAuth && (await this.options.refreshAuth())) {
					refreshed = true;
					continue;
				}
				throw new SyncAuthError(
					`${vendor} refused the credentials (${status} ${status === 401 ? 'Unauthorized' : 'Forbidden'} for ${new URL(url).pathname}); check ${this.options.credentialVars}`
				);
			}
			if (status >= 400 && !options.allow?.includes(status)) {
				const detail = (await response.text().catch(() => '')).replace(/\s+/g, ' ').slice(0, 200);
				if (status === 404 && !this.succeeded) {
					throw new SyncEndpointError(
						`${vendor} answered 404 for ${shown}: no such account or API there; check ${this.options.endpointVars}`
					);
				}
				throw new SyncEndpointError(`${vendor} answered ${status} for ${shown}${detail ? `: ${detail}` : ''}`);
			}
			const text = await response.text();
			let body: unknown = null;
			if (text.trim() !== '') {
				try {
					body = JSON.parse(text);
				} catch {
					if (++failures > this.maxRetries) throw new SyncEndpointError(`${vendor} answered ${shown} with something that is not JSON`);
					await this.backoff(failures, `${vendor} sent a truncated or non-JSON body`);
					continue;
				}
			}
			if (status < 400) this.succeeded = true;
			return { status, body: body as T, headers: response.headers, url };
		}
	}

	private async headers(options: RequestOptions): Promise<Record<string, string>> {
		const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': 'SupportLens-sync' };
		if (options.form) headers['Content-Type'] = 'application/x-www-form-urlencoded';
		else if (options.json !== undefined) headers['Content-Type'] = 'application/json';
		return options.anonymous ? headers : { ...headers, ...(await this.options.authHeaders()) };
	}

	/** A response saying the quota is spent (remaining 0) pauses every request until it resets. */
	private notePause(headers: Headers): void {
		const pause = rateLimitPauseMs(headers);
		if (pause !== undefined) {
			this.pausedUntil = Math.max(this.pausedUntil, Date.now() + pause);
			this.options.onWait?.(pause, `${this.options.vendor} rate limit reached`);
		}
	}

	private async waitForQuota(): Promise<void> {
		const wait = this.pausedUntil - Date.now();
		if (wait > 0) await (this.options.sleep ?? sleep)(wait);
	}

	private async backoff(attempt: number, why: string, asked?: number): Promise<void> {
		const wait = asked ?? Math.min(30_000, this.retryBaseMs * 2 ** (attempt - 1)) * (0.75 + Math.random() * 0.5);
		this.options.onWait?.(wait, why);
		await (this.options.sleep ?? sleep)(wait);
	}
}

function networkCode(error: unknown): string | undefined {
	let e = error as { code?: string; cause?: unknown; name?: string } | undefined;
	for (let depth = 0; e && depth < 4; depth++) {
		if (e.code) return e.code;
		if (e.name === 'TimeoutError') return 'timeout';
		e = e.cause as typeof e;
	}
	return undefined;
}

/** URLs in messages keep their path but drop the query (it may carry cursors, never secrets, but is long). */
function redactUrl(url: string): string {
	const u = new URL(url);
	return `${u.host}${u.pathname}`;
}
