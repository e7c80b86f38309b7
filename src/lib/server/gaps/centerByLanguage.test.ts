import { describe, expect, it } from 'vitest';
import { centerByLanguage } from './centerByLanguage';
import { dot, normalize } from './vectorMath';

// Axis 0 is "German-ness" (function words and n-grams every German text shares); axes 1 and 2
// are two topics.
const unit = (...xs: number[]) => normalize(Float32Array.from(xs));
const times = <T>(n: number, x: T) => Array.from({ length: n }, () => x);
const germanX = unit(1, 1, 0);
const germanY = unit(1, 0, 1);
const englishX = unit(0, 1, 0);
const englishY = unit(0, 0, 1);

describe('centerByLanguage', () => {
	it('removes what a language shares, so topics meet across languages and part within one', () => {
		const vectors = [...times(10, germanX), ...times(10, germanY), ...times(10, englishX), ...times(10, englishY)];
		const languages = [...times(20, 'de'), ...times(10, 'en-GB'), ...times(10, 'en')];
		const out = centerByLanguage(vectors, languages);
		expect(dot(germanX, germanY)).toBeCloseTo(0.5);
		expect(dot(out[0], out[10])).toBeLessThan(0.4);
		expect(dot(germanX, englishX)).toBeCloseTo(0.707);
		expect(dot(out[0], out[20])).toBeGreaterThan(0.95);
		expect(dot(out[10], out[30])).toBeGreaterThan(0.95);
	});

	it('leaves a one-language run exactly as it is', () => {
		const vectors = [...times(15, englishX), ...times(15, englishY)];
		expect(centerByLanguage(vectors, times(30, 'en'))).toBe(vectors);
		expect(centerByLanguage(vectors, [...times(29, 'en'), null])).toBe(vectors);
	});

	it('keeps the vectors of unknown languages and of languages too small for a mean', () => {
		const vectors = [...times(25, germanX), ...times(25, englishX), ...times(3, unit(1, 0, 0)), ...times(5, germanY)];
		const languages = [...times(25, 'de'), ...times(25, 'en'), ...times(3, 'fr'), ...times(5, null)];
		const out = centerByLanguage(vectors, languages);
		expect(out[50]).toBe(vectors[50]);
		expect(out[53]).toBe(vectors[53]);
		expect(out[0]).not.toBe(vectors[0]);
	});
});
