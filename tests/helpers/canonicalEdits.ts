// Canonical conversations and the edits that break or bend them, for the fast-path equivalence
// tests: a valid base record per number, edits that keep it valid or make zod refuse it, and raw
// lines that are not records at all.
type Loose = Record<string, unknown>;
const ts = (minute: number, ms = false) => `2026-10-05T21:${String(minute % 60).padStart(2, '0')}:0${minute % 10}${ms ? '.250' : ''}Z`;

export function baseConversation(n: number, ms: boolean): Loose {
	return {
		id: `c-${n}`,
		source: 'canonical',
		channel: 'chat',
		created_at: ts(0, ms),
		updated_at: ts(50, ms),
		subject: 'Charged twice',
		language: 'en',
		intent: 'billing',
		priority: 'high',
		tags: ['renewal', 'vip'],
		customer: { id: `cust-${n % 7}`, tier: 'vip', plan: 'pro' },
		csat: { score: 2, scale: 5, comment: 'slow' },
		events: [
			{ id: 'e1', at: ts(1, ms), type: 'message', author: 'customer', body: 'I was charged "twice" \\ for my plan' },
			{
				id: 'e2',
				at: ts(2, ms),
				type: 'message',
				author: 'ai',
				body: 'Checking…',
				answer_type: 'fallback',
				confidence: 0.42,
				kb_article_ids: ['kb-12']
			},
			{
				id: 'e3',
				at: ts(3, ms),
				type: 'handoff',
				to_queue: 'billing',
				reason: 'refund',
				note: 'Goal: refund',
				customer_message: 'A colleague takes over'
			},
			{ id: 'e4', at: ts(4, ms), type: 'assignment', queue: 'billing', agent_id: 'a-3' },
			{ id: 'e5', at: ts(5, ms), type: 'draft', agent_id: 'a-3', body: 'Refund sent', final_body: 'Refund sent today', review: 'edited' },
			{ id: 'e6', at: ts(6, ms), type: 'note', body: 'internal' },
			{ id: 'e7', at: ts(7, ms), type: 'status', status: 'solved' }
		]
	};
}

const set = (path: string[], value: unknown) => (c: Loose) => {
	let target: Loose = c;
	for (const key of path.slice(0, -1)) {
		const next = target[key];
		if (next === null || typeof next !== 'object') return; // an earlier edit replaced it
		target = next as Loose;
	}
	if (value === undefined) delete target[path.at(-1)!];
	else target[path.at(-1)!] = value;
};
const ev = (i: number, key: string, value: unknown) => set(['events', String(i), key], value);

/** Valid conversations without a language, whose language the import detects (or finds none). */
export const NO_LANGUAGE: ((c: Loose) => void)[] = [
	(c) => {
		delete c.language;
		ev(0, 'body', 'Buenas tardes, me cobraron dos veces la suscripción este mes y necesito el reembolso')(c);
	},
	(c) => {
		delete c.language;
		ev(0, 'body', 'ok')(c);
		set(['subject'], 'Doppelte Abbuchung meiner Rechnung im Oktober')(c);
	},
	(c) => {
		delete c.language;
		delete c.subject;
		ev(0, 'body', 'ok')(c);
	}
];

