// Long CPU work (clustering 100,000 questions) runs inside the dashboard process when a KB
// owner clicks "Mine again": it must let other requests in now and then. `pacer()` returns a
// function to await in hot loops; it yields to the event loop at most every `everyMs`.
export function pacer(everyMs = 50): () => Promise<void> | undefined {
	let last = Date.now();
	return () => {
		const now = Date.now();
		if (now - last < everyMs) return undefined;
		last = now;
		return new Promise<void>((resolve) => setImmediate(resolve));
	};
}
