import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/lib/server/gaps/vectorMath';
import { mergeBySeparation, nearestClusterRatios } from './mergeBySeparation';

const unit = (...x: number[]) => normalize(Float32Array.from(x));
// Clusters 0 and 1 are two tight groups close to each other (one family); cluster 2 lies far off.
const vectors = [unit(1, 0.1, 0), unit(1, 0.12, 0), unit(1, 0.4, 0), unit(1, 0.42, 0), unit(0, 0.1, 1), unit(0, 0.12, 1)];
const labels = Int32Array.from([0, 0, 1, 1, 2, 2]);

describe('mergeBySeparation', () => {
	it('joins the two clusters of one family and leaves the far one alone', () => {
		expect(Array.from(mergeBySeparation(vectors, labels, 0.9))).toEqual([0, 0, 0, 0, 2, 2]);
	});

	it('merges nothing above the highest ratio and everything at a low enough one, outliers untouched', () => {
		const withOutlier = Int32Array.from([0, 0, 1, 1, 2, -1]);
		expect(Array.from(mergeBySeparation(vectors, withOutlier, 1.01))).toEqual([0, 0, 1, 1, 2, -1]);
		expect(Array.from(mergeBySeparation(vectors, withOutlier, -1))).toEqual([0, 0, 0, 0, 0, -1]);
	});
});

describe('nearestClusterRatios', () => {
	it('pairs each cluster with its most similar one, the family pair above the far pair', () => {
		const ratios = nearestClusterRatios(vectors, labels);
		expect(ratios.map(([a, b]) => [a, b])).toEqual([
			[0, 1],
			[1, 0],
			[2, 1]
		]);
		expect(ratios[0][2]).toBeGreaterThan(0.9);
		expect(ratios[2][2]).toBeLessThan(0.5);
	});
});
