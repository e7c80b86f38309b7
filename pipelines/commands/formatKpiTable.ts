// The readable form of a KPI result for the terminal: one line per KPI, one column per group.
import { KPI_DEFINITIONS, type KpiDefinition, type KpiResult } from '../../src/lib/server/kpi';

/** 42 → "42s", 3725 → "1h 02m", 200000 → "2d 07h". */
export function formatDuration(seconds: number): string {
	const s = Math.round(seconds);
	if (s < 60) return `${s}s`;
	if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
	if (s < 86400) return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
	return `${Math.floor(s / 86400)}d ${String(Math.floor((s % 86400) / 3600)).padStart(2, '0')}h`;
}

export function formatKpiValue(def: KpiDefinition, value: number | null): string {
	if (value === null) return '—';
	if (def.kind === 'count') return value.toLocaleString('en');
	if (def.kind === 'quantile') return formatDuration(value);
	if (def.key === 'edit_magnitude') return value.toFixed(3);
	return `${(value * 100).toFixed(1)}%`;
}

export function formatKpiTable(result: KpiResult): string {
	const range = `${result.from ?? 'first conversation'} … ${result.to ?? 'last conversation'} (UTC)`;
	const header = ['KPI', ...result.rows.map((r) => r.group ?? '(none)')];
	const body = KPI_DEFINITIONS.map((d) => [d.label, ...result.rows.map((r) => formatKpiValue(d, r[d.key]))]);
	const widths = header.map((_, i) => Math.max(...[header, ...body].map((row) => row[i].length)));
	const line = (row: string[]) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
	return [
		`KPIs ${range}${result.by ? `, by ${result.by}` : ''}`,
		'',
		line(header),
		widths.map((w) => '-'.repeat(w)).join('  '),
		...body.map(line)
	].join('\n');
}
