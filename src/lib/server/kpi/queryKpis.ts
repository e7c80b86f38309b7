// Runs every KPI over conversation_facts for a date range, optional breakdown and filters:
// one aggregate query over one narrow table. What `kpis --json` prints and GET /api/kpis returns.
import type { WarehouseConnection } from '../warehouse/WarehouseConnection';
import { DIMENSION_SQL, type Dimension } from './dimensions';
import { factsFilter } from './factsFilter';
import { aggregateSql, KPI_DEFINITIONS, KPI_KEYS, type KpiKey, type KpiValues } from './kpiDefinitions';
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

/**
 * The aggregate list: each distinct expression once (several rates share a denominator), and
 * one quantile_cont per measure with all its quantiles, so each measure is sorted once.
 */
function selectList(): { sql: string; alias: Map<string, string> } {
	const exprs = new Map<string, string>(); // expression → column alias
	const alias = new Map<string, string>(); // `${key}` / `${key}__num` / `${key}__den` → column alias
	const use = (name: string, expr: string) => {
		if (!exprs.has(expr)) exprs.set(expr, `a${exprs.size}`);
		alias.set(name, exprs.get(expr)!);
	};
	const quantiles = new Map<string, number[]>();
	for (const d of KPI_DEFINITIONS) {
		if (d.kind === 'count') use(d.key, aggregateSql(d.counted));
		else if (d.kind === 'rate') {
			use(`${d.key}__num`, aggregateSql(d.numerator));
			use(`${d.key}__den`, aggregateSql(d.denominator));
		} else quantiles.set(d.column, [...(quantiles.get(d.column) ?? []), d.q]);
	}
	const cols = [...exprs].map(([expr, a]) => `${expr} AS ${a}`);
	for (const [column, qs] of quantiles) cols.push(`quantile_cont(${column}, [${qs.join(', ')}]) AS ${column}__q`);
	return { sql: cols.join(',\n\t'), alias };
}
const { sql: SELECT_LIST, alias: ALIAS } = selectList();

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
	const col = (name: string) => raw[ALIAS.get(name)!];
	for (const d of KPI_DEFINITIONS) {
		if (d.kind === 'count') values[d.key] = toNumber(col(d.key));
		else if (d.kind === 'quantile') {
			const list = raw[`${d.column}__q`] as (number | null)[] | null;
			const qs = KPI_DEFINITIONS.filter((k) => k.kind === 'quantile' && k.column === d.column).map((k) => (k as { q: number }).q);
			const v = list ? list[qs.indexOf(d.q)] : null;
			values[d.key] = v === null || v === undefined ? null : toNumber(v);
		} else {
			const numerator = toNumber(col(`${d.key}__num`)),
				denominator = toNumber(col(`${d.key}__den`));
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
	const where = factsFilter(q, params);
	const group = q.by ? DIMENSION_SQL[q.by] : `'all'`;
	const tail = q.by ? 'GROUP BY 1 ORDER BY 1 NULLS LAST' : '';
	const raw = await db.all(
		`SELECT ${group} AS "group",\n\t${SELECT_LIST}\nFROM conversation_facts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ${tail}`,
		params
	);
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