/** Edits of a valid conversation: many keep it valid (some in forms only zod reads), the rest break it. */
export const EDITS: ((c: Loose) => void)[] = [
	set(['id'], 42),
	set(['id'], ' c-x'),
	set(['id'], ''),
	set(['id'], undefined),
	set(['id'], 'c\u00e9-1'),
	set(['source'], undefined),
	set(['source'], 'zendesk'),
	set(['channel'], undefined),
	set(['channel'], 'pigeon'),
	set(['channel'], 7),
	set(['created_at'], '2026-02-30T10:00:00Z'),
	set(['created_at'], '2026-10-05T24:00:00Z'),
	set(['created_at'], '2026-10-05T23:00:00+02:00'),
	set(['created_at'], '2026-10-05 23:00:00Z'),
	set(['created_at'], '2026-10-05T23:00:00'),
	set(['created_at'], '2024-02-29T10:00:00.5Z'),
	set(['updated_at'], undefined),
	set(['updated_at'], null),
	set(['subject'], null),
	set(['subject'], { text: 'x' }),
	set(['language'], undefined),
	...NO_LANGUAGE,
	set(['language'], 'english!'),
	set(['language'], 'pt-BR'),
	set(['priority'], 'whenever'),
	set(['tags'], []),
	set(['tags'], ['a', 1]),
	set(['tags'], 'renewal'),
	set(['customer'], 'cust-1'),
	set(['customer'], {}),
	set(['customer', 'id'], 5),
	set(['csat'], { rating: 'good' }),
	set(['csat'], { rating: 'meh' }),
	set(['csat'], { score: 6, scale: 5 }),
	set(['csat'], { score: 4 }),
	set(['csat'], { score: 1, scale: 0 }),
	set(['csat'], { score: '4', scale: 5 }),
	set(['csat'], { score: 4, rating: 'good' }),
	set(['csat'], {}),
	set(['history'], 'partial'),
	set(['history'], 'full'),
	set(['history'], 'some'),
	set(['events'], undefined),
	set(['events'], []),
	set(['events'], { id: 'e1' }),
	set(['unknown_key'], { id: 5, nested: [1, 2] }),
	ev(0, 'type', 'telepathy'),
	ev(0, 'author', 'robot'),
	ev(0, 'body', undefined),
	ev(0, 'body', 12),
	ev(0, 'id', 'e2'),
	ev(0, 'at', '2026-10-05T22:59:00Z'),
	ev(1, 'at', '2026-10-05T21:01:01.500Z'),
	ev(1, 'confidence', 1.5),
	ev(1, 'confidence', '0.4'),
	ev(1, 'confidence', 1),
	ev(1, 'answer_type', 'maybe'),
	ev(1, 'kb_article_ids', [' ']),
	ev(1, 'kb_article_ids', [3]),
	ev(1, 'to_queue', 5),
	ev(2, 'author', 'agent'),
	ev(2, 'author', 'customer'),
	ev(2, 'to_queue', '  '),
	ev(2, 'to_queue', ' billing '),
	ev(2, 'body', 'stripped: handoffs have no body'),
	ev(3, 'queue', undefined),
	(c) => {
		ev(3, 'queue', undefined)(c);
		ev(3, 'agent_id', undefined)(c);
	},
	ev(4, 'author', 'agent'),
	ev(4, 'review', 'shrug'),
	ev(5, 'author', 'customer'),
	ev(5, 'author', 'ai'),
	ev(6, 'status', 'limbo'),
	ev(6, 'status', null),
	ev(0, 'body', 'say null or NaN or Infinity, tab\there'),
	ev(0, 'body', 'emoji 🎉 and \u2028 line separator')
];

/** Lines no edit of an object produces: broken JSON and text only JSON.parse refuses. */
export const RAW_LINES = [
	'{"id": "c-broken", "created_at": ',
	'[1, 2, 3]',
	'"just a string"',
	'',
	'   ',
	'{"id":"c-tc","created_at":"2026-10-05T21:00:00Z","language":"en","events":[],}',
	'{"id":"c-nan","created_at":"2026-10-05T21:00:00Z","language":"en","events":[],"x":NaN}',
	'{"id":"c-tab","created_at":"2026-10-05T21:00:00Z","language":"en","subject":"a\tb","events":[]}',
	'{"i\\u0064":"c-esc","created_at":"2026-10-05T21:00:00Z","language":"en","events":[]}',
	'{"id":"c-sur","created_at":"2026-10-05T21:00:00Z","language":"en","subject":"\\ud83c","events":[]}',
	'{"id":"c-kb-like","title":"Refunds","body":"How refunds work"}',
	'\uFEFF{"id":"c-bom","created_at":"2026-10-05T21:00:00Z","language":"en","events":[]}'
];
