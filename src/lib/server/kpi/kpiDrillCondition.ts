// The drill-down side of a KPI: which conversations stand behind its numerator, its
// denominator, or the rest of its denominator, taken from the KPI's own declared conditions.
import { KPI_DEFINITIONS, type KpiCondition, type KpiKey } from './kpiDefinitions';

/** numerator: what the KPI counts; denominator: out of what; rest: denominator, not numerator (e.g. CSAT bad). */
export const DRILL_CONDITIONS = ['numerator', 'denominator', 'rest'] as const;
export type DrillCondition = (typeof DRILL_CONDITIONS)[number];

export interface DrillFilter extends KpiCondition {
	kpi: KpiKey;
	kpiLabel: string;
	cond: DrillCondition;
}

/**
 * The condition behind `cond` of a KPI. A count KPI has one set (what it counts), a quantile
 * one set (the conversations it was measured on): any `cond` of those lists that set.
 */
export function kpiDrillCondition(kpi: KpiKey, cond: DrillCondition): DrillFilter {
	const def = KPI_DEFINITIONS.find((d) => d.key === kpi);
	if (!def) throw new RangeError(`unknown KPI ${kpi}`);
	const base = { kpi, kpiLabel: def.label, cond };
	if (def.kind === 'count') return { ...base, ...def.counted, cond: 'numerator' };
	if (def.kind === 'quantile') return { ...base, ...def.measured, cond: 'numerator' };
	if (cond === 'numerator') return { ...base, ...def.numerator };
	if (cond === 'denominator') return { ...base, ...def.denominator };
	return {
		...base,
		label: `${def.denominator.label}, not ${def.numerator.label}`,
		where: `(${def.denominator.where}) AND NOT (${def.numerator.where})`
	};
}
