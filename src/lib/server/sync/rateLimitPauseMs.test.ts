import { describe, expect, it } from 'vitest';
import { nextLink } from './freshdesk/freshdeskSync';
import { rateLimitPauseMs } from './rateLimitPauseMs';

describe('rateLimitPauseMs', () => {
	const now = Date.parse('2026-11-26T10:00:00Z');
	it('pauses only when a vendor says nothing is left, until its reset', () => {
		expect(rateLimitPauseMs(new Headers({ 'x-ratelimit-remaining': '12' }), now)).toBeUndefined();
		expect(rateLimitPauseMs(new Headers(), now)).toBeUndefined();
		// Zendesk: seconds until the reset.
		expect(rateLimitPauseMs(new Headers({ 'ratelimit-remaining': '0', 'ratelimit-reset': '7' }), now)).toBe(7000);
		// Intercom: the reset as a unix time.
		expect(rateLimitPauseMs(new Headers({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now / 1000 + 3) }), now)).toBe(3000);
		// Freshdesk: no reset header, a minute window.
		expect(rateLimitPauseMs(new Headers({ 'x-ratelimit-remaining': '0' }), now)).toBe(60_000);
		// Help Scout on a 429.
		expect(rateLimitPauseMs(new Headers({ 'x-ratelimit-retry-after': '4' }), now)).toBe(4000);
		expect(rateLimitPauseMs(new Headers({ 'x-ratelimit-retry-after': '99999' }), now)).toBe(15 * 60_000);
	});
});

describe('nextLink', () => {
	it('reads rel="next" from a Link header', () => {
		expect(nextLink(new Headers({ link: '<https://acme.freshdesk.com/api/v2/tickets?page=2>; rel="next"' }))).toBe(
			'https://acme.freshdesk.com/api/v2/tickets?page=2'
		);
		expect(nextLink(new Headers({ link: '<https://x/a?page=1>; rel="prev", <https://x/a?page=3>; rel="next"' }))).toBe(
			'https://x/a?page=3'
		);
		expect(nextLink(new Headers())).toBeUndefined();
	});
});
