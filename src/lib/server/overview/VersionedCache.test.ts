import pLimit from 'p-limit';
import { describe, expect, it } from 'vitest';
import { VersionedCache } from './VersionedCache';

/** A computation the test finishes by hand. */
function deferred<T>() {
	let resolve!: (value: T) => void;
	const promise = new Promise<T>((r) => (resolve = r));
	return { promise, resolve };
}

describe('VersionedCache', () => {
	it('shares one computation per key and version', async () => {
		const cache = new VersionedCache<string>();
		let runs = 0;
		const compute = async () => `v${++runs}`;
		const [a, b] = await Promise.all([cache.get('k', '1', compute), cache.get('k', '1', compute)]);
		expect([a, b, runs]).toEqual(['v1', 'v1', 1]);
		expect(await cache.get('k', '2', compute)).toBe('v2');
	});

	it('with a refresh limiter, an outdated key answers with its last result while one refresh at a time recomputes', async () => {
		const cache = new VersionedCache<string>(64, 60_000, pLimit(1));
		await cache.get('a', '1', async () => 'a1');
		await cache.get('b', '1', async () => 'b1');
		const a2 = deferred<string>();
		const b2 = deferred<string>();
		let bStarted = false;
		// The import landed: version 2. Both answer at once with what they had.
		expect(await cache.get('a', '2', () => a2.promise)).toBe('a1');
		expect(
			await cache.get('b', '2', () => {
				bStarted = true;
				return b2.promise;
			})
		).toBe('b1');
		// …and asking again while the refresh runs neither waits nor starts another.
		expect(await cache.get('a', '2', () => Promise.reject(new Error('a second refresh')))).toBe('a1');
		await Promise.resolve();
		expect(bStarted).toBe(false); // one refresh at a time: b waits for a's
		a2.resolve('a2');
		await a2.promise;
		await new Promise((r) => setImmediate(r));
		expect(bStarted).toBe(true);
		expect(await cache.get('a', '2', () => Promise.reject(new Error('cached')))).toBe('a2');
		b2.resolve('b2');
		await new Promise((r) => setImmediate(r));
		expect(await cache.get('b', '2', () => Promise.reject(new Error('cached')))).toBe('b2');
	});

	it('a key never computed waits for its computation, and a failed refresh keeps the last good result', async () => {
		const cache = new VersionedCache<string>(64, 60_000, pLimit(1));
		await expect(cache.get('new', '1', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
		expect(await cache.get('new', '1', async () => 'n1')).toBe('n1');
		expect(await cache.get('new', '2', () => Promise.reject(new Error('refresh failed')))).toBe('n1');
		await new Promise((r) => setImmediate(r));
		expect(await cache.get('new', '2', async () => 'n2')).toBe('n1'); // outdated still: refreshes again
		await new Promise((r) => setImmediate(r));
		expect(await cache.get('new', '2', () => Promise.reject(new Error('cached')))).toBe('n2');
	});
});
