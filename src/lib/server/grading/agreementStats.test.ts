import { describe, expect, it } from 'vitest';
import { agreementStats, type Label } from './agreementStats';

const pairs = (spec: [Label, Label, number][]) =>
	spec.flatMap(([grader, reference, n]) => Array.from({ length: n }, () => ({ grader, reference })));

describe('agreementStats', () => {
	it('computes agreement, kappa, precision and recall (worked example)', () => {
		// tp 20, fp 5, fn 10, tn 15 → agreement 0.7; p_e = 0.5*0.6 + 0.5*0.4 = 0.5 → kappa 0.4
		const s = agreementStats(
			pairs([
				['bad', 'bad', 20],
				['bad', 'good', 5],
				['good', 'bad', 10],
				['good', 'good', 15]
			])
		);
		expect(s).toEqual({ n: 50, agreement: 0.7, kappa: 0.4, precision: 0.8, recall: 0.6667, confusion: { tp: 20, fp: 5, fn: 10, tn: 15 } });
	});
	it('perfect agreement is kappa 1; agreement no better than chance is kappa 0', () => {
		expect(
			agreementStats(
				pairs([
					['bad', 'bad', 3],
					['good', 'good', 7]
				])
			).kappa
		).toBe(1);
		expect(
			agreementStats(
				pairs([
					['bad', 'bad', 1],
					['bad', 'good', 1],
					['good', 'bad', 1],
					['good', 'good', 1]
				])
			).kappa
		).toBe(0);
	});
	it('nothing to compare gives nulls, and no positives gives null precision', () => {
		expect(agreementStats([]).agreement).toBeNull();
		expect(agreementStats(pairs([['good', 'good', 2]])).precision).toBeNull();
	});
});
