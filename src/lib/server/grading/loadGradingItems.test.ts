import { describe, expect, it } from 'vitest';
import { itemsOfConversation } from './loadGradingItems';

const conversation = {
	source: 's',
	id: 'c1',
	channel: 'chat',
	language: 'en',
	customer_tier: 'standard',
	customer_plan: 'pro',
	customer_id: 'anna@example.com',
	subject: 'Login: password is Tulip#2024',
	csat_comment: null
};
const event = (n: number, over: Record<string, unknown>) => ({
	source: 's',
	conversation_id: 'c1',
	id: `e${n}`,
	occurred_at: new Date(Date.UTC(2026, 9, 5, 9, n)),
	type: 'message',
	author: 'customer',
	body: null,
	answer_type: null,
	kb_article_ids: null,
	to_queue: null,
	reason: null,
	note: null,
	customer_message: null,
	queue: null,
	final_body: null,
	review: null,
	...over
});

describe('itemsOfConversation', () => {
	it('gives every item the secrets found anywhere in the conversation: subject, later events, hand-off fields', () => {
		const [item] = itemsOfConversation(
			conversation,
			[
				event(1, { body: 'Tulip#2024 does not work' }),
				event(2, { author: 'ai', body: 'Please reset it.' }),
				event(3, { type: 'handoff', author: 'ai', to_queue: 'accounts', reason: 'call back on 2125550147' })
			],
			new Map()
		);
		expect(item.secrets).toEqual([
			{ kind: 'password', text: 'Tulip#2024' },
			{ kind: 'phone', text: '2125550147' }
		]);
	});
	it('cuts a long context message before a card number rather than through it', () => {
		const body = `${'a'.repeat(590)} card 4111 1111 1111 1111 thanks`;
		const [item] = itemsOfConversation(conversation, [event(1, { body }), event(2, { author: 'ai', body: 'Noted.' })], new Map());
		expect(item.context[0].body).toBe(`${'a'.repeat(590)} card `);
	});
});
