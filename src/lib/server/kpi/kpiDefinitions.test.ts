import { describe, expect, it } from 'vitest';
import { KPI_CATALOGUE, KPI_KEYS } from '../../kpi/kpiCatalogue';
import { KPI_DEFINITIONS } from './kpiDefinitions';

describe('the SQL definitions', () => {
	it('key into the catalogue: one per KPI, in its order, with its label, description and kind', () => {
		expect(KPI_DEFINITIONS.map((d) => d.key)).toEqual([...KPI_KEYS]);
		for (const d of KPI_DEFINITIONS) expect(d).toMatchObject(KPI_CATALOGUE[d.key]);
	});
});
