// Gap miner tables: the embedding cache, mining runs, the latest run's questions, the gap
// list (kept across runs: stable ids carry status, owner and note), and reroute flows.
export default {
	version: 30,
	name: 'gaps',
	sql: `
CREATE TABLE gap_embeddings (
	text_hash VARCHAR NOT NULL,          -- sha1 of the embedded text
	model VARCHAR NOT NULL,              -- Embedder.model: id, dtype or fitted vocabulary
	vector BLOB NOT NULL                 -- Float32Array bytes, little-endian, unit length
);

CREATE SEQUENCE gap_run_ids START 1;
CREATE SEQUENCE gap_ids START 1;

CREATE TABLE gap_runs (
	id BIGINT NOT NULL,
	started_at TIMESTAMP NOT NULL,
	finished_at TIMESTAMP,
	embedder VARCHAR NOT NULL,           -- lexical | transformers
	model VARCHAR NOT NULL,
	message VARCHAR NOT NULL,            -- which embedder and why
	questions BIGINT NOT NULL DEFAULT 0,
	clusters BIGINT NOT NULL DEFAULT 0,
	outliers BIGINT NOT NULL DEFAULT 0,
	embedded BIGINT NOT NULL DEFAULT 0,  -- texts embedded this run (not found in the cache)
	settings VARCHAR NOT NULL            -- JSON of the settings used
);

CREATE TABLE gap_questions (
	run_id BIGINT NOT NULL,
	source VARCHAR NOT NULL,
	conversation_id VARCHAR NOT NULL,
	event_id VARCHAR NOT NULL,
	text VARCHAR NOT NULL,
	asked_at TIMESTAMP NOT NULL,
	week DATE NOT NULL,                  -- ISO week (Monday) of the conversation's created_at
	channel VARCHAR NOT NULL,
	language VARCHAR,
	reasons VARCHAR[] NOT NULL,          -- fallback | low_confidence | handed_off | reopened | repeat_contact
	gap_id BIGINT,                       -- NULL: an outlier
	similarity DOUBLE                    -- to the gap's centroid
);

CREATE TABLE gaps (
	id BIGINT NOT NULL,
	active BOOLEAN NOT NULL,             -- found by the latest run
	title VARCHAR NOT NULL,              -- the most central question
	terms VARCHAR[] NOT NULL,            -- class-based TF-IDF terms
	size BIGINT NOT NULL,                -- questions
	conversations BIGINT NOT NULL,
	share DOUBLE NOT NULL,               -- of all questions in the run
	weekly VARCHAR NOT NULL,             -- JSON [{week, questions}]
	channels VARCHAR NOT NULL,           -- JSON {channel: questions}
	languages VARCHAR NOT NULL,
	reasons VARCHAR NOT NULL,
	examples VARCHAR NOT NULL,           -- JSON [{source, conversation_id, event_id, text, similarity}]
	coverage VARCHAR NOT NULL,           -- missing | weak | covered
	nearest_article_id VARCHAR,
	nearest_article_title VARCHAR,
	article_similarity DOUBLE,
	ai_answered_share DOUBLE,            -- of AI-involved conversations on this topic, answered confidently
	reopen_rate DOUBLE NOT NULL,
	escalation_rate DOUBLE NOT NULL,
	low_csat_rate DOUBLE NOT NULL,
	impact DOUBLE NOT NULL,
	centroid BLOB NOT NULL,
	model VARCHAR NOT NULL,
	x DOUBLE,                            -- 2-D map position (PCA of centroids)
	y DOUBLE,
	status VARCHAR NOT NULL DEFAULT 'new',   -- new | triaged | in_progress | resolved | dismissed
	owner VARCHAR,
	note VARCHAR,
	status_changed_at TIMESTAMP,
	resolved_at TIMESTAMP,
	first_run_id BIGINT NOT NULL,
	last_run_id BIGINT NOT NULL
);

CREATE TABLE reroute_flows (
	run_id BIGINT NOT NULL,
	from_queue VARCHAR NOT NULL,
	to_queue VARCHAR NOT NULL,
	conversations BIGINT NOT NULL,
	topics VARCHAR NOT NULL              -- JSON [{label, conversations, example}]
);
`
};
