// Bench part of section `kpi`: p95 latency of the query functions behind three pages, uncached
// (no page cache; DuckDB's buffers warm after two warm-ups), on the kpi section's synthetic
// warehouse: the conversation list opened from a KPI (reopen rate's numerator, 12 weeks), the
// gap list page (its run, filter choices and list; and the list filtered by channel and
// language) over synthetic gaps, and the weekly review of the latest week.
import { listConversations } from '../../src/lib/server/conversations/listConversations';
import { parseConversationListRequest } from '../../src/lib/server/conversations/parseConversationFilter';
import { gapFilterOptions, latestGapRun, listGaps } from '../../src/lib/server/gaps';
import { latestWeek, loadReview } from '../../src/lib/server/review/loadReview';
import type { WarehouseConnection } from '../../src/lib/server/warehouse';

const RUNS = 20;
const GAPS = 60;

const round = (t: number) => Math.round(t * 100) / 100;

/** p50 and p95 (nearest rank) of RUNS runs after 2 warm-ups. */
async function latency(fn: () => Promise<unknown>): Promise<{ p50_ms: number; p95_ms: number }> {
	for (let i = 0; i < 2; i++) await fn();
	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const started = performance.now();
		await fn();
		times.push(performance.now() - started);
	}
	times.sort((a, b) => a - b);
	const at = (p: number) => round(times[Math.min(times.length - 1, Math.ceil((p / 100) * times.length) - 1)]);
	return { p50_ms: at(50), p95_ms: at(95) };
}

/**
 * One finished gap run over the AI-fallback conversations: each one's first customer message a
 * question, 1 in 20 an outlier, the rest spread over GAPS gaps (the list reads gaps and, when
 * filtered, gap_questions; clustering itself is the gaps section's business).
 */
async function seedGaps(db: WarehouseConnection): Promise<number> {
	await db.run(
		`INSERT INTO gap_runs VALUES (1, now()::TIMESTAMP, now()::TIMESTAMP, 'lexical', 'bench', 'bench gaps', 0, ${GAPS}, 0, 0, '{}')`
	);
	await db.run(`INSERT INTO gap_questions
		SELECT 1, f.source, f.id, 'e0', 'Where is my order?', f.created_at, f.week, f.channel, f.language, ['fallback'],
			CASE WHEN hash(f.id) % 20 = 0 THEN NULL ELSE 1 + hash(f.id) % ${GAPS} END, 0.8
		FROM conversation_facts f WHERE f.fallback`);
	await db.run(`INSERT INTO gaps (id, active, title, terms, size, conversations, share, weekly, channels, languages, reasons, examples,
			coverage, reopen_rate, escalation_rate, low_csat_rate, impact, centroid, model, first_run_id, last_run_id)
		SELECT gap_id, true, 'Gap ' || gap_id, ['order'], count(*), count(*), count(*) / sum(count(*)) OVER (),
			'[]', '{}', '{}', '{}', '[]', ['missing', 'weak', 'covered'][1 + gap_id % 3], 0.1, 0.2, 0.1, count(*) * 1.0,
			'\\x00'::BLOB, 'bench', 1, 1
		FROM gap_questions WHERE gap_id IS NOT NULL GROUP BY gap_id`);
	return (await db.one<{ n: number }>('SELECT count(*) AS n FROM gap_questions'))!.n;
}

export async function measurePageQueries(db: WarehouseConnection, from: string, to: string) {
	const list = parseConversationListRequest(new URLSearchParams({ kpi: 'reopen_rate', cond: 'numerator', from, to }));
	const listed = await listConversations(db, list);
	const conversationList = await latency(() => listConversations(db, list));
	const questions = await seedGaps(db);
	const gapPage = await latency(async () => {
		await latestGapRun(db);
		await gapFilterOptions(db);
		return listGaps(db, {});
	});
	const gapListFiltered = await latency(() => listGaps(db, { channel: 'chat', language: 'en' }));
	const week = await latestWeek(db);
	const review = await latency(() => loadReview(db, week));
	return {
		conversation_list_kpi: {
			what: 'listConversations kpi=reopen_rate cond=numerator, 12 weeks, page 1',
			matches: listed.total,
			...conversationList
		},
		gap_page: { what: 'latestGapRun + gapFilterOptions + listGaps (the /gaps page)', gaps: GAPS, questions, ...gapPage },
		gap_list_filtered: { what: 'listGaps channel=chat language=en', ...gapListFiltered },
		weekly_review: { what: `loadReview of the latest week (${week.week})`, ...review }
	};
}
