// KPI figures read from the weekly rollup (rollupSql.ts) instead of conversation_facts: the
// same aggregates summed over the rollup's cells, and exact interpolated quantiles found by
// rank in the value histogram, then read from the counted values of just the buckets that hold
// those ranks.
// queryKpiDetails decides when the rollup may answer (rollupCoverage, rollupUsable).
import { paramsUsedBy } from '../warehouse/paramsUsedBy';
import type { Row, WarehouseConnection } from '../warehouse/WarehouseConnection';
import { DIMENSION_SQL } from './dimensions';
import { factsFilter } from './factsFilter';
import { KPI_AGGREGATES, QUANTILE_COLUMNS } from './kpiAggregates';
import type { KpiQuery } from './parseKpiQuery';
import { QUANTILE_MEASURES, ROLLUP_SIGNATURE } from './rollupSql';

/** True when the rollup was built by these definitions and no week of it is waiting for a refresh. */
export async function rollupUsable(db: WarehouseConnection): Promise<boolean> {
	const row = await db.one<{ signature: string | null; dirty: boolean }>(
		`SELECT (SELECT any_value(signature) FROM kpi_rollup_state) AS signature, EXISTS (SELECT 1 FROM kpi_rollup_dirty) AS dirty`
	);
	return row?.signature === ROLLUP_SIGNATURE && !row.dirty;
}

/** The aggregate columns (aliases as in KPI_AGGREGATES) per group, as the fact-table query returns them. */
export async function queryRollupAggregates(db: WarehouseConnection, q: KpiQuery, gs: number): Promise<Row[]> {
	const params: Record<string, string | number> = { gs };
	const where = ['gs = $gs', ...factsFilter(q, params, 'week')];
	const group = q.by ? DIMENSION_SQL[q.by] : `'all'`;
	const tail = q.by ? 'GROUP BY 1 ORDER BY 1 NULLS LAST' : '';
	const sums = KPI_AGGREGATES.map((a) => `sum(${a.alias}) AS ${a.alias}`).join(', ');
	return db.all(`SELECT ${group} AS "group", ${sums} FROM kpi_rollup WHERE ${where.join(' AND ')} ${tail}`, params);
}

/** Where each wanted order statistic sits: group, measure, 0-based rank, its bucket and rank inside it. */
interface Target {
	g: string | null;
	m: number;
	rank: number;
	b: number;
	k: number;
}

/**
 * quantile_cont's value for quantile `q` of `n` sorted values, given the values at the two
 * ranks around (n − 1)·q: DuckDB's own interpolation, lo·(1 − d) + hi·d, in the same double
 * arithmetic (lo + (hi − lo)·d differs in the last digit now and then).
 */
export function interpolate(n: number, q: number, valueAt: (rank: number) => number): number {
	const pos = (n - 1) * q;
	const lo = Math.floor(pos),
		hi = Math.ceil(pos);
	if (lo === hi) return valueAt(lo);
	const d = pos - lo;
	return valueAt(lo) * (1 - d) + valueAt(hi) * d;
}

/**
 * Every quantile KPI per group, keyed `${column}__q` → list in QUANTILE_COLUMNS order (as the
 * fact query's quantile_cont lists), from the grouping set `gs` of the histogram (one of the
 * small sets: rollupCoverage says which).
 */
