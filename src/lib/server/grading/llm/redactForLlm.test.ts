import { describe, expect, it } from 'vitest';
import { handoffItem, draftItem } from '../../../../../tests/helpers/gradingItems';
import { buildGradingPrompt } from './buildGradingPrompt';
import { redactForLlm } from './redactForLlm';

describe('redactForLlm', () => {
	it('marks the customer’s own address and masks the conversation’s known secrets without their keyword', () => {
		const item = { customerEmails: ['anna@example.com'], secrets: [{ kind: 'password' as const, text: 'Hunter2!xyz' }] };
		expect(redactForLlm('Anna@Example.com tried Hunter2!xyz, cc bob@corp.example', item)).toBe(
			'[CUSTOMER_EMAIL] tried [PASSWORD], cc [EMAIL]'
		);
	});
});

describe('buildGradingPrompt', () => {
	it('redacts every field: plan, tier, hand-off reason, what the customer was told and the note', () => {
		const item = handoffItem(
			'Goal: refund. Call back on 2125550188.',
			{ reason: 'card 4242 4242 4242 4242 disputed', customerMessage: 'We will call 2125550188.' },
			{ plan: 'Enterprise (contact +1 646 555 0175)', tier: 'vip bob@corp.example', secrets: [{ kind: 'phone', text: '2125550188' }] }
		);
		const { user } = buildGradingPrompt(item);
		expect(user).not.toMatch(/4242|2125550188|646 555|bob@corp/);
		expect(user).toContain('reason: card [CARD] disputed');
		expect(user).toContain('plan Enterprise (contact [PHONE])');
	});
	it('redacts cited KB titles and bodies before cutting them', () => {
		const body = `${'x'.repeat(1490)} call 0612345678 today`;
		const { user } = buildGradingPrompt(
			draftItem('See the article.', { kbArticles: [{ id: 'kb-1', title: 'Ask dana@corp.example', body }] })
		);
		expect(user).toContain('[kb-1] Ask [EMAIL]');
		expect(user).not.toMatch(/dana@corp|0612/);
	});
	it('leaves the system prompt alone when it is redacted again before sending', () => {
		const { system } = buildGradingPrompt(draftItem('Hello'));
		expect(redactForLlm(system, { customerEmails: [], secrets: [] })).toBe(system);
	});
});
