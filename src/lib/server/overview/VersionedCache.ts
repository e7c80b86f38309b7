// Results per key for one state of the warehouse (see dataVersion): concurrent viewers of
// the same page share one computation, in flight or done; a new version recomputes. Bounded
// in entries, and in age for changes the version key can't see.
export class VersionedCache<T> {
	private readonly entries = new Map<string, { version: string; at: number; value: Promise<T> }>();

	constructor(
		private readonly maxEntries = 64,
		private readonly ttlMs = 5 * 60_000
	) {}

	get(key: string, version: string, compute: () => Promise<T>): Promise<T> {
		const hit = this.entries.get(key);
		if (hit && hit.version === version && Date.now() - hit.at < this.ttlMs) return hit.value;
		const value = compute();
		this.entries.delete(key); // re-insert at the end: Map order is the eviction order
		this.entries.set(key, { version, at: Date.now(), value });
		value.catch(() => this.entries.get(key)?.value === value && this.entries.delete(key));
		while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
		return value;
	}

	clear(): void {
		this.entries.clear();
	}
}
