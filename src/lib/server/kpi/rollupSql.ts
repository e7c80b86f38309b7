// The weekly KPI rollup's SQL, derived from the KPI definitions (pure: no I/O). Three tables,
// rebuilt per changed week by refreshKpiRollup and read by queryRollupKpis:
// - kpi_rollup: every KPI aggregate (KPI_AGGREGATES) summed per (week × channel × queue ×
//   language × intent × tier) cell, and again per cell of every combination of at most
//   MAX_SMALL_DIMS dimensions (grouping sets, told apart by `gs`), so that the common queries
//   add up a few hundred rows, not every cell. Every aggregate is a sum, so any whole-week
//   range and any filter or breakdown is a sum of cells, exactly.
// - kpi_rollup_values: each quantile column's distinct values per cell, with how many times each
//   occurs, sorted by (measure, bucket) so that reading one value bucket skips the rest of the
//   table. Buckets are a fixed, monotone split of the value axis (16 per doubling), the same for
//   every week.
// - kpi_rollup_hist: how many values each (week × bucket) holds, per cell of every combination
//   of at most MAX_SMALL_DIMS dimensions (grouping sets). A query finds from it in which
//   bucket each needed rank lies, then reads only that bucket's counted values: exact order
//   statistics without sorting every value. Queries over more dimensions take their
//   quantiles from conversation_facts.
import { createHash } from 'node:crypto';
import { DIMENSIONS, type Dimension } from './dimensions';
import { KPI_AGGREGATES, QUANTILE_COLUMNS } from './kpiAggregates';
import { DEFAULT_KPI_SETTINGS, resolveKpiSettings, settingsParams, type KpiSettings } from './kpiSettings';
import { parseDay, type KpiQuery } from './parseKpiQuery';

/** The dimensions a rollup cell is keyed by besides its week. */
export const CELL_DIMS = DIMENSIONS.filter((d) => d !== 'week') as Exclude<Dimension, 'week'>[];
export type CellDim = (typeof CELL_DIMS)[number];
/** The small grouping sets have at most this many cell dimensions (besides the week). */
export const MAX_SMALL_DIMS = 2;
/** The measured columns, indexed by their position (the `m` column of the value tables). */
export const QUANTILE_MEASURES = [...QUANTILE_COLUMNS.keys()];
export const ROLLUP_TABLES = ['kpi_rollup', 'kpi_rollup_values', 'kpi_rollup_hist'] as const;

const BUCKETS_PER_DOUBLING = 16;
const LINEAR_UNTIL = 8; // 2^3: below it, buckets 1 wide
const TOP_DOUBLING = 40; // 2^41 s: nothing measured in seconds lasts longer
const offset = (k: number) => LINEAR_UNTIL + (k - 3) * BUCKETS_PER_DOUBLING;

/**
 * The value bucket of `v`: -1 below 0, 1 wide up to 8, then 16 equal buckets per doubling.
 * Built from subtraction of a power of two (exact in its range) and division by a power of
 * two, so it never decreases as `v` grows: every value of a lower bucket is below every value
 * of a higher one, which the rank search needs.
 */
export function bucketSql(v: string): string {
	const arms = [`WHEN ${v} < 0 THEN -1`, `WHEN ${v} < ${LINEAR_UNTIL} THEN floor(${v})`];
	for (let k = 3; k <= TOP_DOUBLING; k++) {
		const lo = 2 ** k;
		arms.push(`WHEN ${v} < ${2 * lo} THEN ${offset(k)} + floor((${v} - ${lo}) / ${lo / BUCKETS_PER_DOUBLING})`);
	}
	return `(CASE ${arms.join(' ')} ELSE ${offset(TOP_DOUBLING + 1)} END)::INTEGER`;
}

/** The same bucket computed in JS (tests compare the two). */
export function bucketOf(v: number): number {
	if (v < 0) return -1;
	if (v < LINEAR_UNTIL) return Math.floor(v) + 0; // -0 is bucket 0, as in SQL
	for (let k = 3; k <= TOP_DOUBLING; k++) {
		const lo = 2 ** k;
		if (v < 2 * lo) return offset(k) + Math.floor((v - lo) / (lo / BUCKETS_PER_DOUBLING));
	}
	return offset(TOP_DOUBLING + 1);
}

/** GROUPING_ID(channel, queue, language, intent, tier) of the grouping set keyed by `dims`. */
export function groupingId(dims: readonly CellDim[]): number {
	let id = 0;
	CELL_DIMS.forEach((d, i) => {
		if (!dims.includes(d)) id |= 1 << (CELL_DIMS.length - 1 - i);
	});
	return id;
}

/** Every set of at most MAX_SMALL_DIMS cell dimensions, each in CELL_DIMS order. */
export function smallDimSets(): CellDim[][] {
	const sets: CellDim[][] = [[]];
	for (const set of sets) {
		if (set.length === MAX_SMALL_DIMS) continue;
		const after = set.length ? CELL_DIMS.indexOf(set[set.length - 1]) + 1 : 0;
		for (const d of CELL_DIMS.slice(after)) sets.push([...set, d]);
	}
	return sets;
}

