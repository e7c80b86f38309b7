// KPI facts: one narrow row per conversation with every per-conversation flag and measure the
// KPIs of DESIGN.md need, so a KPI query reads this table instead of rescanning events.
// Filled and kept current by src/lib/server/kpi/refreshConversationFacts.ts.
export default {
	version: 10,
	name: 'conversation_facts',
	sql: `
CREATE TABLE conversation_facts (
	source VARCHAR NOT NULL,
	id VARCHAR NOT NULL,
	created_at TIMESTAMP NOT NULL,      -- UTC; periods and --from/--to use it
	week DATE NOT NULL,                 -- Monday of created_at's ISO week
	channel VARCHAR NOT NULL,
	queue VARCHAR,                      -- last assigned queue
	language VARCHAR,
	intent VARCHAR,
	tier VARCHAR,                       -- customer.tier
	customer_id VARCHAR,
	ai_involved BOOLEAN NOT NULL,       -- >=1 message by ai
	human_involved BOOLEAN NOT NULL,    -- >=1 message by agent, or a draft sent_as_is / edited
	handoffs INTEGER NOT NULL,
	accurate_handoffs INTEGER NOT NULL, -- hand-offs whose to_queue is the only queue assigned afterwards
	handoffs_qualified INTEGER,         -- hand-offs with a complete note; NULL until the grader fills it
	fallback BOOLEAN NOT NULL,          -- >=1 ai message with answer_type fallback
	solved BOOLEAN NOT NULL,            -- ever solved or closed
	first_solve_at TIMESTAMP,
	reopened BOOLEAN NOT NULL,          -- open/pending/new after a solved or closed status
	reopen_gap_s DOUBLE,                -- first reopen after the first solve, seconds after that solve
	next_contact_gap_s DOUBLE,          -- next conversation of the same (source, customer_id), seconds after the first solve
	contained BOOLEAN NOT NULL,         -- ai_involved, solved, no hand-off, not human_involved
	assignments INTEGER NOT NULL,
	distinct_queues INTEGER NOT NULL,
	drafts_sent_as_is INTEGER NOT NULL,
	drafts_edited INTEGER NOT NULL,
	drafts_rejected INTEGER NOT NULL,
	drafts_escalated INTEGER NOT NULL,
	drafts_reviewed INTEGER NOT NULL,
	edit_magnitude_sum DOUBLE NOT NULL, -- sum over edited drafts with a final_body of distance / longer length
	edit_magnitude_count INTEGER NOT NULL,
	first_response_s DOUBLE,            -- first ai/agent message after the first customer message, minus created_at
	resolution_s DOUBLE,                -- first solved/closed minus created_at
	csat_rated BOOLEAN NOT NULL,
	csat_positive BOOLEAN NOT NULL
);
`
};
