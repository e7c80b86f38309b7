import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/lib/server/gaps/vectorMath';
import { internalIndices } from './internalIndices';

const unit = (...x: number[]) => normalize(Float32Array.from(x));
const vectors = [unit(1, 0.1), unit(1, -0.1), unit(0.1, 1), unit(-0.1, 1)];

describe('internalIndices', () => {
	it('scores the natural split well and a crossing split badly', () => {
		const good = internalIndices(vectors, Int32Array.from([0, 0, 1, 1]));
		const bad = internalIndices(vectors, Int32Array.from([0, 1, 0, 1]));
		expect(good.silhouette).toBeGreaterThan(0.9);
		expect(bad.silhouette).toBeLessThan(0);
		expect(good.calinskiHarabasz).toBeGreaterThan(bad.calinskiHarabasz);
		expect(good.daviesBouldin).toBeLessThan(bad.daviesBouldin);
	});

	it('counts an outlier as silhouette 0 and leaves it out of the other two', () => {
		const withOutlier = internalIndices([...vectors, unit(1, 1)], Int32Array.from([0, 0, 1, 1, -1]));
		const without = internalIndices(vectors, Int32Array.from([0, 0, 1, 1]));
		expect(withOutlier.silhouette).toBeCloseTo((without.silhouette * 4) / 5);
		expect(withOutlier.calinskiHarabasz).toBeCloseTo(without.calinskiHarabasz);
		expect(withOutlier.daviesBouldin).toBeCloseTo(without.daviesBouldin);
	});
});
