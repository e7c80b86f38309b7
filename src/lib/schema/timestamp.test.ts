import { describe, expect, it } from 'vitest';
import { normalizeTimestamp } from './timestamp';

describe('normalizeTimestamp', () => {
	it('gives the same UTC string as Date for every accepted spelling, fast path or not', () => {
		for (const value of [
			'2026-11-03T08:26:15Z',
			'2026-11-03T08:26:15.120Z',
			'2026-11-03T09:26:15+01:00',
			'2026-11-03 08:26:15Z',
			'2026-11-03T08:26Z',
			'2024-02-29T23:59:59Z',
			'2026-11-03T08:26:15.123456789-0530'
		]) {
			expect(normalizeTimestamp(value), value).toBe(
				new Date(
					Date.parse(
						value
							.replace(' ', 'T')
							.replace(/(\.\d{3})\d+/, '$1')
							.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')
					)
				).toISOString()
			);
		}
	});

	it('rejects impossible dates and times and timestamps without a zone', () => {
		for (const value of [
			'2026-02-29T00:00:00Z',
			'2026-04-31T00:00:00Z',
			'2026-13-01T00:00:00Z',
			'2026-11-03T24:00:00Z',
			'2026-11-03T08:60:00Z',
			'2026-11-03T08:26:15',
			'yesterday'
		]) {
			expect(normalizeTimestamp(value), value).toBeNull();
		}
	});
});
