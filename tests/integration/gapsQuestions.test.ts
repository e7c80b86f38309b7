// Question extraction on a real DuckDB file, rule by rule (docs/gap-miner.md), on hand-made
// conversations: which customer messages are unanswered questions and why, and the openings
// the coverage stage compares clusters with.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractQuestions } from '../../src/lib/server/gaps/extractQuestions';
import { DEFAULT_GAP_SETTINGS } from '../../src/lib/server/gaps/gapSettings';
import { importConversations } from '../../src/lib/server/ingest';
import { withWarehouse } from '../../src/lib/server/warehouse';
import { makeTempDir } from '../helpers/tempDir';

const { dir, cleanup } = makeTempDir('supportlens-questions-');
afterAll(cleanup);

const T0 = Date.parse('2026-10-05T09:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
type Ev = Record<string, unknown>;
let seq = 0;
const ev = (minute: number, fields: Ev): Ev => ({ id: `e${++seq}`, at: at(minute), ...fields });
const customer = (minute: number, body: string) => ev(minute, { type: 'message', author: 'customer', body });
const ai = (minute: number, answer_type: string, confidence?: number) =>
	ev(minute, { type: 'message', author: 'ai', body: 'AI reply', answer_type, ...(confidence === undefined ? {} : { confidence }) });
const status = (minute: number, s: string) => ev(minute, { type: 'status', status: s });
const conv = (id: string, events: Ev[], extra: Ev = {}) => ({ id, created_at: at(0), channel: 'chat', language: 'en', events, ...extra });

describe('question extraction (docs/gap-miner.md rule by rule)', () => {
	const db = path.join(dir, 'rules.duckdb');
	const DAY = 24 * 60;
	beforeAll(async () => {
		await withWarehouse(db, (w) =>
			importConversations(w, [
				conv('fallback', [customer(1, 'Do you ship to Iceland?'), ai(2, 'fallback', 0.1), customer(3, 'ok thanks'), ai(4, 'answered')]),
				conv('low', [customer(1, 'What is the API limit?'), ai(2, 'answered', 0.4)]),
				conv('confident', [customer(1, 'Where are my invoices?'), ai(2, 'answered', 0.9), status(3, 'solved')]),
				conv('threshold', [customer(1, 'Exactly at the threshold'), ai(2, 'answered', 0.5), status(3, 'solved')]),
				conv('clarify', [
					customer(1, 'It is broken'),
					ai(2, 'clarifying', 0.7),
					customer(3, 'The Outlook sync is broken'),
					ai(4, 'fallback', 0.2)
				]),
				conv('handoff', [
					customer(1, 'Please delete my account'),
					ai(2, 'answered', 0.9),
					ev(3, { type: 'handoff', author: 'ai', to_queue: 'accounts' })
				]),
				conv('reopened', [
					customer(1, 'My order is late'),
					ai(2, 'answered', 0.8),
					status(3, 'solved'),
					customer(2 * DAY, 'still late'),
					status(2 * DAY + 1, 'open')
				]),
				conv('reopen-late', [customer(1, 'Order late again'), ai(2, 'answered', 0.8), status(3, 'solved'), status(9 * DAY, 'open')]),
				conv('repeat-a', [customer(1, 'Reset link expired'), ai(2, 'answered', 0.8), status(3, 'solved')], { customer: { id: 'cust-r' } }),
				{
					...conv(
						'repeat-b',
						[customer(3 * DAY + 1, 'Reset link expired again'), ai(3 * DAY + 2, 'answered', 0.9), status(3 * DAY + 3, 'solved')],
						{ customer: { id: 'cust-r' } }
					),
					created_at: at(3 * DAY)
				},
				conv('human-solved', [
					customer(1, 'Agent fixed it then it came back'),
					ai(2, 'answered', 0.9),
					ev(3, { type: 'message', author: 'agent', body: 'done' }),
					status(4, 'solved'),
					status(DAY, 'open')
				]),
				conv('no-ai', [
					customer(1, 'Human only question'),
					ev(2, { type: 'message', author: 'agent', body: 'hi' }),
					ev(3, { type: 'handoff', author: 'agent', to_queue: 'x' })
				])
			])
		);
	});

	it('keeps each unanswered question with its reasons, and nothing else', async () => {
		const { questions, openings } = await withWarehouse(db, (w) => extractQuestions(w.db, DEFAULT_GAP_SETTINGS));
		const got = Object.fromEntries(questions.map((q) => [`${q.conversation_id}: ${q.text}`, q.reasons]));
		expect(got).toEqual({
			'fallback: Do you ship to Iceland?': ['fallback'],
			'low: What is the API limit?': ['low_confidence'],
			'clarify: The Outlook sync is broken': ['fallback'],
			'handoff: Please delete my account': ['handed_off'],
			'reopened: My order is late': ['contained_then_reopened'],
			'reopen-late: Order late again': ['contained_then_reopened'],
			'repeat-a: Reset link expired': ['contained_then_repeat_contact']
		});
		const q = questions.find((x) => x.conversation_id === 'fallback')!;
		expect(q).toMatchObject({ week: '2026-10-05', channel: 'chat', language: 'en', escalated: false });
		// Openings: the AI-involved conversations' first messages, with whether the AI answered confidently.
		const answered = Object.fromEntries(openings.map((o) => [o.conversation_id, o.answered]));
		expect(answered).toMatchObject({ fallback: false, low: false, confident: true, threshold: true, clarify: false, handoff: true });
		expect(answered).not.toHaveProperty('no-ai');
	});

	it('moves with the confidence threshold setting', async () => {
		const { questions } = await withWarehouse(db, (w) => extractQuestions(w.db, { ...DEFAULT_GAP_SETTINGS, confidenceThreshold: 0.95 }));
		expect(
			questions
				.filter((q) => q.reasons.includes('low_confidence'))
				.map((q) => q.conversation_id)
				.sort()
		).toEqual(
			// 'clarify': its opening's next AI message is the clarifying question at 0.7.
			['clarify', 'confident', 'handoff', 'low', 'reopen-late', 'reopened', 'repeat-a', 'repeat-b', 'threshold', 'human-solved'].sort()
		);
	});
});
