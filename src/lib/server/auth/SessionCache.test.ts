import { describe, expect, it } from 'vitest';
import { SessionCache } from './SessionCache';

describe('SessionCache', () => {
	it('remembers a lookup (including "no such session") until the ttl passes or it is cleared', () => {
		let now = 0;
		const cache = new SessionCache(1000, 100, () => now);
		const ann = { username: 'ann', role: 'manager' as const };
		expect(cache.get('t1')).toBeUndefined();
		cache.set('t1', ann);
		cache.set('t2', null);
		expect(cache.get('t1')).toEqual(ann);
		expect(cache.get('t2')).toBeNull();
		now = 999;
		expect(cache.get('t1')).toEqual(ann);
		now = 1000;
		expect(cache.get('t1')).toBeUndefined();
		cache.set('t1', ann);
		cache.clear();
		expect(cache.get('t1')).toBeUndefined();
	});

	it('stays bounded', () => {
		const cache = new SessionCache(1000, 3);
		for (const t of ['a', 'b', 'c', 'd']) cache.set(t, null);
		expect(cache.get('d')).toBeNull();
		expect(cache.get('a')).toBeUndefined();
	});
});
