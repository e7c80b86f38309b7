// Keeps conversation_facts current: recomputes the rows of the conversations an import
// touched, inside that import's transaction, or rebuilds every row. Registered in
// DERIVED_REFRESHERS.
import type { WarehouseConnection } from '../warehouse/WarehouseConnection';
import { editMagnitude } from './editMagnitude';
import { markRollupDirty } from './markRollupDirty';
import { refreshKpiRollup } from './refreshKpiRollup';

const TEMPS = [
	'kpi_touched',
	'kpi_scope',
	'kpi_edited_drafts',
	'kpi_edits',
	'kpi_event_sums',
	'kpi_per',
	'kpi_edit_sums',
	'kpi_base',
	'kpi_next',
	'kpi_new_facts',
	'kpi_kept_grades'
];
const JS_EDIT_CHUNK = 5000;

/**
 * Which rows to recompute. Besides the touched conversations themselves, every conversation
 * of their customers (old and new customer id) is recomputed, because "a new conversation by
 * the same customer after the first solve" (repeat contact, verified containment) is a fact
 * about the OTHER conversations of that customer.
 */
async function buildScope(db: WarehouseConnection, affectedTable: string | null): Promise<Scope> {
	if (affectedTable === null) {
		await db.run(`CREATE OR REPLACE TEMP TABLE kpi_scope AS SELECT source, id FROM conversations`);
		return WHOLE;
	}
	if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(affectedTable)) throw new Error(`bad affected table name ${affectedTable}`);
	await db.run(`CREATE OR REPLACE TEMP TABLE kpi_touched AS SELECT DISTINCT source, id FROM ${affectedTable}`);
	await db.run(`
		CREATE OR REPLACE TEMP TABLE kpi_scope AS
		WITH customers AS (
			SELECT c.source, c.customer_id FROM conversations c
			JOIN kpi_touched t ON t.source = c.source AND t.id = c.id WHERE c.customer_id IS NOT NULL
			UNION
			SELECT f.source, f.customer_id FROM conversation_facts f
			JOIN kpi_touched t ON t.source = f.source AND t.id = f.id WHERE f.customer_id IS NOT NULL
		)
		SELECT source, id FROM kpi_touched
		UNION
		SELECT c.source, c.id FROM conversations c
		JOIN customers k ON k.source = c.source AND k.customer_id = c.customer_id`);
	// The scope is a subset of conversations: as many rows means all of them (a first import).
	const counts = (await db.one<{ scope: number; all: number }>(
		'SELECT (SELECT count(*) FROM kpi_scope) AS scope, (SELECT count(*) FROM conversations) AS all'
	))!;
	return counts.scope === counts.all ? WHOLE : SCOPED;
}

/** How a stage keeps to the scope's rows: `of(alias, idColumn)` is a join clause, or nothing when the scope is every conversation. */
interface Scope {
	of: (alias: string, idColumn: string) => string;
}
const WHOLE: Scope = { of: () => '' };
const SCOPED: Scope = { of: (a, id) => `SEMI JOIN kpi_scope s ON s.source = ${a}.source AND s.id = ${a}.${id}` };

/** Edited drafts' magnitudes: ASCII pairs in SQL (DuckDB's levenshtein counts bytes), the rest in JS. */
async function computeEdits(db: WarehouseConnection, scope: Scope): Promise<void> {
	// Only edited drafts need their texts; copying every event's body would cost gigabytes at 1M.
	await db.run(`CREATE OR REPLACE TEMP TABLE kpi_edited_drafts AS
		SELECT e.source, e.conversation_id AS id, e.body, e.final_body
		FROM events e ${scope.of('e', 'conversation_id')}
		WHERE e.type = 'draft' AND e.review = 'edited' AND e.body IS NOT NULL AND e.final_body IS NOT NULL`);
	await db.run(`
		CREATE OR REPLACE TEMP TABLE kpi_edits AS
		SELECT source, id,
			CASE WHEN greatest(length(body), length(final_body)) = 0 THEN 0.0
			     ELSE levenshtein(body, final_body) / greatest(length(body), length(final_body)) END AS magnitude
		FROM kpi_edited_drafts
		WHERE strlen(body) = length(body) AND strlen(final_body) = length(final_body)`);
	// The texts are read a chunk at a time (at 1M conversations they are tens of thousands of
	// pairs) and only the magnitudes kept; they are inserted once the read is over (a statement
	// on this connection would end the stream).
	const wide = await db.raw.stream(`
		SELECT source, id, body, final_body FROM kpi_edited_drafts
		WHERE NOT (strlen(body) = length(body) AND strlen(final_body) = length(final_body))`);
	const magnitudes: { source: string; id: string; magnitude: number }[] = [];
	for (let chunk = await wide.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await wide.fetchChunk()) {
		for (const [source, id, body, finalBody] of chunk.getRows()) {
			magnitudes.push({ source: String(source), id: String(id), magnitude: editMagnitude(String(body), String(finalBody)) });
		}
	}
	for (let i = 0; i < magnitudes.length; i += JS_EDIT_CHUNK) {
		await db.run(
			`INSERT INTO kpi_edits SELECT unnest(from_json(?, '[{"source":"VARCHAR","id":"VARCHAR","magnitude":"DOUBLE"}]'), recursive := true)`,
			[JSON.stringify(magnitudes.slice(i, i + JS_EDIT_CHUNK))]
		);
	}
}

