import { describe, expect, it } from 'vitest';
import { LoginRateLimiter } from './LoginRateLimiter';

function limiter() {
	let now = 1_000_000;
	const l = new LoginRateLimiter(
		{ maxFailures: 3, maxFailuresPerAddress: 5, maxFailuresPerUser: 4, windowMs: 60_000, trustedForMs: 3_600_000 },
		() => now
	);
	/** One attempt that fails; returns the wait when refused, else 0. */
	const fail = (user: string, address: string, known = true) => {
		const attempt = l.begin(user, address, known);
		return attempt.allowed ? 0 : attempt.retryAfterMs;
	};
	const succeed = (user: string, address: string, known = true) => {
		const attempt = l.begin(user, address, known);
		if (attempt.allowed) attempt.succeeded();
		return attempt.allowed;
	};
	return { l, fail, succeed, advance: (ms: number) => (now += ms) };
}

describe('LoginRateLimiter', () => {
	it('counts an attempt when it starts, so simultaneous attempts cannot all pass', () => {
		const { l } = limiter();
		const attempts = Array.from({ length: 10 }, () => l.begin('ann', '10.0.0.1', true)); // none has finished yet
		expect(attempts.filter((a) => a.allowed)).toHaveLength(3);
		expect(attempts.filter((a) => !a.allowed)).toHaveLength(7);
	});

	it('blocks a user name + address pair after maxFailures until the window passes', () => {
		const { fail, advance } = limiter();
		for (let i = 0; i < 3; i++) {
			expect(fail('ann', '10.0.0.1')).toBe(0);
			advance(1000);
		}
		expect(fail('ann', '10.0.0.1')).toBe(57_000);
		expect(fail('ANN', '10.0.0.1')).toBe(57_000); // user names compare case-insensitively
		expect(fail('ann', '10.0.0.2')).toBe(0); // another address is not blocked
		expect(fail('bob', '10.0.0.1')).toBe(0); // nor another user from the same address
		advance(57_000);
		expect(fail('ann', '10.0.0.1')).toBe(0);
	});

	it('caps failures per address across user names, without touching other addresses', () => {
		const { fail, succeed } = limiter();
		for (const name of ['a', 'b', 'c', 'd', 'e']) expect(fail(name, '10.0.0.9', false)).toBe(0);
		expect(fail('zed', '10.0.0.9', false)).toBeGreaterThan(0);
		expect(succeed('admin', '10.0.0.9')).toBe(false); // that client is refused whatever the name
		expect(succeed('admin', '10.0.0.8')).toBe(true);
	});

	it('invented user names never build up a per-account lock', () => {
		const { fail } = limiter();
		for (let i = 0; i < 20; i++) expect(fail('ghost', `10.1.0.${i}`, false)).toBe(0);
	});

	it('locks an existing account guessed from many addresses, except where it logged in lately', () => {
		const { fail, succeed } = limiter();
		expect(succeed('root', '192.168.1.5')).toBe(true); // the admin's usual place
		for (let i = 0; i < 4; i++) expect(fail('root', `10.2.0.${i}`)).toBe(0);
		expect(fail('root', '10.2.0.99')).toBeGreaterThan(0); // a fifth address is refused
		expect(succeed('root', '192.168.1.5')).toBe(true); // the admin still gets in
	});

	it('a success takes its attempt back and clears the pair', () => {
		const { fail, succeed } = limiter();
		for (let i = 0; i < 2; i++) fail('ann', '10.0.0.1');
		expect(succeed('ann', '10.0.0.1')).toBe(true);
		for (let i = 0; i < 3; i++) expect(fail('ann', '10.0.0.1')).toBe(0);
		// successes alone never fill the per-address count
		const { succeed: ok } = limiter();
		for (let i = 0; i < 20; i++) expect(ok(`user${i}`, '10.0.0.3')).toBe(true);
	});
});
