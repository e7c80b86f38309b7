import { describe, expect, it } from 'vitest';
import { toPlainValue } from './toPlainValue';

describe('toPlainValue', () => {
	it('keeps safe integers as numbers and big ones as exact bigints', () => {
		expect(toPlainValue(12n)).toBe(12);
		expect(toPlainValue(-9007199254740991n)).toBe(-9007199254740991);
		expect(toPlainValue(9007199254740993n)).toBe(9007199254740993n);
		expect(toPlainValue(170141183460469231731687303715884105727n)).toBe(170141183460469231731687303715884105727n);
	});

	it('keeps BLOB bytes as bytes, not an object of indices', () => {
		const blob = Buffer.from('ab');
		const out = toPlainValue(blob);
		expect(out).toBeInstanceOf(Uint8Array);
		expect([...(out as Uint8Array)]).toEqual([97, 98]);
		const floats = new Float32Array([1.5, 2.5]);
		expect(toPlainValue(floats)).toBe(floats);
	});

	it('keeps dates, numbers, strings and null; converts lists and structs all the way down', () => {
		const at = new Date('2026-01-02T03:04:05Z');
		expect(toPlainValue(at)).toBe(at);
		expect(toPlainValue(12.34)).toBe(12.34);
		expect(toPlainValue('x')).toBe('x');
		expect(toPlainValue(null)).toBeNull();
		expect(toPlainValue([1n, [2n, null]])).toEqual([1, [2, null]]);
		expect(toPlainValue({ x: 1n, y: { months: 0, days: 3, micros: 0n } })).toEqual({ x: 1, y: { months: 0, days: 3, micros: 0 } });
	});
});
