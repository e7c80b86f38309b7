// Fills a warehouse with N synthetic conversations and their events straight from DuckDB SQL
// (generate_series), for benches at sizes the import pipeline would take minutes to load.
// Shapes cover every KPI path: contained, fallback + hand-off, reroutes, drafts of each
// review, reopens, repeat contacts (about three conversations per customer), CSAT.
import type { WarehouseConnection } from '../../src/lib/server/warehouse';

const CHANNELS = ['chat', 'email', 'in_app', 'web_form', 'social', 'voice', 'sms', 'api', 'other'];
const LANGUAGES = ['en', 'de', 'es', 'fr'];
const INTENTS = ['billing', 'shipping', 'account', 'refund', 'bug', 'how_to', 'cancel', 'pricing', 'security', 'other'];
const TIERS = ['free', 'standard', 'vip'];
const QUEUES = ['billing', 'tech', 'sales', 'returns', 'accounts', 'general'];

const list = (values: string[]) => `[${values.map((v) => `'${v}'`).join(', ')}]`;

/** Inserts conversations b0..b{n-1} (source 'bench') created evenly over `weeks` weeks ending `end`. */
export async function fillSyntheticWarehouse(db: WarehouseConnection, n: number, weeks: number, end = '2026-11-23'): Promise<void> {
	const span = weeks * 7 * 86400;
	await db.run(
		`CREATE OR REPLACE TEMP TABLE bench_conv AS
		 SELECT i, hash(i) AS h, (hash(i) % 5)::INTEGER AS pattern,
			CAST($end AS TIMESTAMP) - to_seconds($span) + to_seconds((i * $span // $n) + (hash(i * 7) % 600)::BIGINT) AS created_at
		 FROM generate_series(0, $n - 1) g(i)`,
		{ n, span, end }
	);
	await db.run(`
		INSERT INTO conversations (source, id, channel, created_at, updated_at, language, language_detected, intent,
			customer_id, customer_tier, csat_score, csat_scale, csat_rating, content_hash, import_run_id)
		SELECT 'bench', 'b' || i,
			${list(CHANNELS)}[1 + (h % ${CHANNELS.length})::INTEGER],
			created_at, NULL,
			${list(LANGUAGES)}[1 + ((h // 7) % ${LANGUAGES.length})::INTEGER], false,
			${list(INTENTS)}[1 + ((h // 31) % ${INTENTS.length})::INTEGER],
			CASE WHEN i % 10 = 0 THEN NULL ELSE 'k' || (hash(i * 13) % greatest(1, ${n} // 3)) END,
			${list(TIERS)}[1 + ((h // 101) % ${TIERS.length})::INTEGER],
			CASE WHEN (h // 11) % 4 = 0 THEN 1 + (h // 13) % 5 END,
			CASE WHEN (h // 11) % 4 = 0 THEN 5 END,
			CASE WHEN (h // 11) % 4 = 1 AND (h // 17) % 3 = 0 THEN CASE WHEN (h // 19) % 2 = 0 THEN 'good' ELSE 'bad' END END,
			'bench', 0
		FROM bench_conv`);
	// One row per (conversation, step); each pattern keeps the steps it needs.
	const q = (k: number) => `${list(QUEUES)}[1 + ((h // ${k}) % ${QUEUES.length})::INTEGER]`;
	await db.run(`
		INSERT INTO events (source, conversation_id, seq, id, occurred_at, type, author, body, agent_id, answer_type,
			to_queue, queue, final_body, review, status)
		WITH steps AS (
			SELECT c.*, s.step FROM bench_conv c, generate_series(0, 7) s(step)
		), shaped AS (
			SELECT i, h, created_at, step, pattern,
				CASE pattern
					-- 0 contained: customer, ai answered, solved
					WHEN 0 THEN [ 'message:customer', 'message:ai:answered', 'status:solved' ][step + 1]
					-- 1 ai falls back, hands off, queue takes it, agent answers, solved
					WHEN 1 THEN [ 'message:customer', 'message:ai:fallback', 'handoff', 'assignment:1', 'message:agent', 'status:solved' ][step + 1]
					-- 2 human with an AI draft; sometimes reopened
					WHEN 2 THEN [ 'message:customer', 'assignment:1', 'draft', 'message:agent', 'status:solved', 'status:open', 'status:solved' ][step + 1]
					-- 3 hand-off, then rerouted
					WHEN 3 THEN [ 'message:customer', 'message:ai:answered', 'handoff', 'assignment:1', 'assignment:2', 'message:agent', 'status:closed' ][step + 1]
					-- 4 ai clarifies, left pending
					ELSE [ 'message:customer', 'message:ai:clarifying', 'status:pending' ][step + 1]
				END AS kind
			FROM steps
		)
		SELECT 'bench', 'b' || i, step, 'e' || step,
			created_at + to_seconds(step * (30 + (h // 23) % 3600)),
			split_part(kind, ':', 1),
			CASE WHEN kind LIKE 'message:%' THEN split_part(kind, ':', 2) WHEN kind IN ('handoff', 'draft') THEN 'ai' END,
			CASE WHEN kind LIKE 'message:%' THEN 'Where is my order?' WHEN kind = 'draft' THEN 'Your refund was sent today.' END,
			NULL,
			CASE WHEN kind LIKE 'message:ai:%' THEN split_part(kind, ':', 3) END,
			CASE WHEN kind = 'handoff' THEN ${q(37)} END,
			CASE WHEN kind = 'assignment:1' THEN ${q(37)} WHEN kind = 'assignment:2' THEN ${q(41)} END,
			CASE WHEN kind = 'draft' THEN 'Your refund was sent on Monday.' END,
			CASE WHEN kind = 'draft' THEN ['sent_as_is', 'edited', 'rejected', 'escalated', 'edited'][1 + ((h // 43) % 5)::INTEGER] END,
			CASE WHEN kind LIKE 'status:%' THEN split_part(kind, ':', 2) END
		FROM shaped
		WHERE kind IS NOT NULL AND NOT (pattern = 2 AND step >= 5 AND (h // 47) % 4 <> 0)`);
	await db.run('DROP TABLE IF EXISTS bench_conv');
}
