import { describe, expect, it, vi } from 'vitest';
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

describe('startSyncSchedule', () => {
	it('starts every configured source each interval, and nothing when off', async () => {
		const { startSyncSchedule } = await import('./syncSchedule');
		vi.useFakeTimers();
		try {
			const started: string[] = [];
			expect(startSyncSchedule({ INTERCOM_TOKEN: 't' }, (s) => started.push(s))).toBeNull();
			const stop = startSyncSchedule(
				{ SUPPORTLENS_SYNC_EVERY: '15m', INTERCOM_TOKEN: 't', FRESHDESK_DOMAIN: 'acme', FRESHDESK_API_KEY: 'k' },
				(s) => started.push(s)
			)!;
			vi.advanceTimersByTime(14 * 60_000);
			expect(started).toEqual([]);
			vi.advanceTimersByTime(60_000);
			expect(started).toEqual(['intercom', 'freshdesk']);
			vi.advanceTimersByTime(15 * 60_000);
			expect(started).toHaveLength(4);
			stop();
			vi.advanceTimersByTime(60 * 60_000);
			expect(started).toHaveLength(4);
		} finally {
			vi.useRealTimers();
		}
	});
});
