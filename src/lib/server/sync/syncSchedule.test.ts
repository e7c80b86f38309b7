import { describe, expect, it } from 'vitest';
import { parseSyncEvery } from './syncSchedule';

describe('parseSyncEvery', () => {
	it('reads seconds, minutes, hours and days, and is off by default', () => {
		expect(parseSyncEvery(undefined)).toBeNull();
		expect(parseSyncEvery('')).toBeNull();
		expect(parseSyncEvery('off')).toBeNull();
		expect(parseSyncEvery('15m')).toBe(900_000);
		expect(parseSyncEvery('1h')).toBe(3_600_000);
		expect(parseSyncEvery('90s')).toBe(90_000);
		expect(parseSyncEvery(' 2D ')).toBe(172_800_000);
	});

	it('refuses what it cannot read and intervals under a minute, in one line', () => {
		expect(() => parseSyncEvery('15 minutes')).toThrow(/SUPPORTLENS_SYNC_EVERY must be a duration like 15m/);
		expect(() => parseSyncEvery('10s')).toThrow(/at least 1m/);
	});
});
