import { describe, expect, it } from 'vitest';
import { wordDiff } from './wordDiff';

describe('wordDiff', () => {
	it('marks removed and added words and keeps the rest, rebuilding both texts', () => {
		const before = 'Your refund ships Monday.';
		const after = 'Your refund was sent on Monday.';
		const d = wordDiff(before, after);
		expect(
			d.parts
				.filter((p) => p.op !== 'added')
				.map((p) => p.text)
				.join('')
		).toBe(before);
		expect(
			d.parts
				.filter((p) => p.op !== 'removed')
				.map((p) => p.text)
				.join('')
		).toBe(after);
		expect(d.parts.find((p) => p.op === 'removed')?.text).toContain('ships');
		expect(d.wordsRemoved).toBe(1);
		expect(d.wordsAdded).toBe(3);
	});

	it('an unchanged draft is one same part with magnitude 0', () => {
		expect(wordDiff('same text', 'same text')).toEqual({
			parts: [{ text: 'same text', op: 'same' }],
			wordsAdded: 0,
			wordsRemoved: 0,
			editMagnitude: 0
		});
	});

	it("edit magnitude is the KPI's: Levenshtein distance in characters over the longer length", () => {
		expect(wordDiff('kitten', 'sitting').editMagnitude).toBeCloseTo(3 / 7);
		expect(wordDiff('abc', '').editMagnitude).toBe(1);
		// An emoji is one character, as in the KPI (not two UTF-16 units).
		expect(wordDiff('ok 👍', 'ok 👎').editMagnitude).toBeCloseTo(1 / 4);
	});
});
