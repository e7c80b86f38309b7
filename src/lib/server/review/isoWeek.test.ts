import { describe, expect, it } from 'vitest';
import { isoWeekOf, parseIsoWeek, previousIsoWeek } from './isoWeek';

describe('ISO weeks', () => {
	it('names the week holding a date, Monday to Sunday in UTC', () => {
		expect(isoWeekOf('2026-10-05T21:12:00Z')).toEqual({
			week: '2026-W41',
			from: '2026-10-05',
			to: '2026-10-11',
			toExclusive: '2026-10-12'
		});
		expect(isoWeekOf('2026-10-11T23:59:59Z').week).toBe('2026-W41');
		expect(isoWeekOf('2026-10-12T00:00:00Z').week).toBe('2026-W42');
	});
	it('handles weeks that straddle a new year', () => {
		expect(isoWeekOf('2027-01-01T00:00:00Z').week).toBe('2026-W53');
		expect(isoWeekOf('2025-12-29T00:00:00Z').week).toBe('2026-W01');
		expect(parseIsoWeek('2026-W01').from).toBe('2025-12-29');
		expect(parseIsoWeek('2026-W53').to).toBe('2027-01-03');
	});
	it('round-trips and steps back one week', () => {
		expect(parseIsoWeek('2026w41').week).toBe('2026-W41');
		expect(previousIsoWeek(parseIsoWeek('2026-W01')).week).toBe('2025-W52');
	});
	it('rejects what is not a week, in one line', () => {
		expect(() => parseIsoWeek('2026-41')).toThrow(/^week must look like 2026-W41, got "2026-41"$/);
		expect(() => parseIsoWeek('2025-W53')).toThrow(/2025 has weeks 1 to 52/);
		expect(() => parseIsoWeek('2026-W00')).toThrow(/weeks 1 to 53/);
	});
});
