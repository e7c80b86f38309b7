// Where each vendor sync left off: the cursors and start times the next run asks the vendor's
// API from, written in the same transaction as the import that loaded what was fetched. No
// credentials are ever stored here, only positions in the vendor's change feeds.
export default {
	version: 50,
	name: 'sync_state',
	sql: `
CREATE TABLE sync_state (
	source VARCHAR NOT NULL PRIMARY KEY,   -- zendesk | intercom | freshdesk | helpscout
	cursor JSON NOT NULL,                  -- per stream: {"tickets": {"cursor": "…"}, "articles": {"since": "…"}, …}
	synced_at TIMESTAMP NOT NULL,          -- when the last successful sync finished
	import_run_id BIGINT                   -- the import run that loaded it (NULL when nothing changed)
);
`
};
