// Runs every KPI for a date range, optional breakdown and filters: from the weekly rollup when
// it can answer (whole weeks, default windows, a rollup up to date: queryRollupKpis), else one
// aggregate query over conversation_facts. Both give the same figures to the last digit.
// What `kpis --json` prints and GET /api/kpis returns.
import type { Row, WarehouseConnection } from '../warehouse/WarehouseConnection';
import { paramsUsedBy } from '../warehouse/paramsUsedBy';
import { DIMENSION_SQL, type Dimension } from './dimensions';
import { factsFilter } from './factsFilter';
import { AGGREGATE_ALIAS, KPI_AGGREGATES, QUANTILE_COLUMNS } from './kpiAggregates';
import { KPI_DEFINITIONS, KPI_KEYS, type KpiKey, type KpiValues } from './kpiDefinitions';
import { queryRollupAggregates, queryRollupQuantiles, rollupUsable } from './queryRollupKpis';
import { rollupCoverage, type RollupCoverage } from './rollupSql';
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

const QUANTILE_SELECT = [...QUANTILE_COLUMNS].map(([column, qs]) => `quantile_cont(${column}, [${qs.join(', ')}]) AS ${column}__q`);
const SELECT_LIST = [...KPI_AGGREGATES.map((a) => `${a.sql} AS ${a.alias}`), ...QUANTILE_SELECT].join(',\n\t');

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
	const col = (name: string) => raw[AGGREGATE_ALIAS.get(name)!];
	for (const d of KPI_DEFINITIONS) {
		if (d.kind === 'count') values[d.key] = toNumber(col(d.key));
		else if (d.kind === 'quantile') {
			const list = raw[`${d.column}__q`] as (number | null)[] | null;
			const v = list ? list[QUANTILE_COLUMNS.get(d.column)!.indexOf(d.q)] : null;
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

/** The rows of one aggregate query over conversation_facts (every aggregate, or only the quantiles). */
async function queryFactRows(db: WarehouseConnection, q: KpiQuery, settings: Partial<KpiSettings>, select = SELECT_LIST): Promise<Row[]> {
	const params: Record<string, string | number> = settingsParams(resolveKpiSettings(settings));
	const where = factsFilter(q, params);
	const group = q.by ? DIMENSION_SQL[q.by] : `'all'`;
	const tail = q.by ? 'GROUP BY 1 ORDER BY 1 NULLS LAST' : '';
	const sql = `SELECT ${group} AS "group",\n\t${select}\nFROM conversation_facts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ${tail}`;
	return db.all(sql, paramsUsedBy(sql, params));
}

/** The same rows from the rollup: its sums, and its quantiles (or the fact table's, for queries over 3+ dimensions). */
async function queryRollupRows(db: WarehouseConnection, q: KpiQuery, coverage: RollupCoverage): Promise<Row[]> {
	const rows = await queryRollupAggregates(db, q, coverage.gs);
	const byGroup = new Map(rows.map((r) => [r.group === null || r.group === undefined ? null : String(r.group), r]));
	if (coverage.quantiles) {
		for (const [g, lists] of await queryRollupQuantiles(db, q, coverage.gs)) Object.assign(byGroup.get(g) ?? {}, lists);
	} else {
		for (const r of await queryFactRows(db, q, {}, QUANTILE_SELECT.join(', ')))
			Object.assign(byGroup.get(r.group === null || r.group === undefined ? null : String(r.group)) ?? {}, r);
	}
	return rows;
}

function details(q: KpiQuery, raw: Row[]) {
	let rows = raw.map(toRow);
	if (!q.by && rows.length === 0) rows = [emptyRow('all')];
	if (q.by === 'week') rows = fillWeeks(rows, q);
	return { from: q.from, to: q.to, by: q.by, rows };
}

/** Every KPI, plus each rate's numerator and denominator. */
export async function queryKpiDetails(
	db: WarehouseConnection,
	q: KpiQuery,
	settings: Partial<KpiSettings> = {}
): Promise<{ from: string | null; to: string | null; by: Dimension | null; rows: KpiDetailRow[] }> {
	const coverage = rollupCoverage(q, settings);
	const raw = coverage && (await rollupUsable(db)) ? await queryRollupRows(db, q, coverage) : await queryFactRows(db, q, settings);
	return details(q, raw);
}

/** queryKpiDetails from conversation_facts alone, never the rollup (the reference the rollup is tested against). */
export async function queryFactKpiDetails(db: WarehouseConnection, q: KpiQuery, settings: Partial<KpiSettings> = {}) {
	return details(q, await queryFactRows(db, q, settings));
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
	return withoutParts(await queryKpiDetails(db, q, settings));
}

/** queryKpis from a conversation_facts relation alone (no rollup): e.g. a view over an export's Parquet files. */
export async function queryFactKpis(db: WarehouseConnection, q: KpiQuery, settings: Partial<KpiSettings> = {}): Promise<KpiResult> {
	return withoutParts(await queryFactKpiDetails(db, q, settings));
}

function withoutParts(details: Awaited<ReturnType<typeof queryKpiDetails>>): KpiResult {
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