/**
 * The facts, one temp table per stage: DuckDB plans each small step well, while one big
 * statement with many CTE references made it slow (quadratic-looking) at 100,000 rows.
 * `scope` joins the events with kpi_scope, or reads them all when the scope is every
 * conversation. The events are read once, in one aggregate: what depends on an earlier event (the
 * first reply after the first customer message, a reopen after the first solve, the queues
 * assigned after a hand-off) keeps the few events it needs as short lists, settled per row in
 * the next stage. Joining the events with themselves instead cost a copy of every event and
 * two more hash joins of millions of rows.
 */
const factStages = (scope: Scope): [string, string][] => [
	[
		'kpi_event_sums',
		`
	SELECT e.source, e.conversation_id AS id,
		bool_or(type = 'message' AND author = 'ai') AS ai_involved,
		bool_or((type = 'message' AND author = 'agent') OR (type = 'draft' AND review IN ('sent_as_is', 'edited'))) AS human_involved,
		count(*) FILTER (WHERE type = 'handoff') AS handoffs,
		bool_or(type = 'message' AND author = 'ai' AND answer_type = 'fallback') AS fallback,
		min(seq) FILTER (WHERE type = 'status' AND status IN ('solved', 'closed')) AS first_solve_seq,
		arg_min(occurred_at, seq) FILTER (WHERE type = 'status' AND status IN ('solved', 'closed')) AS first_solve_at,
		min(seq) FILTER (WHERE type = 'message' AND author = 'customer') AS first_customer_seq,
		count(*) FILTER (WHERE type = 'assignment') AS assignments,
		count(*) FILTER (WHERE type = 'draft' AND review = 'sent_as_is') AS drafts_sent_as_is,
		count(*) FILTER (WHERE type = 'draft' AND review = 'edited') AS drafts_edited,
		count(*) FILTER (WHERE type = 'draft' AND review = 'rejected') AS drafts_rejected,
		count(*) FILTER (WHERE type = 'draft' AND review = 'escalated') AS drafts_escalated,
		count(*) FILTER (WHERE type = 'draft' AND review IS NOT NULL) AS drafts_reviewed,
		list({'seq': seq, 'at': occurred_at}) FILTER (WHERE type = 'message' AND author IN ('ai', 'agent')) AS replies,
		list({'seq': seq, 'at': occurred_at}) FILTER (WHERE type = 'status' AND status IN ('open', 'pending', 'new')) AS reopenings,
		list({'seq': seq, 'queue': to_queue}) FILTER (WHERE type = 'handoff') AS handoff_queues,
		list({'seq': seq, 'queue': queue}) FILTER (WHERE type = 'assignment' AND queue IS NOT NULL) AS assigned
	FROM events e ${scope.of('e', 'conversation_id')} GROUP BY ALL`
	],
	// First reply after the first customer message; first reopen after the first solve; a
	// hand-off is accurate when the queues assigned after it are exactly its to_queue.
	[
		'kpi_per',
		`
	SELECT * EXCLUDE (replies, reopenings, handoff_queues, assigned),
		len(list_distinct(list_transform(assigned, a -> a.queue))) AS distinct_queues,
		struct_extract(list_reduce(assigned, (x, y) -> CASE WHEN y.seq > x.seq THEN y ELSE x END), 'queue') AS last_queue,
		list_min(list_transform(list_filter(replies, r -> r.seq > first_customer_seq), r -> r.at)) AS first_response_at,
		list_min(list_transform(list_filter(reopenings, r -> r.seq > first_solve_seq), r -> r.at)) AS first_reopen_at,
		len(list_filter(handoff_queues, h ->
			len(list_distinct(list_transform(list_filter(assigned, a -> a.seq > h.seq), a -> a.queue))) = 1
			AND list_min(list_transform(list_filter(assigned, a -> a.seq > h.seq), a -> a.queue)) = h.queue)) AS accurate_handoffs
	FROM kpi_event_sums`
	],
	[
		'kpi_edit_sums',
		`
	SELECT source, id, sum(magnitude) AS edit_magnitude_sum, count(*) AS edit_magnitude_count FROM kpi_edits GROUP BY ALL`
	],
	[
		'kpi_base',
		`
	SELECT c.source, c.id, c.created_at, date_trunc('week', c.created_at)::DATE AS week, c.channel,
		p.last_queue AS queue, c.language, c.intent, c.customer_tier AS tier,
		-- a blank customer id is no known customer
		nullif(c.customer_id, '') AS customer_id,
		-- A partial history (outcome without events) counts in the KPIs that need no event
		-- history (volume, first response, resolution time, CSAT) and in none of the others:
		-- it is never AI-involved, solved-for-reopens, assigned or handed off here.
		coalesce(p.ai_involved AND c.history IS DISTINCT FROM 'partial', false) AS ai_involved,
		coalesce(p.human_involved, false) AS human_involved,
		CASE WHEN c.history = 'partial' THEN 0 ELSE coalesce(p.handoffs, 0) END::INTEGER AS handoffs,
		coalesce(p.accurate_handoffs, 0)::INTEGER AS accurate_handoffs,
		coalesce(p.fallback, false) AS fallback,
		p.first_solve_at IS NOT NULL AND c.history IS DISTINCT FROM 'partial' AS solved,
		p.first_solve_at,
		p.first_reopen_at IS NOT NULL AND c.history IS DISTINCT FROM 'partial' AS reopened,
		(epoch_ms(p.first_reopen_at) - epoch_ms(p.first_solve_at)) / 1000.0 AS reopen_gap_s,
		CASE WHEN c.history = 'partial' THEN 0 ELSE coalesce(p.assignments, 0) END::INTEGER AS assignments,
		CASE WHEN c.history = 'partial' THEN 0 ELSE coalesce(p.distinct_queues, 0) END::INTEGER AS distinct_queues,
		coalesce(p.drafts_sent_as_is, 0)::INTEGER AS drafts_sent_as_is,
		coalesce(p.drafts_edited, 0)::INTEGER AS drafts_edited,
		coalesce(p.drafts_rejected, 0)::INTEGER AS drafts_rejected,
		coalesce(p.drafts_escalated, 0)::INTEGER AS drafts_escalated,
		coalesce(p.drafts_reviewed, 0)::INTEGER AS drafts_reviewed,
		coalesce(ed.edit_magnitude_sum, 0)::DOUBLE AS edit_magnitude_sum,
		coalesce(ed.edit_magnitude_count, 0)::INTEGER AS edit_magnitude_count,
		(epoch_ms(p.first_response_at) - epoch_ms(c.created_at)) / 1000.0 AS first_response_s,
		(epoch_ms(p.first_solve_at) - epoch_ms(c.created_at)) / 1000.0 AS resolution_s,
		(c.csat_score IS NOT NULL OR c.csat_rating IS NOT NULL) AS csat_rated,
		coalesce(c.csat_rating = 'good', c.csat_score * 5 >= 4 * coalesce(c.csat_scale, 5), false) AS csat_positive,
		-- the solve point a later conversation is measured from; never before the conversation
		-- itself was created, so that it can't count as its own "next contact"
		CASE WHEN nullif(c.customer_id, '') IS NOT NULL AND p.first_solve_at IS NOT NULL
		     THEN greatest(p.first_solve_at, c.created_at) END AS contact_from
	FROM conversations c
	${scope.of('c', 'id')}
	LEFT JOIN kpi_per p ON p.source = c.source AND p.id = c.id
	LEFT JOIN kpi_edit_sums ed ON ed.source = c.source AND ed.id = c.id`
	],
	// The customer's earliest conversation created strictly after the solve point: the
	// customer's conversations and the solve points in one time line; for each solve point the
	// first conversation row after it (equal times sort conversations first: strictly after).
	[
		'kpi_next',
		`
	WITH customers AS (
		SELECT DISTINCT source, customer_id FROM kpi_base WHERE contact_from IS NOT NULL
	), timeline AS (
		SELECT c.source, c.customer_id, c.created_at AS t, 0 AS kind, NULL AS id FROM conversations c
		JOIN customers k ON k.source = c.source AND k.customer_id = c.customer_id
		UNION ALL
		SELECT source, customer_id, contact_from, 1, id FROM kpi_base WHERE contact_from IS NOT NULL
	), probed AS (
		SELECT source, id, kind,
			min(CASE WHEN kind = 0 THEN t END) OVER (PARTITION BY source, customer_id ORDER BY t, kind
				ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING) AS next_contact_at
		FROM timeline
	)
	SELECT source, id, next_contact_at FROM probed WHERE kind = 1`
	],
	[
		'kpi_new_facts',
		`
	SELECT b.source, b.id, b.created_at, b.week, b.channel, b.queue, b.language, b.intent, b.tier, b.customer_id,
		b.ai_involved, b.human_involved, b.handoffs, b.accurate_handoffs, NULL::INTEGER AS handoffs_qualified,
		b.fallback, b.solved, b.first_solve_at, b.reopened, b.reopen_gap_s,
		(epoch_ms(n.next_contact_at) - epoch_ms(b.first_solve_at)) / 1000.0 AS next_contact_gap_s,
		(b.ai_involved AND b.solved AND b.handoffs = 0 AND NOT b.human_involved) AS contained,
		b.assignments, b.distinct_queues, b.drafts_sent_as_is, b.drafts_edited, b.drafts_rejected, b.drafts_escalated,
		b.drafts_reviewed, b.edit_magnitude_sum, b.edit_magnitude_count, b.first_response_s, b.resolution_s,
		b.csat_rated, b.csat_positive
	FROM kpi_base b LEFT JOIN kpi_next n ON n.source = b.source AND n.id = b.id
	ORDER BY b.created_at`
	]
];

