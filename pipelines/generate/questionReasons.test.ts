import { describe, expect, it } from 'vitest';
import { conversationFacts } from './conversationFacts';
import { questionReasons } from './questionReasons';

const at = (m: number) => `2026-10-05T10:${String(m).padStart(2, '0')}:00Z`;
function conv(events: Record<string, unknown>[]) {
	return {
		created_at: at(0),
		customer: { id: 'c1' },
		events: events.map((e, i) => ({ id: `e${i + 1}`, at: at(i), ...e })) as unknown as { id: string; at: string; type: string }[]
	};
}

describe('questionReasons', () => {
	it('flags a fallback, a low-confidence answer and a hand-off on the opening question', () => {
		const c = conv([
			{ type: 'message', author: 'customer', body: 'VAT id?' },
			{ type: 'message', author: 'ai', body: 'Sorry', answer_type: 'fallback' },
			{ type: 'message', author: 'customer', body: 'How do I add it?' },
			{ type: 'message', author: 'ai', body: 'Maybe…', answer_type: 'answered', confidence: 0.3 },
			{ type: 'handoff', author: 'ai', to_queue: 'billing' }
		]);
		const f = conversationFacts(c);
		expect(questionReasons(c.events, 'e1', f)).toEqual(['fallback', 'handed_off']);
		expect(questionReasons(c.events, 'e3', f)).toEqual(['low_confidence']);
	});

	it('flags a contained conversation that was reopened or followed by a repeat contact, and nothing for a clean answer', () => {
		const c = conv([
			{ type: 'message', author: 'customer', body: 'Invoice?' },
			{ type: 'message', author: 'ai', body: 'Settings > Billing', answer_type: 'answered', confidence: 0.9 },
			{ type: 'status', status: 'solved' }
		]);
		const clean = conversationFacts(c);
		expect(questionReasons(c.events, 'e1', clean)).toEqual([]);
		const repeat = { ...clean, repeatWithin7d: true };
		expect(questionReasons(c.events, 'e1', repeat)).toEqual(['contained_then_repeat_contact']);
		const reopened = conv([...c.events.map(({ id: _id, at: _at, ...e }) => e), { type: 'status', status: 'open' }]);
		expect(questionReasons(reopened.events, 'e1', conversationFacts(reopened))).toEqual(['contained_then_reopened']);
	});
});
