import { describe, expect, it } from 'vitest';
import { idText, numberValue, vendorId, vendorTime } from './vendorValues';

describe('vendor values', () => {
	it('reads ids as integers, integral floats and strings', () => {
		expect(idText(7253394974479)).toBe('7253394974479');
		expect(idText('7253394974479.0')).toBe('7253394974479');
		expect(idText(' abc ')).toBe('abc');
		expect(idText(1.5)).toBeUndefined();
		expect(idText('')).toBeUndefined();
		expect(idText(null)).toBeUndefined();
		expect(vendorId.safeParse(null).success).toBe(false);
		expect(vendorId.parse(12.0)).toBe('12');
	});
	it('reads ISO, Unix seconds and milliseconds, and the legacy Zendesk spelling', () => {
		expect(vendorTime('2014-12-31T12:27:09+10:00')).toBe('2014-12-31T02:27:09.000Z');
		expect(vendorTime(1700000000)).toBe('2023-11-14T22:13:20.000Z');
		expect(vendorTime(1700000000000)).toBe('2023-11-14T22:13:20.000Z');
		expect(vendorTime('1700000000')).toBe('2023-11-14T22:13:20.000Z');
		expect(vendorTime('2012/06/27 14:01:52 -0800')).toBe('2012-06-27T22:01:52.000Z');
		expect(vendorTime('2012-09-07 09:42:13 -0800')).toBe('2012-09-07T17:42:13.000Z');
		expect(vendorTime('2026-02-30T00:00:00Z')).toBeNull();
		expect(vendorTime('yesterday')).toBeNull();
		expect(vendorTime(null)).toBeNull();
	});
	it('reads numbers given as strings', () => {
		expect(numberValue('12.0')).toBe(12);
		expect(numberValue(3)).toBe(3);
		expect(numberValue('x')).toBeUndefined();
	});
});
