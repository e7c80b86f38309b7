// Seeded randomness for the miner's samples and sketches: the same seed gives the same
// numbers, so mining the same data twice gives the same gaps.

/** Seeded uniform [0,1) (mulberry32). */
export function seededRandom(seed: number): () => number {
	let s = seed >>> 0 || 1;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A seeded sample of `size` of `items` (all of them when there are fewer), in their original order. */
export function seededSample<T>(items: T[], size: number, seed: number): T[] {
	if (items.length <= size) return items;
	const a = items.map((_, i) => i);
	const rand = seededRandom(seed);
	// Partial Fisher-Yates shuffle.
	for (let i = 0; i < size; i++) {
		const j = i + Math.floor(rand() * (a.length - i));
		[a[i], a[j]] = [a[j], a[i]];
	}
	return a
		.slice(0, size)
		.sort((x, y) => x - y)
		.map((i) => items[i]);
}
