import { describe, expect, it } from 'vitest';
import { scanWordVectors } from './scanWordVectors';

const file = (vectors: string) =>
	Buffer.from(
		`{"precision":8,"l2NormIndex":2,"wordIndex":3,"size":4,"dimensions":2,"words":["the","book","\\"","novel"],` +
			`"vectors":{"the":[0.5,-1,1.1,0], "book":[1,2,2.2,1],"\\"":[3,3,4.2,2],\n"novel":[1.5,2,2.5,3]${vectors}},"unkVector":[0,0]}`
	);

describe('scanWordVectors', () => {
	it('keeps only the wanted words, sorted, with their vectors and frequency rank', () => {
		const t = scanWordVectors(file(''), ['novel', 'book', 'missing'], 'test');
		expect([...t.row.keys()]).toEqual(['book', 'novel']);
		expect(Array.from(t.vectors)).toEqual([1, 2, 1.5, 2]);
		expect(Array.from(t.rank)).toEqual([1, 3]);
		expect(t).toMatchObject({ dim: 2, vocabularySize: 4, source: 'test' });
	});

	it('reads keys with escapes and stops at the end of the vectors object', () => {
		const t = scanWordVectors(file(''), ['"', 'unkVector'], 'test');
		expect([...t.row.keys()]).toEqual(['"']);
		expect(Array.from(t.vectors)).toEqual([3, 3]);
	});

	it('says what is wrong with a malformed vector', () => {
		expect(() => scanWordVectors(file(',"short":[1]'), ['short'], 'test')).toThrow(/"short" has 1 numbers/);
		expect(() => scanWordVectors(Buffer.from('{"words":[]}'), ['a'], 'test')).toThrow(/no "dimensions"/);
	});
});
