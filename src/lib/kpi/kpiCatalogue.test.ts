import { describe, expect, it } from 'vitest';
import { KPI_CATALOGUE, KPI_KEYS, KPIS, kpisShownOn } from './kpiCatalogue';

describe('the KPI catalogue', () => {
	it('has one entry per key, under its own key, in the order of `kpis --json`', () => {
		expect(KPIS.map((k) => k.key)).toEqual([...KPI_KEYS]);
		for (const [key, entry] of Object.entries(KPI_CATALOGUE)) expect(entry.key).toBe(key);
	});

	it('pairs each kind with its unit, and calls no volume count good or bad', () => {
		const unitOf = { count: 'conversations', rate: 'fraction', quantile: 'seconds' };
		for (const k of KPIS) expect(k.unit, k.key).toBe(unitOf[k.kind]);
		expect(KPIS.filter((k) => k.better === 'neither').map((k) => k.kind)).toEqual(['count', 'count', 'count']);
		expect(KPI_CATALOGUE.reopen_rate.better).toBe('lower');
		expect(KPI_CATALOGUE.csat.better).toBe('higher');
	});

	it('lists what each place shows, in catalogue order', () => {
		expect(kpisShownOn('breakdown')).toEqual([
			'conversations',
			'ai_involved',
			'containment_rate',
			'escalation_rate',
			'reopen_rate',
			'first_response_time_median_s',
			'csat'
		]);
		expect(kpisShownOn('overview')).toHaveLength(18);
		expect(kpisShownOn('review')).not.toContain('ai_involved');
	});
});
