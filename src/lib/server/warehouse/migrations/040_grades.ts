// Grades of AI drafts, AI replies and hand-offs (DESIGN.md "Grading"), one row per graded
// event and grader, plus one row per grading run with its token and cost tally. The grade
// cache is this table: same input_hash, rubric_version, grader and model, no error = done.
export default {
	version: 40,
	name: 'grades',
	sql: `
CREATE TABLE grades (
	source VARCHAR NOT NULL,
	conversation_id VARCHAR NOT NULL,
	event_id VARCHAR NOT NULL,
	kind VARCHAR NOT NULL,              -- draft | reply | handoff
	grader VARCHAR NOT NULL,            -- rules | llm
	model VARCHAR,                      -- NULL for the rules grader
	rubric_version VARCHAR NOT NULL,
	input_hash VARCHAR NOT NULL,
	score DOUBLE,                       -- 0..100; NULL when grading failed or nothing was judged
	criteria JSON,                      -- {<criterion>: {verdict, reason}}; {} on error
	error VARCHAR,                      -- why grading failed (never recorded as a pass)
	graded_at TIMESTAMP NOT NULL,
	event_at TIMESTAMP,                 -- when the graded draft/reply/hand-off happened (weekly review)
	prompt_tokens INTEGER,
	completion_tokens INTEGER,
	grading_run_id BIGINT
);

CREATE SEQUENCE grading_run_ids START 1;

CREATE TABLE grading_runs (
	id BIGINT NOT NULL,
	started_at TIMESTAMP NOT NULL,
	finished_at TIMESTAMP,
	grader VARCHAR NOT NULL,
	model VARCHAR,
	rubric_version VARCHAR NOT NULL,
	graded BIGINT NOT NULL DEFAULT 0,
	cached BIGINT NOT NULL DEFAULT 0,
	errors BIGINT NOT NULL DEFAULT 0,
	prompt_tokens BIGINT NOT NULL DEFAULT 0,
	completion_tokens BIGINT NOT NULL DEFAULT 0,
	cost_usd DOUBLE NOT NULL DEFAULT 0,
	stopped_by_budget BOOLEAN NOT NULL DEFAULT false
);
`
};
