// Import runs are recorded when they start: a run is 'running' until it ends 'done' or
// 'failed' (with the reason), so an import cut short by a crash still shows in the history.
// `pid` tells a leftover from a run still going; `job_id` ties a run to the upload it came from.
// Quarantined records keep only the start of their raw text; `raw_bytes` is its full length.
export default {
	version: 2,
	name: 'import_run_status',
	sql: `
ALTER TABLE import_runs ALTER COLUMN finished_at DROP NOT NULL;
ALTER TABLE import_runs ADD COLUMN status VARCHAR DEFAULT 'done';
ALTER TABLE import_runs ADD COLUMN error VARCHAR;
ALTER TABLE import_runs ADD COLUMN pid INTEGER;
ALTER TABLE import_runs ADD COLUMN job_id VARCHAR;
ALTER TABLE quarantine ADD COLUMN raw_bytes BIGINT;
`
};
