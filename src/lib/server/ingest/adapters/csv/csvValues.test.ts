import { describe, expect, it } from 'vitest';
import { csvChannel, csvList, csvNumber, csvTimestamp } from './csvValues';

describe('csv cell values', () => {
	it('reads zoned, zone-less (as UTC), date-only and Unix-seconds timestamps, and refuses impossible ones', () => {
		expect(csvTimestamp('2026-10-05T23:12:00+02:00', 'event_at')).toBe('2026-10-05T21:12:00.000Z');
		expect(csvTimestamp('2026-10-05 21:12', 'event_at')).toBe('2026-10-05T21:12:00.000Z');
		expect(csvTimestamp('2026-10-05', 'event_at')).toBe('2026-10-05T00:00:00.000Z');
		expect(csvTimestamp('1791234720', 'event_at')).toBe('2026-10-05T21:12:00.000Z');
		expect(() => csvTimestamp('2026-13-01', 'event_at')).toThrow('event_at is not a valid timestamp: "2026-13-01"');
		expect(() => csvTimestamp('yesterday', 'event_at')).toThrow(/not a valid timestamp/);
	});
	it('reads numbers, lists and channel synonyms', () => {
		expect(csvNumber(' 0.5 ', 'confidence')).toBe(0.5);
		expect(() => csvNumber('high', 'confidence')).toThrow('confidence is not a number: "high"');
		expect(csvList('kb-1| kb-2 ||')).toEqual(['kb-1', 'kb-2']);
		expect(['Chat', 'Phone', 'WhatsApp', 'Web', 'fax'].map(csvChannel)).toEqual(['chat', 'voice', 'social', 'web_form', 'fax']);
	});
});
