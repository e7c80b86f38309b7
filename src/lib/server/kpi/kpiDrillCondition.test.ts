import { describe, expect, it } from 'vitest';
import { aggregateSql, KPI_DEFINITIONS } from './kpiDefinitions';
import { kpiDrillCondition } from './kpiDrillCondition';

describe('kpiDrillCondition', () => {
	it('lists a rate KPI’s numerator and denominator with the very conditions its SQL aggregates', () => {
		for (const d of KPI_DEFINITIONS) {
			if (d.kind !== 'rate') continue;
			expect(kpiDrillCondition(d.key, 'numerator').where).toBe(d.numerator.where);
			expect(kpiDrillCondition(d.key, 'denominator').where).toBe(d.denominator.where);
			expect(aggregateSql(d.numerator)).toContain(d.numerator.where);
		}
	});

	it('the rest of a rate is its denominator without its numerator (CSAT bad)', () => {
		const bad = kpiDrillCondition('csat', 'rest');
		expect(bad.where).toBe('(csat_rated) AND NOT (csat_positive)');
		expect(bad.label).toBe('rated (CSAT), not rated good (4+ of 5)');
		expect(bad.measure).toBeUndefined();
	});

	it('a count or a quantile has one set, whatever condition is asked', () => {
		expect(kpiDrillCondition('ai_involved', 'denominator')).toMatchObject({ where: 'ai_involved', cond: 'numerator' });
		expect(kpiDrillCondition('time_to_resolution_p90_s', 'rest')).toMatchObject({ where: 'resolution_s IS NOT NULL', cond: 'numerator' });
	});

	it('sums a measure where the KPI counts drafts or hand-offs, not conversations', () => {
		expect(kpiDrillCondition('draft_edit_rate', 'numerator')).toMatchObject({ where: 'drafts_edited > 0', measure: 'drafts_edited' });
		expect(aggregateSql({ label: '', where: 'drafts_edited > 0', measure: 'drafts_edited' })).toBe(
			'coalesce(sum(drafts_edited) FILTER (WHERE drafts_edited > 0), 0)'
		);
		expect(aggregateSql({ label: '', where: 'contained' })).toBe('count_if(contained)');
	});
});
