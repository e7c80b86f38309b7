// Unanswered questions, exactly as docs/gap-miner.md defines them: a customer message whose next AI
// message is a fallback or below the confidence threshold; and the first customer message of an
// AI-involved conversation that was handed off, or contained and then reopened or followed by a
// repeat contact. Also returns each AI-involved conversation's opening and whether the AI
// answered it confidently: coverage uses that to tell a weak article from a good one.
import type { WarehouseConnection } from '../warehouse';
import type { GapSettings } from './gapSettings';
import { questionText } from './questionText';

// The names the generator's manifest uses too. "Contained" is the KPI's term (docs/kpis.md): AI-involved,
// solved, no hand-off, not human-involved — a reopen that a person then fixed is not contained.
export const QUESTION_REASONS = [
	'fallback',
	'low_confidence',
	'handed_off',
	'contained_then_reopened',
	'contained_then_repeat_contact'
] as const;
export type QuestionReason = (typeof QUESTION_REASONS)[number];

export interface Question {
	source: string;
	conversation_id: string;
	event_id: string;
	text: string;
	asked_at: Date;
	week: string;
	channel: string;
	language: string | null;
	reasons: QuestionReason[];
	/** Conversation-level severity, for the impact score. */
	reopened: boolean;
	escalated: boolean;
	low_csat: boolean;
}

export interface Opening {
	source: string;
	conversation_id: string;
	text: string;
	language: string | null;
	/** The AI's first non-clarifying reply was an answer at or above the confidence threshold. */
	answered: boolean;
}

export interface ExtractedQuestions {
	questions: Question[];
	/** First customer message of every AI-involved conversation. */
	openings: Opening[];
}

const SQL = `
WITH msgs AS (
	SELECT source, conversation_id, seq, id, occurred_at, author, body, answer_type, confidence
	FROM events WHERE type = 'message'
),
ordered AS (
	SELECT *,
		min(CASE WHEN author = 'ai' THEN seq END) OVER w AS next_ai_seq,
		min(CASE WHEN author = 'ai' AND coalesce(answer_type, '') <> 'clarifying' THEN seq END) OVER w AS next_reply_seq,
		row_number() OVER (PARTITION BY source, conversation_id, author ORDER BY seq) AS nth
	FROM msgs
	WINDOW w AS (PARTITION BY source, conversation_id ORDER BY seq ROWS BETWEEN 1 FOLLOWING AND UNBOUNDED FOLLOWING)
),
customer AS (
	SELECT o.source, o.conversation_id, o.seq, o.id, o.occurred_at, o.body, o.nth,
		a.answer_type AS next_type, a.confidence AS next_confidence,
		r.answer_type AS reply_type, r.confidence AS reply_confidence
	FROM ordered o
	LEFT JOIN msgs a ON a.source = o.source AND a.conversation_id = o.conversation_id AND a.seq = o.next_ai_seq
	LEFT JOIN msgs r ON r.source = o.source AND r.conversation_id = o.conversation_id AND r.seq = o.next_reply_seq
	WHERE o.author = 'customer' AND o.body IS NOT NULL
)
SELECT c.source, c.conversation_id, c.id AS event_id, c.body, c.occurred_at AS asked_at,
	strftime(f.week, '%Y-%m-%d') AS week, f.channel, f.language, f.ai_involved, c.nth = 1 AS first_message,
	coalesce(c.next_type = 'fallback', false) AS r_fallback,
	coalesce(c.next_type <> 'fallback' AND c.next_confidence < ?, false) AS r_low_confidence,
	(c.nth = 1 AND f.ai_involved AND f.handoffs > 0) AS r_handed_off,
	(c.nth = 1 AND f.contained AND f.reopened) AS r_contained_then_reopened,
	(c.nth = 1 AND f.contained AND coalesce(f.next_contact_gap_s <= ?, false)) AS r_contained_then_repeat_contact,
	coalesce(c.reply_type = 'answered' AND (c.reply_confidence IS NULL OR c.reply_confidence >= ?), false) AS answered,
	f.reopened, f.handoffs > 0 AS escalated, (f.csat_rated AND NOT f.csat_positive) AS low_csat
FROM customer c
JOIN conversation_facts f ON f.source = c.source AND f.id = c.conversation_id
ORDER BY c.source, c.conversation_id, c.seq`;

type Row = {
	source: string;
	conversation_id: string;
	event_id: string;
	body: string;
	asked_at: Date;
	week: string;
	channel: string;
	language: string | null;
	ai_involved: boolean;
	first_message: boolean;
	answered: boolean;
	reopened: boolean;
	escalated: boolean;
	low_csat: boolean;
} & Record<`r_${QuestionReason}`, boolean>;

export async function extractQuestions(
	db: WarehouseConnection,
	settings: Pick<GapSettings, 'confidenceThreshold' | 'repeatWindowDays'>
): Promise<ExtractedQuestions> {
	const rows = await db.all<Row>(SQL, [settings.confidenceThreshold, settings.repeatWindowDays * 86400, settings.confidenceThreshold]);
	const questions: Question[] = [];
	const openings: Opening[] = [];
	for (const r of rows) {
		const text = questionText(r.body);
		if (!text) continue;
		if (r.first_message && r.ai_involved)
			openings.push({ source: r.source, conversation_id: r.conversation_id, text, language: r.language, answered: r.answered });
		const reasons = QUESTION_REASONS.filter((reason) => r[`r_${reason}`]);
		if (reasons.length === 0) continue;
		questions.push({
			source: r.source,
			conversation_id: r.conversation_id,
			event_id: r.event_id,
			text,
			asked_at: r.asked_at,
			week: r.week,
			channel: r.channel,
			language: r.language,
			reasons,
			reopened: !!r.reopened,
			escalated: !!r.escalated,
			low_csat: !!r.low_csat
		});
	}
	return { questions, openings };
}
