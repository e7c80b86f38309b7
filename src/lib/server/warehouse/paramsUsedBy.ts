// Named-parameter hygiene for statements built from optional parts.

/** Only the $names a statement uses: DuckDB rejects a named parameter the SQL never mentions. */
export function paramsUsedBy(sql: string, params: Record<string, string | number>): Record<string, string | number> {
	return Object.fromEntries(Object.entries(params).filter(([name]) => new RegExp(`\\$${name}\\b`).test(sql)));
}
