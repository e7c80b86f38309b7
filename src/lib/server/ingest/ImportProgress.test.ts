import { describe, expect, it } from 'vitest';
import { describeProgress, formatDuration } from './ImportProgress';

describe('describeProgress', () => {
	it('shows count, rate, percentage and an ETA from the bytes still to read', () => {
		const text = describeProgress({ phase: 'reading', records: 10_000, quarantined: 0, bytesRead: 250, totalBytes: 1000, elapsedMs: 5000 });
		expect(text).toBe('10,000 records · 2,000/s · 25% · ETA 15s');
	});
	it('says when it is writing to the warehouse', () => {
		expect(describeProgress({ phase: 'loading', records: 5, quarantined: 0, bytesRead: 1, totalBytes: 1, elapsedMs: 1000 })).toContain(
			'writing to the warehouse'
		);
	});
	it('formats long durations', () => {
		expect(formatDuration(75)).toBe('1m15s');
		expect(formatDuration(3 * 3600 + 120)).toBe('3h02m');
	});
});
