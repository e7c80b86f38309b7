// Results per key for one state of the warehouse (see dataVersion): concurrent viewers of
// the same page share one computation, in flight or done; a new version recomputes. Bounded
// in entries, and in age for changes the version key can't see.
//
// With `refresh` given, a key whose result is outdated answers at once with its last result
// while one background task recomputes it through `refresh` (a concurrency limiter, so the
// moment an import lands 40 outdated views don't all recompute at once, each slowed by the
// others); only a key never computed waits for its computation.
import type { LimitFunction } from 'p-limit';

interface Entry<T> {
	version: string;
	at: number;
	value: Promise<T>;
	/** The last result that came out right, served while a newer one computes. */
	last?: T;
	settled: boolean;
}

export class VersionedCache<T> {
	private readonly entries = new Map<string, Entry<T>>();

	constructor(
		private readonly maxEntries = 64,
		private readonly ttlMs = 5 * 60_000,
		private readonly refresh?: LimitFunction
	) {}

	/** `compute` must not depend on a caller's connection when `refresh` is set: it may run after the caller returned. */
	get(key: string, version: string, compute: () => Promise<T>): Promise<T> {
		const hit = this.entries.get(key);
		const current = hit && hit.version === version && Date.now() - hit.at < this.ttlMs;
		if (hit && this.refresh && hit.last !== undefined && !(current && hit.settled)) {
			if (!current) this.compute(key, version, () => this.refresh!(compute)).catch(() => {});
			return Promise.resolve(hit.last);
		}
		if (current) return hit.value;
		return this.compute(key, version, compute);
	}

	private compute(key: string, version: string, compute: () => Promise<T>): Promise<T> {
		const previous = this.entries.get(key);
		const entry: Entry<T> = { version, at: Date.now(), value: compute(), last: previous?.last, settled: false };
		this.entries.delete(key); // re-insert at the end: Map order is the eviction order
		this.entries.set(key, entry);
		entry.value.then(
			(value) => {
				entry.last = value;
				entry.settled = true;
			},
			() => {
				if (this.entries.get(key) !== entry) return;
				// A failed refresh keeps serving the last good result; a failed first computation is forgotten.
				if (entry.last !== undefined && previous) this.entries.set(key, previous);
				else this.entries.delete(key);
			}
		);
		while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
		return entry.value;
	}

	clear(): void {
		this.entries.clear();
	}
}
