// Eleven conversations whose KPIs are worked out by hand in tests/integration/kpi.test.ts.
// Day 0 is Monday 2026-10-05 (ISO week 41); days 7-13 are week 42.
type Loose = Record<string, unknown>;

/** ISO time `day` days after 2026-10-05T00:00Z plus hh:mm:ss. */
export function t(day: number, hms: string): string {
	const [h, m, s = '0'] = hms.split(':');
	return new Date(Date.UTC(2026, 9, 5 + day, Number(h), Number(m), Number(s))).toISOString();
}

let n = 0;
const customer = (body = 'Hello, I need help with my invoice') => ({ type: 'message', author: 'customer', body });
const ai = (answer_type = 'answered', body = 'Here is how that works.') => ({ type: 'message', author: 'ai', body, answer_type });
const agent = (body = 'Let me sort that out for you.') => ({ type: 'message', author: 'agent', agent_id: 'a-1', body });
const status = (s: string) => ({ type: 'status', status: s });
function ev(at: string, e: Loose): Loose {
	return { id: `e${++n}`, at, ...e };
}

export const HAND_FIXTURE: Loose[] = [
	// c1: contained and verified; its customer's next conversation (c6) is 7 days + 1 s after the solve.
	{
		id: 'c1',
		created_at: t(0, '09:00'),
		channel: 'chat',
		language: 'en',
		intent: 'billing',
		customer: { id: 'cu-1', tier: 'vip' },
		csat: { score: 5, scale: 5 },
		events: [ev(t(0, '09:00'), customer()), ev(t(0, '09:01'), ai()), ev(t(0, '09:05'), status('solved'))]
	},
	// c2: contained, closed, reopened the next day, solved again: not verified. Rated "bad".
	{
		id: 'c2',
		created_at: t(0, '10:00'),
		channel: 'chat',
		language: 'en',
		customer: { id: 'cu-2' },
		csat: { rating: 'bad' },
		events: [
			ev(t(0, '10:00'), customer()),
			ev(t(0, '10:02'), ai()),
			ev(t(0, '10:10'), status('closed')),
			ev(t(1, '10:00'), status('open')),
			ev(t(1, '11:00'), status('solved'))
		]
	},
	// c3: AI falls back, hands off to billing, billing takes it, an agent answers, solved. CSAT 4 of 5.
	{
		id: 'c3',
		created_at: t(1, '08:00'),
		channel: 'email',
		language: 'de',
		intent: 'billing',
		customer: { id: 'cu-3', tier: 'standard' },
		csat: { score: 4, scale: 5 },
		events: [
			ev(t(1, '08:00'), customer()),
			ev(t(1, '08:03'), ai('fallback')),
			ev(t(1, '08:04'), { type: 'handoff', author: 'ai', to_queue: 'billing', note: 'Goal: refund' }),
			ev(t(1, '08:05'), { type: 'assignment', queue: 'billing', agent_id: 'a-1' }),
			ev(t(1, '08:30'), agent()),
			ev(t(1, '09:00'), status('solved'))
		]
	},
	// c4: no customer id; hand-off to billing but rerouted to tech (inaccurate); one draft of each review outcome.
	{
		id: 'c4',
		created_at: t(2, '12:00'),
		channel: 'email',
		language: 'en',
		events: [
			ev(t(2, '12:00'), customer()),
			ev(t(2, '12:01'), ai('clarifying')),
			ev(t(2, '12:02'), { type: 'handoff', author: 'ai', to_queue: 'billing' }),
			ev(t(2, '12:03'), { type: 'assignment', queue: 'billing' }),
			ev(t(2, '12:04'), { type: 'assignment', queue: 'tech', agent_id: 'a-2' }),
			ev(t(2, '12:10'), { type: 'draft', body: 'Thanks!', review: 'sent_as_is' }),
			ev(t(2, '12:11'), { type: 'draft', body: 'kitten', final_body: 'sitting', review: 'edited' }),
			ev(t(2, '12:12'), { type: 'draft', body: 'We refund you twice.', review: 'rejected' }),
			ev(t(2, '12:13'), { type: 'draft', body: 'Escalating.', review: 'escalated' }),
			ev(t(2, '13:00'), status('solved'))
		]
	},
	// c5: a conversation with no events.
	{ id: 'c5', created_at: t(3, '00:00'), channel: 'web_form', language: 'en', events: [] },
	// c6: cu-1 again, 7 days + 1 s after c1's solve (just outside the repeat window); human only.
	{
		id: 'c6',
		created_at: t(7, '09:05:01'),
		channel: 'chat',
		language: 'en',
		customer: { id: 'cu-1', tier: 'vip' },
		events: [ev(t(7, '09:05:01'), customer()), ev(t(7, '09:10:01'), agent()), ev(t(7, '10:05:01'), status('solved'))]
	},
	// c7: contained; its customer writes again exactly 72 hours after the solve (c8): inside both windows.
	{
		id: 'c7',
		created_at: t(1, '12:00'),
		channel: 'chat',
		language: 'en',
		customer: { id: 'cu-7' },
		events: [ev(t(1, '12:00'), customer()), ev(t(1, '12:00:30'), ai()), ev(t(1, '12:01'), status('solved'))]
	},
	// c8: cu-7's repeat contact: a customer message nobody answered, never solved.
	{
		id: 'c8',
		created_at: t(4, '12:01'),
		channel: 'chat',
		language: 'en',
		customer: { id: 'cu-7' },
		events: [ev(t(4, '12:01'), customer())]
	},
	// c9: contained; its customer writes again exactly 7 days after the solve (c10): a repeat, but outside 72 h.
	{
		id: 'c9',
		created_at: t(1, '23:00'),
		channel: 'in_app',
		language: 'en',
		customer: { id: 'cu-9' },
		events: [ev(t(1, '23:00'), customer()), ev(t(1, '23:00:10'), ai()), ev(t(2, '01:00'), status('solved'))]
	},
	// c10: cu-9's repeat contact, pending.
	{
		id: 'c10',
		created_at: t(9, '01:00'),
		channel: 'in_app',
		language: 'en',
		customer: { id: 'cu-9' },
		events: [ev(t(9, '01:00'), customer()), ev(t(9, '01:10'), ai()), ev(t(9, '01:11'), status('pending'))]
	},
	// c11: no customer id; contained, reopened 8 days after the solve (outside the 7-day window).
	{
		id: 'c11',
		created_at: t(3, '10:00'),
		channel: 'chat',
		language: 'en',
		events: [
			ev(t(3, '10:00'), customer()),
			ev(t(3, '10:01'), ai()),
			ev(t(3, '10:02'), status('solved')),
			ev(t(11, '10:02'), status('open')),
			ev(t(11, '11:00'), status('solved'))
		]
	}
];
