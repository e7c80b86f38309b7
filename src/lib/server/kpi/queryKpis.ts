// Runs every KPI over conversation_facts for a date range, optional breakdown and filters:
// one aggregate query over one narrow table. What `kpis --json` prints and GET /api/kpis returns.
import type { WarehouseConnection } from '../warehouse/WarehouseConnection';
import { DIMENSION_SQL, type Dimension } from './dimensions';
import { KPI_DEFINITIONS, KPI_KEYS, type KpiKey, type KpiValues } from './kpiDefinitions';
import { resolveKpiSettings, settingsParams, type KpiSettings } from './kpiSettings';
import { parseDay, type KpiQuery } from './parseKpiQuery';

export type KpiRow = { group: string | null } & KpiValues;

export interface KpiResult {
	from: string | null;
	to: string | null;
	by: Dimension | null;
	rows: KpiRow[];
}

/** A rate's parts, for drill-downs and for tests that check the arithmetic. */
export type KpiParts = Partial<Record<KpiKey, { numerator: number; denominator: number }>>;
export type KpiDetailRow = KpiRow & { parts: KpiParts };

const DAY_MS = 86_400_000;
const MAX_FILLED_WEEKS = 1000;

function selectList(): string {
	const cols: string[] = [];
	for (const d of KPI_DEFINITIONS) {
		if (d.kind === 'count') cols.push(`${d.sql} AS ${d.key}`);
		else if (d.kind === 'rate') cols.push(`${d.numerator} AS ${d.key}__num`, `${d.denominator} AS ${d.key}__den`);
		else cols.push(`quantile_cont(${d.column}, ${d.q}) AS ${d.key}`);
	}
	return cols.join(',\n\t');
}
const SELECT_LIST = selectList();

function toNumber(value: unknown): number {
	if (value === null || value === undefined) return 0;
	return typeof value === 'number' ? value : Number(value);
}

function emptyRow(group: string | null): KpiDetailRow {
	const row = { group, parts: {} } as KpiDetailRow;
	for (const d of KPI_DEFINITIONS) {
		(row as Record<string, unknown>)[d.key] = d.kind === 'count' ? 0 : null;
		if (d.kind === 'rate') row.parts[d.key] = { numerator: 0, denominator: 0 };
	}
	return row;
}

function toRow(raw: Record<string, unknown>): KpiDetailRow {
	const group = raw.group === null || raw.group === undefined ? null : String(raw.group);
	const row = emptyRow(group);
	const values = row as unknown as Record<string, number | null>;
	for (const d of KPI_DEFINITIONS) {
		if (d.kind === 'count') values[d.key] = toNumber(raw[d.key]);
		else if (d.kind === 'quantile') values[d.key] = raw[d.key] === null || raw[d.key] === undefined ? null : toNumber(raw[d.key]);
		else {
			const numerator = toNumber(raw[`${d.key}__num`]), denominator = toNumber(raw[`${d.key}__den`]);
			values[d.key] = denominator === 0 ? null : numerator / denominator;
			row.parts[d.key] = { numerator, denominator };
		}
	}
	return row;
}

/** Mondays from the week of `first` to the week of `last` (YYYY-MM-DD), or null when too many. */
function mondays(first: string, last: string): string[] | null {
	const monday = (day: string) => {
		const ms = parseDay(day)!;
		return ms - ((new Date(ms).getUTCDay() + 6) % 7) * DAY_MS;
	};
	const out: string[] = [];
	for (let ms = monday(first); ms <= monday(last); ms += 7 * DAY_MS) {
		out.push(new Date(ms).toISOString().slice(0, 10));
		if (out.length > MAX_FILLED_WEEKS) return null;
	}
	return out;
}

/** Every KPI, plus each rate's numerator and denominator. */
export async function queryKpiDetails(
	db: WarehouseConnection,
	q: KpiQuery,
	settings: Partial<KpiSettings> = {}
): Promise<{ from: string | null; to: string | null; by: Dimension | null; rows: KpiDetailRow[] }> {
	const params: Record<string, string | number> = settingsParams(resolveKpiSettings(settings));
	const conditions: string[] = [];
	if (q.from) {
		conditions.push('created_at >= CAST($from_ts AS TIMESTAMP)');
		params.from_ts = q.from;
	}
	if (q.to) {
		conditions.push('created_at < CAST($to_ts AS TIMESTAMP)');
		params.to_ts = new Date(parseDay(q.to)! + DAY_MS).toISOString().slice(0, 10);
	}
	const byDim = new Map<Dimension, string[]>();
	for (const f of q.where) byDim.set(f.dim, [...(byDim.get(f.dim) ?? []), f.value]);
	let n = 0;
	for (const [dim, values] of byDim) {
		const names = values.map((v) => {
			const name = `w${n++}`;
			params[name] = v;
			return `$${name}`;
		});
		conditions.push(`${DIMENSION_SQL[dim]} IN (${names.join(', ')})`);
	}
	const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
	const group = q.by ? DIMENSION_SQL[q.by] : `'all'`;
	const tail = q.by ? 'GROUP BY 1 ORDER BY 1 NULLS LAST' : '';
	const raw = await db.all(`SELECT ${group} AS "group",\n\t${SELECT_LIST}\nFROM conversation_facts ${where} ${tail}`, params);
	let rows = raw.map(toRow);
	if (!q.by && rows.length === 0) rows = [emptyRow('all')];
	if (q.by === 'week') rows = fillWeeks(rows, q);
	return { from: q.from, to: q.to, by: q.by, rows };
}

/** With a by-week breakdown, weeks without conversations are rows too (zeros and nulls), so trends show gaps. */
function fillWeeks(rows: KpiDetailRow[], q: KpiQuery): KpiDetailRow[] {
	const weekFilter = q.where.filter((f) => f.dim === 'week').map((f) => f.value);
	const present = rows.map((r) => r.group!).filter(Boolean);
	const first = q.from ?? present[0];
	const last = q.to ?? present[present.length - 1];
	if (!first || !last) return rows;
	let all = mondays(first, last);
	if (!all) return rows;
	if (weekFilter.length) all = all.filter((w) => weekFilter.includes(w));
	const byWeek = new Map(rows.map((r) => [r.group, r]));
	return all.map((w) => byWeek.get(w) ?? emptyRow(w));
}

/** Every KPI (KPI_KEYS order) per group; rates null when their denominator is 0. */
export async function queryKpis(db: WarehouseConnection, q: KpiQuery, settings: Partial<KpiSettings> = {}): Promise<KpiResult> {
	const details = await queryKpiDetails(db, q, settings);
	return {
		from: details.from,
		to: details.to,
		by: details.by,
		rows: details.rows.map((r) => {
			const row = { group: r.group } as KpiRow;
			for (const key of KPI_KEYS) row[key] = r[key];
			return row;
		})
	};
}
