// Core tables: conversations, their events, KB articles, import runs and quarantined records.
// No PRIMARY KEY constraints: the import merge keeps (source, id) unique itself, and DuckDB's
// ART indexes make bulk loads and delete+insert in one transaction slow and fragile.
export default {
	version: 1,
	name: 'core',
	sql: `
CREATE TABLE conversations (
	source VARCHAR NOT NULL,
	id VARCHAR NOT NULL,
	channel VARCHAR NOT NULL,
	created_at TIMESTAMP NOT NULL,      -- UTC
	updated_at TIMESTAMP,
	subject VARCHAR,
	language VARCHAR,                   -- as given, or detected when absent
	language_detected BOOLEAN NOT NULL DEFAULT false,
	intent VARCHAR,
	priority VARCHAR,
	tags VARCHAR[],
	customer_id VARCHAR,
	customer_tier VARCHAR,
	customer_plan VARCHAR,
	csat_score DOUBLE,
	csat_scale DOUBLE,
	csat_rating VARCHAR,                -- 'good' | 'bad' when the source rates that way
	csat_comment VARCHAR,
	content_hash VARCHAR NOT NULL,      -- sha1 of the canonical JSON: identical re-imports change nothing
	import_run_id BIGINT
);

CREATE TABLE events (
	source VARCHAR NOT NULL,
	conversation_id VARCHAR NOT NULL,
	seq INTEGER NOT NULL,               -- position in the conversation's time order, from 0
	id VARCHAR NOT NULL,
	occurred_at TIMESTAMP NOT NULL,   -- the event's 'at', UTC
	type VARCHAR NOT NULL,              -- message | handoff | assignment | draft | note | status
	author VARCHAR,
	body VARCHAR,
	agent_id VARCHAR,
	answer_type VARCHAR,
	confidence DOUBLE,
	kb_article_ids VARCHAR[],
	to_queue VARCHAR,
	reason VARCHAR,
	note VARCHAR,
	customer_message VARCHAR,
	queue VARCHAR,
	final_body VARCHAR,
	review VARCHAR,
	status VARCHAR
);

CREATE TABLE kb_articles (
	id VARCHAR NOT NULL,
	title VARCHAR NOT NULL,
	body VARCHAR NOT NULL,
	url VARCHAR,
	locale VARCHAR,
	updated_at TIMESTAMP,
	content_hash VARCHAR NOT NULL,
	import_run_id BIGINT
);

CREATE SEQUENCE import_run_ids START 1;

CREATE TABLE import_runs (
	id BIGINT NOT NULL,
	started_at TIMESTAMP NOT NULL,
	finished_at TIMESTAMP NOT NULL,
	origin VARCHAR NOT NULL,            -- 'cli' | 'upload' | 'demo'
	files VARCHAR[] NOT NULL,
	formats VARCHAR[] NOT NULL,
	loaded BIGINT NOT NULL,             -- new conversations + KB articles
	updated BIGINT NOT NULL,
	unchanged BIGINT NOT NULL,
	quarantined BIGINT NOT NULL
);

CREATE TABLE quarantine (
	import_run_id BIGINT NOT NULL,
	file VARCHAR NOT NULL,
	line BIGINT,
	record VARCHAR,
	reason VARCHAR NOT NULL,
	raw VARCHAR,                        -- the offending text, cut to 2,000 characters
	raw_hash VARCHAR NOT NULL           -- (file, line, raw_hash) keeps re-imports from piling up copies
);
`
};
