// A short-lived in-process cache of session lookups, so each dashboard request doesn't
// query DuckDB for its user (this matters under load and while an import is writing).
// Safe because the server process holds the warehouse: every logout, role change and
// password reset goes through it and clears the cache; entries also expire after `ttlMs`.
import type { SessionUser } from './roles';

export class SessionCache {
	private readonly entries = new Map<string, { user: SessionUser | null; until: number }>();

	constructor(
		private readonly ttlMs = 30_000,
		private readonly maxEntries = 10_000,
		private readonly now: () => number = Date.now
	) {}

	/** The cached lookup for `token` (undefined when not cached or stale). */
	get(token: string): SessionUser | null | undefined {
		const entry = this.entries.get(token);
		if (!entry) return undefined;
		if (entry.until <= this.now()) {
			this.entries.delete(token);
			return undefined;
		}
		return entry.user;
	}

	set(token: string, user: SessionUser | null): void {
		if (this.entries.size >= this.maxEntries) this.entries.clear(); // crude bound; a refill is cheap
		this.entries.set(token, { user, until: this.now() + this.ttlMs });
	}

	clear(): void {
		this.entries.clear();
	}
}

/** The server process's cache. */
export const sessionCache = new SessionCache();