/**
 * Recomputes conversation_facts for the conversations in `affectedTable` (columns source, id)
 * and every other conversation of their customers; `null` rebuilds the whole table. A
 * grader's handoffs_qualified survives for conversations whose content did not change.
 */
export async function refreshConversationFacts(db: WarehouseConnection, affectedTable: string | null): Promise<void> {
	try {
		const scope = await buildScope(db, affectedTable);
		await computeEdits(db, scope);
		for (const [name, sql] of factStages(scope)) await db.run(`CREATE OR REPLACE TEMP TABLE ${name} AS ${sql}`);
		// Grades of unchanged conversations (in scope only through their customer) are kept.
		await db.run(`CREATE OR REPLACE TEMP TABLE kpi_kept_grades AS
			SELECT f.source, f.id, f.handoffs_qualified FROM conversation_facts f
			JOIN kpi_scope s ON s.source = f.source AND s.id = f.id
			WHERE f.handoffs_qualified IS NOT NULL
			${affectedTable === null ? '' : 'AND NOT EXISTS (SELECT 1 FROM kpi_touched t WHERE t.source = f.source AND t.id = f.id)'}`);
		// The weeks of the rows replaced, and below of their new versions, leave the rollup.
		if (affectedTable === null) await markRollupDirty(db, 'true');
		else
			await markRollupDirty(
				db,
				'EXISTS (SELECT 1 FROM kpi_scope s WHERE s.source = conversation_facts.source AND s.id = conversation_facts.id)'
			);
		if (affectedTable === null) await db.run('DELETE FROM conversation_facts');
		else
			await db.run(
				`DELETE FROM conversation_facts USING kpi_scope s WHERE conversation_facts.source = s.source AND conversation_facts.id = s.id`
			);
		await db.run(`INSERT INTO conversation_facts SELECT n.* REPLACE (g.handoffs_qualified AS handoffs_qualified)
			FROM kpi_new_facts n LEFT JOIN kpi_kept_grades g ON g.source = n.source AND g.id = n.id`);
		await markRollupDirty(db, 'true', undefined, 'kpi_new_facts');
	} finally {
		for (const t of TEMPS) await db.run(`DROP TABLE IF EXISTS ${t}`).catch(() => {});
	}
}

/** Rebuilds every row and the weekly rollup (after a migration, or for the bench), in one transaction. */
export async function rebuildConversationFacts(db: WarehouseConnection): Promise<void> {
	await db.transaction(async (tx) => {
		await refreshConversationFacts(tx, null);
		await refreshKpiRollup(tx, true);
	});
}
