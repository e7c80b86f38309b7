import { describe, expect, it } from 'vitest';
import { knnKappa } from './granularityStudy';

describe('knnKappa', () => {
	// Six points in two triangles: each point's neighbours are the other two of its triangle.
	const neighbours = [
		[1, 2],
		[0, 2],
		[0, 1],
		[4, 5],
		[3, 5],
		[3, 4]
	];

	it('is 1 when every neighbour shares the cluster, whatever the label names', () => {
		expect(knnKappa(neighbours, Int32Array.from([7, 7, 7, 2, 2, 2]))).toBeCloseTo(1);
	});

	it('is below 0 when clusters cut across the neighbourhoods, and outliers agree with nothing', () => {
		expect(knnKappa(neighbours, Int32Array.from([0, 1, 0, 1, 0, 1]))).toBeLessThan(0);
		const withOutliers = knnKappa(neighbours, Int32Array.from([0, 0, -1, 1, 1, -1]));
		expect(withOutliers).toBeGreaterThan(0);
		expect(withOutliers).toBeLessThan(1);
	});
});
