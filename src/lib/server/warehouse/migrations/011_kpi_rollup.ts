// The weekly KPI rollup's bookkeeping. The rollup tables themselves (kpi_rollup,
// kpi_rollup_values, kpi_rollup_hist) take their columns from the KPI definitions, so the KPI
// part creates them (src/lib/server/kpi/refreshKpiRollup.ts); these two say whether they may be
// read: the signature of the definitions that built them, and the weeks whose facts changed
// since (a query touching such a week reads conversation_facts instead).
export default {
	version: 11,
	name: 'kpi_rollup',
	sql: `
CREATE TABLE kpi_rollup_state (
	signature VARCHAR NOT NULL,          -- of the rollup SQL that built the tables
	appended_batches INTEGER NOT NULL    -- week refreshes appended since the last full, sorted build
);
CREATE TABLE kpi_rollup_dirty (
	week DATE NOT NULL                   -- Monday of a week whose facts changed; duplicates allowed
);
`
};