export async function queryRollupQuantiles(
	db: WarehouseConnection,
	q: KpiQuery,
	gs: number
): Promise<Map<string | null, Record<string, (number | null)[]>>> {
	const params: Record<string, string | number> = { gs };
	const where = factsFilter(q, params, 'week');
	const group = q.by ? DIMENSION_SQL[q.by] : `'all'`;
	const filter = where.length ? `AND ${where.join(' AND ')}` : '';
	// Per group and measure: how many values each bucket holds, as two lists (thousands of rows
	// cost more to hand to JS than the query itself), the running totals summed here.
	const sql = `SELECT g, m, list(b ORDER BY b) AS bs, list(n::DOUBLE ORDER BY b) AS ns
		FROM (SELECT ${group} AS g, m, b, sum(n)::BIGINT AS n FROM kpi_rollup_hist WHERE gs = $gs ${filter} GROUP BY ALL) GROUP BY g, m`;
	const rows = await db.all<{ g: string | null; m: number; bs: number[]; ns: number[] }>(sql, paramsUsedBy(sql, params));
	const totals = rows.map(({ g, m, bs, ns }) => {
		let total = 0;
		const buckets = bs.map((b, i) => {
			const bucket = { b, n: Number(ns[i]), below: total };
			total += bucket.n;
			return bucket;
		});
		return { g, m, total, buckets };
	});
	// The ranks each quantile interpolates between, located in their buckets.
	const targets: Target[] = [];
	const seen = new Set<string>();
	for (const { g, m, total, buckets: list } of totals) {
		for (const quantile of QUANTILE_COLUMNS.get(QUANTILE_MEASURES[m])!) {
			const pos = (total - 1) * quantile;
			for (const rank of new Set([Math.floor(pos), Math.ceil(pos)])) {
				const key = `${g}\u0000${m}\u0000${rank}`;
				if (seen.has(key)) continue;
				seen.add(key);
				const bucket = list.find((r) => rank >= r.below && rank < r.below + r.n)!;
				targets.push({ g, m, rank, b: bucket.b, k: rank - bucket.below });
			}
		}
	}
	const values = new Map<string, number>(); // `${g}\0${m}\0${rank}` → value
	if (targets.length) {
		// One scan per measure over its wanted buckets: the table is sorted by (measure, bucket),
		// so DuckDB skips the row groups outside them (one scan per bucket costs more at small sizes).
		const reads = QUANTILE_MEASURES.flatMap((_, m) => {
			const buckets = [...new Set(targets.filter((t) => t.m === m).map((t) => t.b))];
			if (!buckets.length) return [];
			const list = buckets.map((b, i) => {
				params[`m${m}b${i}`] = b;
				return `$m${m}b${i}`;
			});
			return [`SELECT m, b, ${group} AS g, v, n FROM kpi_rollup_values WHERE m = ${m} AND b IN (${list.join(', ')}) ${filter}`];
		});
		params.wanted = JSON.stringify(targets.map((t) => ({ g: t.g ?? '', g_null: t.g === null, m: t.m, b: t.b, k: t.k })));
		// Only the (bucket, group) pairs a rank falls in are read: their distinct values counted
		// over the matching cells, then a running count finds the value holding each rank.
		const pick = `WITH wanted AS (SELECT unnest(from_json($wanted, '[{"g":"VARCHAR","g_null":"BOOLEAN","m":"SMALLINT","b":"INTEGER","k":"BIGINT"}]'), recursive := true)),
			bucket_values AS (${reads.join('\nUNION ALL\n')}),
			counted AS (
				SELECT bv.m, bv.b, w.g, w.g_null, bv.v, sum(bv.n) AS n
				FROM bucket_values bv JOIN (SELECT DISTINCT g, g_null, m, b FROM wanted) w
				ON bv.m = w.m AND bv.b = w.b AND coalesce(bv.g, '') = w.g AND (bv.g IS NULL) = w.g_null
				GROUP BY ALL
			),
			running AS (SELECT *, sum(n) OVER (PARTITION BY m, b, g, g_null ORDER BY v ROWS UNBOUNDED PRECEDING) AS upto FROM counted)
			SELECT w.g, w.g_null, w.m, w.b, w.k, r.v FROM wanted w JOIN running r
			ON r.m = w.m AND r.b = w.b AND r.g = w.g AND r.g_null = w.g_null AND w.k >= r.upto - r.n AND w.k < r.upto`;
		const rows = await db.all<{ g: string; g_null: boolean; m: number; b: number; k: number; v: number }>(pick, paramsUsedBy(pick, params));
		const rankOf = new Map(targets.map((t) => [`${t.g}\u0000${t.m}\u0000${t.b}\u0000${t.k}`, t.rank]));
		for (const r of rows) {
			const g = r.g_null ? null : r.g;
			values.set(`${g}\u0000${r.m}\u0000${rankOf.get(`${g}\u0000${r.m}\u0000${r.b}\u0000${r.k}`)}`, r.v);
		}
	}
	const out = new Map<string | null, Record<string, (number | null)[]>>();
	for (const { g, m, total } of totals) {
		const column = QUANTILE_MEASURES[m];
		const list = QUANTILE_COLUMNS.get(column)!.map((quantile) =>
			interpolate(total, quantile, (rank) => values.get(`${g}\u0000${m}\u0000${rank}`)!)
		);
		out.set(g, { ...(out.get(g) ?? {}), [`${column}__q`]: list });
	}
	return out;
}
