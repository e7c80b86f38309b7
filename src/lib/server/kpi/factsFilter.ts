// The WHERE conditions over conversation_facts for a date range and dimension filters: shared
// by the KPI queries and the conversation list, so both select exactly the same rows; and,
// for whole weeks, the same conditions over the weekly rollup tables.
import { DIMENSION_SQL, NO_VALUE, type Dimension } from './dimensions';
import { parseDay, type KpiQuery } from './parseKpiQuery';

const DAY_MS = 86_400_000;

/**
 * Conditions (AND-ed by the caller) for `q`'s from/to and where items; adds the bound values
 * to `params` as $f_from, $f_to, $f0… Values of one dimension are OR-ed; NO_VALUE matches rows
 * where the dimension is unknown (the "(none)" group of a breakdown).
 */
export function factsFilter(
	q: Pick<KpiQuery, 'from' | 'to' | 'where'>,
	params: Record<string, string | number>,
	/** `week`: a table with a week column and no created_at (the rollup); the range must be whole weeks. */
	period: 'created_at' | 'week' = 'created_at'
): string[] {
	const conditions: string[] = [];
	const column = period === 'week' ? 'week' : 'created_at';
	const type = period === 'week' ? 'DATE' : 'TIMESTAMP';
	if (q.from) {
		conditions.push(`${column} >= CAST($f_from AS ${type})`);
		params.f_from = q.from;
	}
	if (q.to) {
		conditions.push(`${column} < CAST($f_to AS ${type})`);
		params.f_to = new Date(parseDay(q.to)! + DAY_MS).toISOString().slice(0, 10);
	}
	const byDim = new Map<Dimension, string[]>();
	for (const f of q.where) byDim.set(f.dim, [...(byDim.get(f.dim) ?? []), f.value]);
	let n = 0;
	for (const [dim, values] of byDim) {
		const terms: string[] = [];
		const named = values
			.filter((v) => v !== NO_VALUE)
			.map((v) => {
				const name = `f${n++}`;
				params[name] = v;
				return `$${name}`;
			});
		if (named.length) terms.push(`${DIMENSION_SQL[dim]} IN (${named.join(', ')})`);
		if (values.includes(NO_VALUE)) terms.push(`${DIMENSION_SQL[dim]} IS NULL`);
		conditions.push(terms.length === 1 ? terms[0] : `(${terms.join(' OR ')})`);
	}
	return conditions;
}
