// Failed-login throttling, in memory. Each attempt is counted when it starts, before the slow
// password hash, so a burst of simultaneous guesses cannot all slip past the check; a success
// takes its count back. Three separate limits, each refusing only what it must:
// - one user name from one client address (`maxFailures`): the plain guesser;
// - one client address, any user names (`maxFailuresPerAddress`): sprays and scrypt floods.
//   It never blocks another address, so invented user names from one client cannot lock a
//   real admin out (behind a proxy the address must be the client's: ADDRESS_HEADER);
// - one existing account, any address (`maxFailuresPerUser`): guessing spread over many
//   addresses. It only counts real accounts (invented names can never log in, and would only
//   grow this map), and it spares addresses the account logged in from lately, so an
//   attacker who knows an admin's name cannot lock that admin out of their usual place.
export interface RateLimitOptions {
	maxFailures: number;
	maxFailuresPerAddress: number;
	maxFailuresPerUser: number;
	windowMs: number;
	/** How long a successful login keeps its address exempt from the per-account limit. */
	trustedForMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = {
	maxFailures: 5,
	maxFailuresPerAddress: 30,
	maxFailuresPerUser: 10,
	windowMs: 15 * 60 * 1000,
	trustedForMs: 30 * 24 * 3600 * 1000
};

export type LoginAttempt =
	| { allowed: false; retryAfterMs: number }
	| { allowed: true; /** Call when the password was right: the attempt stops counting. */ succeeded: () => void };

const MAX_KEYS = 10_000;

export class LoginRateLimiter {
	private readonly failures = new Map<string, number[]>();
	private readonly trusted = new Map<string, number>();

	constructor(
		private readonly options: RateLimitOptions = DEFAULT_RATE_LIMIT,
		private readonly now: () => number = Date.now
	) {}

	/**
	 * Starts one login attempt: refused (with the wait) when a limit is reached, else counted
	 * as a failure right away. `knownUser` says whether the user name is an existing account.
	 */
	begin(username: string, address: string, knownUser: boolean): LoginAttempt {
		const name = username.toLowerCase();
		const pairKey = `p\u0000${address}\u0000${name}`;
		const addressKey = `a\u0000${address}`;
		const userKey = `u\u0000${name}`;
		const limits: [string, number][] = [
			[pairKey, this.options.maxFailures],
			[addressKey, this.options.maxFailuresPerAddress]
		];
		if (knownUser && !this.isTrusted(address, name)) limits.push([userKey, this.options.maxFailuresPerUser]);
		const wait = Math.max(0, ...limits.map(([key, max]) => this.waitFor(key, max)));
		if (wait > 0) return { allowed: false, retryAfterMs: wait };

		const at = this.now();
		const counted = [pairKey, addressKey, ...(knownUser ? [userKey] : [])];
		for (const key of counted) this.failures.set(key, [...this.recent(key), at]);
		if (this.failures.size > MAX_KEYS) this.sweep();
		return {
			allowed: true,
			succeeded: () => {
				this.failures.delete(pairKey);
				for (const key of counted.slice(1)) this.forget(key, at);
				if (this.trusted.size >= MAX_KEYS) this.trusted.clear(); // crude bound; costs only the exemption
				this.trusted.set(`${address}\u0000${name}`, this.now());
			}
		};
	}

	private isTrusted(address: string, name: string): boolean {
		const since = this.trusted.get(`${address}\u0000${name}`);
		return since !== undefined && since + this.options.trustedForMs > this.now();
	}

	/** Milliseconds until `key` is under `max` failures again (0 when it is now). */
	private waitFor(key: string, max: number): number {
		const recent = this.recent(key);
		return recent.length >= max ? recent[recent.length - max] + this.options.windowMs - this.now() : 0;
	}

	private forget(key: string, at: number): void {
		const list = this.recent(key);
		const i = list.indexOf(at);
		if (i >= 0) list.splice(i, 1);
		if (list.length) this.failures.set(key, list);
		else this.failures.delete(key);
	}

	private recent(key: string): number[] {
		const cutoff = this.now() - this.options.windowMs;
		return (this.failures.get(key) ?? []).filter((t) => t > cutoff);
	}

	/** Drops stale keys so a flood of distinct user names can't grow the map without bound. */
	private sweep(): void {
		for (const key of [...this.failures.keys()]) {
			const recent = this.recent(key);
			if (recent.length) this.failures.set(key, recent);
			else this.failures.delete(key);
		}
	}
}
