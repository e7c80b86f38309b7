import { describe, expect, it } from 'vitest';
import { median, robustBaseline } from './robustBaseline';

const series = (ys: number[]) => ys.map((y, i) => ({ t: i - ys.length, y }));

describe('robustBaseline', () => {
	it('median of odd and even lists', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(median([])).toBeNaN();
	});

	it('flat: the median, and one outlier in the history changes neither centre nor spread much', () => {
		const quiet = robustBaseline(series([10, 11, 9, 10, 10, 11, 9, 10]), false);
		const withSpike = robustBaseline(series([10, 11, 9, 10, 60, 11, 9, 10]), false);
		expect(quiet.center).toBe(10);
		expect(withSpike.center).toBe(10);
		// A standard deviation would be ~17 with the spike; the robust one stays near 1.
		expect(withSpike.residualSd).toBeLessThan(2);
		expect(quiet.residualSd).toBeCloseTo(1.4826 * 0.5, 9);
		// 8 points and one fitted level: sqrt((1 + 1/8) × 8/7).
		expect(quiet.predictionFactor).toBeCloseTo(Math.sqrt((9 / 8) * (8 / 7)), 9);
	});

	it('with trend: projects a steady rise to the week checked', () => {
		const b = robustBaseline(series([1, 2, 3, 4, 5, 6, 7, 8]), true);
		expect(b.slope).toBeCloseTo(1, 9);
		expect(b.center).toBeCloseTo(9, 9);
		expect(b.residualSd).toBeCloseTo(0, 9);
		// A line fitted to t = −8…−1 and projected to 0: 1 + 1/8 + 4.5²/42, times 8/6.
		expect(b.predictionFactor).toBeCloseTo(Math.sqrt((1 + 1 / 8 + 4.5 ** 2 / 42) * (8 / 6)), 9);
	});

	it('with trend: an outlier does not tilt the line', () => {
		const b = robustBaseline(series([1, 2, 3, 40, 5, 6, 7, 8]), true);
		expect(b.slope).toBeCloseTo(1, 9);
		expect(b.center).toBeCloseTo(9, 9);
	});

	it('fewer than three points: no trend', () => {
		expect(robustBaseline(series([1, 3]), true)).toMatchObject({ slope: 0, center: 2 });
	});
});
