// Partial histories and satisfaction ratings that arrive apart from their conversations.
// `conversations.history` is 'partial' when the source held a conversation's outcome (times,
// status, CSAT) but not its event history; NULL means full. `csat_ratings` keeps every rating
// record an import met (a Zendesk or Freshdesk satisfaction_ratings page, a Help Scout rating)
// so that a rating is applied to its conversation whichever of the two is imported first.
export default {
	version: 5,
	name: 'partial_history_and_ratings',
	sql: `
ALTER TABLE conversations ADD COLUMN history VARCHAR;

CREATE TABLE csat_ratings (
	source VARCHAR NOT NULL,
	conversation_id VARCHAR NOT NULL,   -- the conversation's id within its source
	rated_at TIMESTAMP,                 -- the newest rating per conversation wins
	csat_score DOUBLE,
	csat_scale DOUBLE,
	csat_rating VARCHAR,
	csat_comment VARCHAR,
	import_run_id BIGINT
);
`
};
