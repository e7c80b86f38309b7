// Failed-login throttling, in memory: after `maxFailures` failures for one username from one
// address within `windowMs`, that pair is refused until the window passes; a looser cap per
// address stops one client from spraying many usernames. A success clears the pair.
export interface RateLimitOptions {
	maxFailures: number;
	maxFailuresPerAddress: number;
	windowMs: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitOptions = { maxFailures: 5, maxFailuresPerAddress: 30, windowMs: 15 * 60 * 1000 };

export class LoginRateLimiter {
	private readonly failures = new Map<string, number[]>();

	constructor(
		private readonly options: RateLimitOptions = DEFAULT_RATE_LIMIT,
		private readonly now: () => number = Date.now
	) {}

	/** Milliseconds until this pair may try again, or 0 when it may try now. */
	retryAfterMs(username: string, address: string): number {
		const pair = this.recent(`${address}\u0000${username.toLowerCase()}`);
		const perAddress = this.recent(`${address}\u0000`);
		const waits = [0];
		if (pair.length >= this.options.maxFailures) waits.push(pair[pair.length - this.options.maxFailures] + this.options.windowMs - this.now());
		if (perAddress.length >= this.options.maxFailuresPerAddress)
			waits.push(perAddress[perAddress.length - this.options.maxFailuresPerAddress] + this.options.windowMs - this.now());
		return Math.max(...waits);
	}

	recordFailure(username: string, address: string): void {
		for (const key of [`${address}\u0000${username.toLowerCase()}`, `${address}\u0000`]) {
			this.failures.set(key, [...this.recent(key), this.now()]);
		}
		if (this.failures.size > 10_000) this.sweep();
	}

	recordSuccess(username: string, address: string): void {
		this.failures.delete(`${address}\u0000${username.toLowerCase()}`);
	}

	private recent(key: string): number[] {
		const cutoff = this.now() - this.options.windowMs;
		return (this.failures.get(key) ?? []).filter((t) => t > cutoff);
	}

	/** Drops stale keys so a flood of distinct usernames can't grow the map without bound. */
	private sweep(): void {
		for (const key of [...this.failures.keys()]) {
			const recent = this.recent(key);
			if (recent.length) this.failures.set(key, recent);
			else this.failures.delete(key);
		}
	}
}
