// The sync client's decisions with fetch stood in for (no sockets): what it retries, what it
// waits for, and which failures end the sync in one line.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SyncAuthError, SyncEndpointError } from '../errors';
import { SyncHttp } from './SyncHttp';

function client(waits: number[] = []) {
	return new SyncHttp({
		vendor: 'zendesk',
		baseUrl: 'https://acme.zendesk.com',
		authHeaders: async () => ({ Authorization: 'Basic c2VjcmV0' }),
		credentialVars: 'ZENDESK_EMAIL and ZENDESK_API_TOKEN',
		endpointVars: 'ZENDESK_SUBDOMAIN',
		maxRetries: 2,
		retryBaseMs: 100,
		sleep: async (ms) => {
			waits.push(ms);
			if (vi.isFakeTimers()) vi.setSystemTime(Date.now() + ms); // the wait passes
		}
	});
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) => new Response(JSON.stringify(body), { status, headers });
const networkError = (code: string) => Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error(code), { code }) });

afterEach(() => vi.unstubAllGlobals());

describe('SyncHttp', () => {
	it('says an unknown host in one line naming the variable', async () => {
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => Promise.reject(networkError('ENOTFOUND')))
		);
		const error = await client()
			.get('/api/v2/groups')
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(SyncEndpointError);
		expect((error as Error).message).toBe('cannot reach zendesk at acme.zendesk.com: unknown host; check ZENDESK_SUBDOMAIN');
	});

	it('retries a dropped connection with backoff, then goes on', async () => {
		const fetch = vi
			.fn()
			.mockRejectedValueOnce(networkError('ECONNRESET'))
			.mockResolvedValueOnce(json({ groups: [] }));
		vi.stubGlobal('fetch', fetch);
		const waits: number[] = [];
		const r = await client(waits).get('/api/v2/groups');
		expect(r.body).toEqual({ groups: [] });
		expect(fetch).toHaveBeenCalledTimes(2);
		expect(waits).toHaveLength(1);
		expect(waits[0]).toBeGreaterThanOrEqual(75); // 100 ms ± jitter
	});

	it('gives up on 5xx after the bounded retries', async () => {
		const fetch = vi.fn(async () => json({ error: 'boom' }, 502));
		vi.stubGlobal('fetch', fetch);
		const waits: number[] = [];
		await expect(client(waits).get('/api/v2/groups')).rejects.toThrow(
			'zendesk answered 502 for acme.zendesk.com/api/v2/groups 3 times; try again later'
		);
		expect(fetch).toHaveBeenCalledTimes(3);
		expect(waits.length).toBe(2);
		expect(waits[1]).toBeGreaterThan(waits[0] * 1.2); // doubling (with jitter)
	});

	it('waits out a 429 for its Retry-After, and a spent quota until its reset', async () => {
		const fetch = vi
			.fn()
			.mockResolvedValueOnce(json({}, 429, { 'Retry-After': '7' }))
			.mockResolvedValueOnce(json({ groups: [] }, 200, { 'ratelimit-remaining': '0', 'ratelimit-reset': '3' }))
			.mockResolvedValueOnce(json({ groups: [] }));
		vi.stubGlobal('fetch', fetch);
		vi.useFakeTimers({ toFake: ['Date'] });
		try {
			const waits: number[] = [];
			const http = client(waits);
			await http.get('/api/v2/groups');
			await http.get('/api/v2/groups');
			expect(waits.map((w) => Math.round(w / 1000))).toEqual([7, 3]);
		} finally {
			vi.useRealTimers();
		}
	});

	it('a refused token is a SyncAuthError naming the variables, never their values', async () => {
		vi.stubGlobal(
			'fetch',
			vi.fn(async () => json({ error: "Couldn't authenticate you" }, 401))
		);
		const error = await client()
			.get('/api/v2/groups')
			.catch((e: unknown) => e);
		expect(error).toBeInstanceOf(SyncAuthError);
		expect((error as Error).message).toBe(
			'zendesk refused the credentials (401 Unauthorized for /api/v2/groups); check ZENDESK_EMAIL and ZENDESK_API_TOKEN'
		);
		expect((error as Error).message).not.toMatch(/c2VjcmV0|secret/);
	});
});
