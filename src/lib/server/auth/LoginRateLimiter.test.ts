import { describe, expect, it } from 'vitest';
import { LoginRateLimiter } from './LoginRateLimiter';

function limiter() {
	let now = 1_000_000;
	const l = new LoginRateLimiter({ maxFailures: 3, maxFailuresPerAddress: 5, windowMs: 60_000 }, () => now);
	return { l, advance: (ms: number) => (now += ms) };
}

describe('LoginRateLimiter', () => {
	it('blocks a username+address pair after maxFailures until the window passes', () => {
		const { l, advance } = limiter();
		for (let i = 0; i < 3; i++) {
			expect(l.retryAfterMs('ann', '10.0.0.1')).toBe(0);
			l.recordFailure('ann', '10.0.0.1');
			advance(1000);
		}
		expect(l.retryAfterMs('ann', '10.0.0.1')).toBe(57_000);
		expect(l.retryAfterMs('ANN', '10.0.0.1')).toBe(57_000); // usernames compare case-insensitively
		expect(l.retryAfterMs('ann', '10.0.0.2')).toBe(0); // another address is not blocked
		expect(l.retryAfterMs('bob', '10.0.0.1')).toBe(0); // nor another user from the same address
		advance(57_000);
		expect(l.retryAfterMs('ann', '10.0.0.1')).toBe(0);
	});

	it('caps failures per address across usernames', () => {
		const { l } = limiter();
		for (const name of ['a', 'b', 'c', 'd', 'e']) l.recordFailure(name, '10.0.0.9');
		expect(l.retryAfterMs('zed', '10.0.0.9')).toBeGreaterThan(0);
		expect(l.retryAfterMs('zed', '10.0.0.8')).toBe(0);
	});

	it('a success clears the pair', () => {
		const { l } = limiter();
		for (let i = 0; i < 3; i++) l.recordFailure('ann', '10.0.0.1');
		l.recordSuccess('ann', '10.0.0.1');
		expect(l.retryAfterMs('ann', '10.0.0.1')).toBe(0);
	});
});
