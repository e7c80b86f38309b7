import { describe, expect, it } from 'vitest';
import { KPI_DEFINITIONS, KPI_KEYS, type KpiRow } from '../../src/lib/server/kpi';
import { formatDuration, formatKpiTable } from './formatKpiTable';

function row(group: string | null, values: Partial<KpiRow>): KpiRow {
	return { group, ...Object.fromEntries(KPI_KEYS.map((k) => [k, null])), ...values } as KpiRow;
}

describe('formatKpiTable', () => {
	it('formats durations compactly', () => {
		expect(formatDuration(42)).toBe('42s');
		expect(formatDuration(125)).toBe('2m 05s');
		expect(formatDuration(3725)).toBe('1h 02m');
		expect(formatDuration(200000)).toBe('2d 07h');
	});

	it('prints one line per KPI and one column per group, nulls as a dash', () => {
		const text = formatKpiTable({
			from: '2026-10-05',
			to: null,
			by: 'channel',
			rows: [
				row('chat', { conversations: 1200, containment_rate: 0.4567, first_response_time_median_s: 90, edit_magnitude: 0.25 }),
				row(null, { conversations: 0 })
			]
		});
		const lines = text.split('\n');
		expect(lines[0]).toBe('KPIs 2026-10-05 … last conversation (UTC), by channel');
		expect(lines[2]).toMatch(/^KPI\s+chat\s+\(none\)$/);
		expect(lines).toHaveLength(4 + KPI_DEFINITIONS.length);
		expect(lines.find((l) => l.startsWith('Conversations'))).toMatch(/1,200\s+0$/);
		expect(lines.find((l) => l.startsWith('Containment rate'))).toMatch(/45\.7%\s+—$/);
		expect(lines.find((l) => l.startsWith('First response, median'))).toMatch(/1m 30s\s+—$/);
		expect(lines.find((l) => l.startsWith('Edit magnitude'))).toMatch(/0\.250\s+—$/);
	});
});