const CELL = `week, ${CELL_DIMS.join(', ')}`;

export type RollupTable = (typeof ROLLUP_TABLES)[number];

/**
 * How to fill the rollup for the facts of `weeks` (a table with a week column), or of every
 * week: SELECTs run in this order, each appending to its table. The small grouping sets of
 * kpi_rollup add up its full cells (a tenth of the facts' rows at 1M, and exact: every cell is
 * a sum); the histogram adds up kpi_rollup_values' counts.
 */
export function rollupSteps(weeks: string | null): { table: RollupTable; select: string }[] {
	const inWeeks = weeks ? `week IN (SELECT week FROM ${weeks})` : 'true';
	const gs = `GROUPING_ID(${CELL_DIMS.join(', ')})::SMALLINT AS gs`;
	const type = (a: (typeof KPI_AGGREGATES)[number]) => (a.fractional ? 'DECIMAL(38, 24)' : 'BIGINT');
	const smallSets = (lead: string[]) => smallDimSets().map((s) => `(${[...lead, ...s].join(', ')})`);
	return [
		{
			table: 'kpi_rollup',
			// Integer cells as BIGINT: DuckDB sums BIGINT many times faster than the HUGEINT its sum() yields.
			select: `SELECT 0::SMALLINT AS gs, ${CELL}, ${KPI_AGGREGATES.map((a) => `(${a.sql})::${type(a)} AS ${a.alias}`).join(', ')}
				FROM conversation_facts WHERE ${inWeeks} GROUP BY ${CELL}`
		},
		{
			table: 'kpi_rollup',
			select: `SELECT ${gs}, ${CELL}, ${KPI_AGGREGATES.map((a) => `sum(${a.alias})::${type(a)} AS ${a.alias}`).join(', ')}
				FROM kpi_rollup WHERE gs = 0 AND ${inWeeks} GROUP BY GROUPING SETS (${smallSets(['week']).join(', ')}) ORDER BY gs`
		},
		{
			table: 'kpi_rollup_values',
			// Equal values of a cell share one row with their count: measured in whole seconds, many
			// values repeat (an auto-close a day after the last reply puts a sixth of all resolution
			// times in one bucket, on a few hundred values), and a rank is then found by a running
			// count over the distinct values, not by sorting every one.
			select: `SELECT m, b, v, ${CELL}, count(*)::BIGINT AS n FROM (${QUANTILE_MEASURES.map(
				(column, m) => `SELECT ${m}::SMALLINT AS m, ${bucketSql(column)} AS b, ${column} AS v, ${CELL}
				FROM conversation_facts WHERE ${inWeeks} AND ${column} IS NOT NULL`
			).join('\nUNION ALL\n')}) GROUP BY ALL ORDER BY m, b, v`
		},
		{
			table: 'kpi_rollup_hist',
			select: `SELECT ${gs}, m, ${CELL}, b, sum(n)::BIGINT AS n
				FROM kpi_rollup_values WHERE ${inWeeks} GROUP BY GROUPING SETS (${smallSets(['m', 'week', 'b']).join(', ')}) ORDER BY gs, m, b`
		}
	];
}

/** The settings the rollup is computed with: the defaults (other windows read the fact table). */
export const ROLLUP_PARAMS = settingsParams(DEFAULT_KPI_SETTINGS);

/** Changes whenever the rollup's SQL does (a KPI added or redefined): a stale rollup is rebuilt, never read. */
export const ROLLUP_SIGNATURE = createHash('sha256')
	.update(JSON.stringify([rollupSteps(null), ROLLUP_PARAMS]))
	.digest('hex')
	.slice(0, 16);

const weekday = (day: string) => new Date(parseDay(day)!).getUTCDay();

/** How the rollup answers a query: from which grouping set (`gs`), and whether its quantiles too. */
export interface RollupCoverage {
	gs: number;
	quantiles: boolean;
}

/**
 * What of `q` the rollup can answer: nothing (null) unless the settings are the defaults and
 * the range is whole ISO weeks (from a Monday, to a Sunday, or open). Queries whose filters and
 * breakdown touch at most MAX_SMALL_DIMS cell dimensions read that small grouping set, with
 * quantiles; others the full cells, and their quantiles from conversation_facts.
 */
export function rollupCoverage(q: KpiQuery, settings: Partial<KpiSettings> = {}): RollupCoverage | null {
	const none = null;
	const s = resolveKpiSettings(settings);
	if ((Object.keys(DEFAULT_KPI_SETTINGS) as (keyof KpiSettings)[]).some((k) => s[k] !== DEFAULT_KPI_SETTINGS[k])) return none;
	if (q.from && weekday(q.from) !== 1) return none;
	if (q.to && weekday(q.to) !== 0) return none;
	const dims = new Set<CellDim>();
	for (const f of q.where) if (f.dim !== 'week') dims.add(f.dim);
	if (q.by && q.by !== 'week') dims.add(q.by);
	return dims.size <= MAX_SMALL_DIMS ? { gs: groupingId([...dims]), quantiles: true } : { gs: groupingId(CELL_DIMS), quantiles: false };
}
