// fast-check arbitraries for random canonical conversations that hit the KPI edge cases often:
// few customers and queues, hour-granular times (so gaps land exactly on 72 h and 7 days),
// every event type and review outcome, non-ASCII and astral draft text.
import fc from 'fast-check';

const BASE = Date.UTC(2026, 9, 5); // Monday
const HOUR = 3_600_000;

const texts = fc.constantFrom(
	'',
	'kitten',
	'sitting',
	'Grüße aus Köln',
	'Gruesse aus Koeln',
	'refund 👍',
	'refund 👎 now',
	'日本語',
	'abc'
);

const event = fc.oneof(
	fc.record({
		type: fc.constant('message'),
		author: fc.constantFrom('customer', 'ai', 'agent'),
		body: texts,
		answer_type: fc.option(fc.constantFrom('answered', 'clarifying', 'fallback'), { nil: undefined })
	}),
	fc.record({ type: fc.constant('handoff'), author: fc.constant('ai'), to_queue: fc.constantFrom('billing', 'tech', 'sales') }),
	fc.record({
		type: fc.constant('assignment'),
		queue: fc.option(fc.constantFrom('billing', 'tech', 'sales'), { nil: undefined }),
		agent_id: fc.constant('a-1')
	}),
	fc.record({
		type: fc.constant('draft'),
		body: texts,
		final_body: fc.option(texts, { nil: undefined }),
		review: fc.option(fc.constantFrom('sent_as_is', 'edited', 'rejected', 'escalated'), { nil: undefined })
	}),
	fc.record({ type: fc.constant('note'), body: texts }),
	fc.record({ type: fc.constant('status'), status: fc.constantFrom('new', 'open', 'pending', 'solved', 'closed', 'solved') }),
	fc.record({ type: fc.constant('status'), status: fc.constant('solved') })
);

export const conversationArb = fc.record({
	source: fc.constantFrom('canonical', 'canonical', 'canonical', 'zendesk'),
	// Whole days most of the time, so that gaps land exactly on the 72-hour and 7-day edges.
	createdHour: fc.oneof(
		fc.integer({ min: 0, max: 21 }).map((d) => d * 24),
		fc.integer({ min: 0, max: 24 * 21 })
	),
	channel: fc.constantFrom('chat', 'email', 'voice'),
	language: fc.option(fc.constantFrom('en', 'de'), { nil: undefined }),
	intent: fc.option(fc.constantFrom('billing', 'shipping'), { nil: undefined }),
	customer: fc.option(
		fc.record({
			id: fc.option(fc.constantFrom('k1', 'k1', 'k2', ''), { nil: undefined }),
			tier: fc.option(fc.constantFrom('vip', 'free'), { nil: undefined })
		}),
		{ nil: undefined }
	),
	csat: fc.option(
		fc.oneof(
			fc.record({ score: fc.integer({ min: 0, max: 5 }), scale: fc.constant(5) }),
			fc.record({ score: fc.integer({ min: 0, max: 10 }), scale: fc.constant(10) }),
			fc.record({ rating: fc.constantFrom('good', 'bad') })
		),
		{ nil: undefined }
	),
	events: fc.array(fc.tuple(fc.oneof(fc.constantFrom(0, 1, 24, 48), fc.integer({ min: 0, max: 24 * 9 })), event), { maxLength: 9 })
});

export type ConversationParts = typeof conversationArb extends fc.Arbitrary<infer T> ? T : never;

/** Turns generated parts into a canonical record with id `c<i>`; `updatedHour` makes a newer copy. */
export function toCanonical(r: ConversationParts, i: number, updatedHour?: number) {
	const created = BASE + r.createdHour * HOUR;
	return {
		id: `c${i}`,
		source: r.source,
		created_at: new Date(created).toISOString(),
		...(updatedHour !== undefined ? { updated_at: new Date(BASE + updatedHour * HOUR).toISOString() } : {}),
		channel: r.channel,
		language: r.language,
		intent: r.intent,
		customer: r.customer,
		csat: r.csat,
		events: r.events.map(([h, e], j) => ({ id: `e${j}`, at: new Date(created + h * HOUR).toISOString(), ...e }))
	};
}

/**
 * Random conversations, some of them made the follow-up of the one before: same source and
 * customer, created exactly 72 h or 7 days (or an hour either side) after its first solve.
 */
export const datasetArb = fc
	.tuple(
		fc.array(conversationArb, { minLength: 1, maxLength: 25 }),
		fc.array(fc.tuple(fc.nat(24), fc.constantFrom(71, 72, 73, 167, 168, 169)), { maxLength: 6 })
	)
	.map(([list, links]) => {
		const out = list.map((c) => ({ ...c }));
		for (const [i, gap] of links) {
			const prev = out[i - 1],
				cur = out[i];
			if (!prev || !cur) continue;
			const solve = [...prev.events]
				.sort((a, b) => a[0] - b[0])
				.find(([, e]) => e.type === 'status' && (e.status === 'solved' || e.status === 'closed'));
			if (!solve) continue;
			out[i] = { ...cur, source: prev.source, customer: { id: 'k1', tier: undefined }, createdHour: prev.createdHour + solve[0] + gap };
			out[i - 1] = { ...prev, customer: { id: 'k1', tier: prev.customer?.tier } };
		}
		return out;
	});
