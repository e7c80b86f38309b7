// The values the conversation list's filter dropdowns offer, plus every KPI and its
// conditions' labels (for the KPI filter).
import { distinctDimensionValues, KPI_DEFINITIONS } from '../kpi';
import { DRILL_CONDITIONS, kpiDrillCondition } from '../kpi/kpiDrillCondition';
import type { WarehouseConnection } from '../warehouse';
import { LINK_DIMENSIONS, type LinkDimension } from '../../drilldown/conversationListHref';

export interface ListFilterOptions {
	dimensions: Record<LinkDimension, string[]>;
	kpis: { key: string; label: string; conditions: { cond: string; label: string }[] }[];
}

export async function listFilterOptions(db: WarehouseConnection): Promise<ListFilterOptions> {
	const dimensions = {} as Record<LinkDimension, string[]>;
	for (const dim of LINK_DIMENSIONS) dimensions[dim] = await distinctDimensionValues(db, dim);
	const kpis = KPI_DEFINITIONS.map((d) => ({
		key: d.key,
		label: d.label,
		conditions: (d.kind === 'rate' ? DRILL_CONDITIONS : (['numerator'] as const)).map((cond) => ({
			cond,
			label: kpiDrillCondition(d.key, cond).label
		}))
	}));
	return { dimensions, kpis };
}
