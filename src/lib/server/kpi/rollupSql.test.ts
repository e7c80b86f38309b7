import { describe, expect, it } from 'vitest';
import { interpolate } from './queryRollupKpis';
import { parseKpiQuery } from './parseKpiQuery';
import { bucketOf, CELL_DIMS, groupingId, MAX_SMALL_DIMS, rollupCoverage, rollupSteps, smallDimSets } from './rollupSql';

describe('rollup SQL', () => {
	it('lists every set of at most two cell dimensions once', () => {
		const sets = smallDimSets();
		expect(sets).toHaveLength(1 + 5 + 10);
		expect(new Set(sets.map((s) => s.join())).size).toBe(sets.length);
		expect(sets.every((s) => s.length <= MAX_SMALL_DIMS)).toBe(true);
	});

	it('numbers grouping sets as DuckDB GROUPING_ID does (a bit per dimension left out, first dimension highest)', () => {
		expect(groupingId(CELL_DIMS)).toBe(0);
		expect(groupingId([])).toBe(0b11111);
		expect(groupingId(['channel'])).toBe(0b01111);
		expect(groupingId(['tier'])).toBe(0b11110);
		expect(groupingId(['queue', 'intent'])).toBe(0b10101);
	});

	it('buckets values monotonically: 1 wide up to 8, then 16 per doubling', () => {
		expect(bucketOf(-3)).toBe(-1);
		expect(bucketOf(-0)).toBe(0);
		expect(bucketOf(7.9)).toBe(7);
		expect(bucketOf(8)).toBe(8);
		expect(bucketOf(8.5)).toBe(9);
		expect(bucketOf(15.99)).toBe(23);
		expect(bucketOf(16)).toBe(24);
		expect(bucketOf(31.99)).toBe(39);
		const values = [0, 0.5, 3, 8, 8.4, 9, 100, 1000, 3600, 86_400, 1e7, 1e12].sort((a, b) => a - b);
		for (let i = 1; i < values.length; i++) expect(bucketOf(values[i])).toBeGreaterThanOrEqual(bucketOf(values[i - 1]));
	});

	it('fills every table, for all weeks or for the weeks of a table, the sums before the sets built from them', () => {
		const steps = rollupSteps('kpi_rollup_weeks');
		expect(steps.map((s) => s.table)).toEqual(['kpi_rollup', 'kpi_rollup', 'kpi_rollup_values', 'kpi_rollup_hist']);
		expect(steps.every((s) => s.select.includes('week IN (SELECT week FROM kpi_rollup_weeks)'))).toBe(true);
		expect(rollupSteps(null).some((s) => s.select.includes('kpi_rollup_weeks'))).toBe(false);
	});
});

describe('rollupCoverage', () => {
	const q = (input: Parameters<typeof parseKpiQuery>[0]) => parseKpiQuery(input);

	it('answers whole weeks with the default windows only', () => {
		expect(rollupCoverage(q({}))).toEqual({ gs: groupingId([]), quantiles: true });
		expect(rollupCoverage(q({ from: '2026-08-31', to: '2026-11-22' }))).not.toBeNull();
		expect(rollupCoverage(q({ from: '2026-09-01', to: '2026-11-22' }))).toBeNull();
		expect(rollupCoverage(q({ from: '2026-08-31', to: '2026-11-21' }))).toBeNull();
		expect(rollupCoverage(q({}), { repeatWindowDays: 3 })).toBeNull();
		expect(rollupCoverage(q({}), { repeatWindowDays: 7 })).not.toBeNull();
	});

	it('takes quantiles from a small grouping set when at most two dimensions are touched', () => {
		expect(rollupCoverage(q({ by: 'channel', where: ['language=en'] }))).toEqual({
			gs: groupingId(['channel', 'language']),
			quantiles: true
		});
		expect(rollupCoverage(q({ by: 'week', where: ['week=2026-10-05', 'tier=vip'] }))).toEqual({
			gs: groupingId(['tier']),
			quantiles: true
		});
		expect(rollupCoverage(q({ by: 'queue', where: ['language=en', 'tier=vip'] }))).toEqual({ gs: 0, quantiles: false });
	});
});

describe('interpolate', () => {
	it('reads the two ranks around (n − 1)·q and mixes them as quantile_cont does', () => {
		const sorted = [1, 2, 4, 10];
		expect(interpolate(4, 0.5, (r) => sorted[r])).toBe(3);
		expect(interpolate(4, 0.9, (r) => sorted[r])).toBeCloseTo(8.2, 12);
		expect(interpolate(1, 0.9, (r) => [7][r])).toBe(7);
		expect(interpolate(5, 0.5, (r) => [1, 2, 3, 4, 5][r])).toBe(3);
	});
});
