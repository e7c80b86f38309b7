import { describe, expect, it } from 'vitest';
import { editMagnitude } from './editMagnitude';

describe('editMagnitude', () => {
	it('is the Levenshtein distance over the longer length', () => {
		expect(editMagnitude('kitten', 'sitting')).toBeCloseTo(3 / 7, 12);
		expect(editMagnitude('same', 'same')).toBe(0);
		expect(editMagnitude('abc', 'xyz')).toBe(1);
		expect(editMagnitude('', 'abcd')).toBe(1);
		expect(editMagnitude('', '')).toBe(0);
	});
	it('counts characters, not bytes or UTF-16 units', () => {
		expect(editMagnitude('Grüße', 'Gruse')).toBeCloseTo(2 / 5, 12); // ü→u, ß→s
		expect(editMagnitude('ok 👍', 'ok 👎')).toBeCloseTo(1 / 4, 12); // one emoji is one character
		expect(editMagnitude('👍👍', '👍')).toBeCloseTo(1 / 2, 12);
	});
});
