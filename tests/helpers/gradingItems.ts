// Builds GradingItems for the grading unit tests: sensible defaults, override what the test is about.
import type { GradingItem } from '../../src/lib/server/grading/GradingItem';

export function draftItem(text: string, over: Partial<GradingItem> = {}): GradingItem {
	return {
		source: 'test',
		conversation_id: 'c1',
		event_id: 'e2',
		kind: 'draft',
		at: '2026-10-05T10:00:00.000Z',
		channel: 'chat',
		language: 'en',
		tier: 'standard',
		plan: 'pro',
		customerEmails: [],
		secrets: [],
		text,
		answerType: null,
		kbArticles: [],
		context: [],
		handoff: null,
		review: null,
		finalBody: null,
		...over
	};
}

export function handoffItem(
	note: string,
	over: Partial<NonNullable<GradingItem['handoff']>> = {},
	item: Partial<GradingItem> = {}
): GradingItem {
	return draftItem(note, {
		kind: 'handoff',
		handoff: { toQueue: 'billing', reason: 'refund_request', customerMessage: null, owningQueue: 'billing', ...over },
		...item
	});
}
