import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors';
import { parseDay, parseKpiQuery, weekStart } from './parseKpiQuery';

describe('parseKpiQuery', () => {
	it('defaults to all data, no breakdown, no filters', () => {
		expect(parseKpiQuery({})).toEqual({ from: null, to: null, by: null, where: [] });
		expect(parseKpiQuery({ from: '', by: '' })).toEqual({ from: null, to: null, by: null, where: [] });
	});

	it('takes a range, a breakdown and filters written dim=value (CLI) or dim:value (HTTP)', () => {
		expect(
			parseKpiQuery({ from: '2026-10-01', to: '2026-10-31', by: 'queue', where: ['channel=chat', 'language:de', 'intent = billing'] })
		).toEqual({
			from: '2026-10-01',
			to: '2026-10-31',
			by: 'queue',
			where: [
				{ dim: 'channel', value: 'chat' },
				{ dim: 'language', value: 'de' },
				{ dim: 'intent', value: 'billing' }
			]
		});
		expect(parseKpiQuery({ where: 'tier=vip' }).where).toEqual([{ dim: 'tier', value: 'vip' }]);
		// Only the first separator splits: values may hold '=' or ':'.
		expect(parseKpiQuery({ where: ['queue=tier:2=a'] }).where).toEqual([{ dim: 'queue', value: 'tier:2=a' }]);
	});

	it('normalises week filters to the Monday of the week', () => {
		expect(parseKpiQuery({ where: ['week=2026-W41'] }).where[0].value).toBe('2026-10-05');
		expect(parseKpiQuery({ where: ['week=2026-10-11'] }).where[0].value).toBe('2026-10-05');
		expect(parseKpiQuery({ where: ['week:2026-10-05'] }).where[0].value).toBe('2026-10-05');
	});

	it.each([
		[{ from: '2026-13-01' }, 'bad from date "2026-13-01"'],
		[{ to: '2026-02-29' }, 'bad to date "2026-02-29"'],
		[{ from: '10/05/2026' }, 'bad from date'],
		[{ from: '2026-10-06', to: '2026-10-05' }, 'from 2026-10-06 is after to 2026-10-05'],
		[{ by: 'colour' }, 'unknown dimension "colour" for by'],
		[{ where: ['channel'] }, 'bad filter "channel"'],
		[{ where: ['colour=red'] }, 'unknown dimension "colour" in filter'],
		[{ where: ['channel='] }, 'has no value'],
		[{ where: ['week=last'] }, 'bad week "last"'],
		[{ where: ['week=2026-W60'] }, 'bad week']
	])('rejects %j with a one-line UsageError', (input, message) => {
		let error: unknown;
		try {
			parseKpiQuery(input);
		} catch (e) {
			error = e;
		}
		expect(error).toBeInstanceOf(UsageError);
		expect((error as Error).message).toContain(message);
		expect((error as Error).message).not.toContain('\n');
	});
});

it.each([
	[{ from: '2026-13-01' }, 'from'],
	[{ to: '2026-02-29' }, 'to'],
	[{ from: '2026-10-06', to: '2026-10-05' }, 'from'],
	[{ by: 'colour' }, 'by'],
	[{ where: ['colour=red'] }, 'where']
])('names the option at fault in %j as field %s', (input, field) => {
	expect(() => parseKpiQuery(input)).toThrow(expect.objectContaining({ field }));
});

describe('dates', () => {
	it('parseDay accepts only real calendar days', () => {
		expect(parseDay('2028-02-29')).toBe(Date.UTC(2028, 1, 29));
		expect(parseDay('2026-02-29')).toBeNull();
		expect(parseDay('2026-1-05')).toBeNull();
	});
	it('weekStart follows ISO weeks across year ends', () => {
		expect(weekStart('2027-01-01')).toBe('2026-12-28');
		expect(weekStart('2026-W53')).toBe('2026-12-28');
		expect(weekStart('2027-W53')).toBeNull(); // 2027 has 52 ISO weeks
		expect(weekStart('2026-W01')).toBe('2025-12-29');
		expect(weekStart('2026-W00')).toBeNull();
	});
});
