import { describe, expect, it } from 'vitest';
import { conversationListHref } from './conversationListHref';

describe('conversationListHref', () => {
	it('writes the documented format, with the KPI condition defaulting to numerator', () => {
		expect(conversationListHref({ kpi: 'reopen_rate', week: '2026-W42', channel: 'chat' })).toBe(
			'/conversations?kpi=reopen_rate&cond=numerator&week=2026-W42&channel=chat'
		);
	});

	it('writes an unknown dimension value as (none), repeats multi-valued dimensions, and encodes the back link', () => {
		const href = conversationListHref({ kpi: 'csat', cond: 'rest', queue: [null, 'billing'], back: '/?channel=chat' });
		const params = new URL(href, 'http://x').searchParams;
		expect(params.getAll('queue')).toEqual(['(none)', 'billing']);
		expect(params.get('cond')).toBe('rest');
		expect(params.get('back')).toBe('/?channel=chat');
	});

	it('is the bare list without filters', () => {
		expect(conversationListHref({})).toBe('/conversations');
	});
});
