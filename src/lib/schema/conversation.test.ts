import { describe, expect, it } from 'vitest';
import { conversationSchema, formatIssues, kbArticleSchema, normalizeTimestamp } from './index';

const base = { id: 'c-1', created_at: '2026-10-05T21:12:00Z' };

describe('normalizeTimestamp', () => {
	it('normalises zoned ISO timestamps to UTC milliseconds', () => {
		expect(normalizeTimestamp('2026-10-05T21:12:00Z')).toBe('2026-10-05T21:12:00.000Z');
		expect(normalizeTimestamp('2026-10-05T23:12:00+02:00')).toBe('2026-10-05T21:12:00.000Z');
		expect(normalizeTimestamp('2026-10-05 21:12Z')).toBe('2026-10-05T21:12:00.000Z');
	});
	it('rejects impossible dates, missing zones and junk', () => {
		expect(normalizeTimestamp('2026-02-30T10:00:00Z')).toBeNull();
		expect(normalizeTimestamp('2026-13-01T10:00:00Z')).toBeNull();
		expect(normalizeTimestamp('2026-10-05T25:00:00Z')).toBeNull();
		expect(normalizeTimestamp('2026-10-05T10:00:00')).toBeNull();
		expect(normalizeTimestamp('yesterday')).toBeNull();
	});
	it('accepts 29 February only in leap years', () => {
		expect(normalizeTimestamp('2028-02-29T00:00:00Z')).toBe('2028-02-29T00:00:00.000Z');
		expect(normalizeTimestamp('2026-02-29T00:00:00Z')).toBeNull();
	});
});

describe('conversationSchema', () => {
	it('fills defaults: source canonical, channel other, no events', () => {
		const c = conversationSchema.parse(base);
		expect(c).toMatchObject({ source: 'canonical', channel: 'other', events: [] });
	});

	it('parses every event type of the design document', () => {
		const at = '2026-10-05T21:12:00Z';
		const c = conversationSchema.parse({
			...base,
			csat: { score: 2, scale: 5, comment: 'slow' },
			events: [
				{ id: 'e1', at, type: 'message', author: 'customer', body: 'Charged twice' },
				{ id: 'e2', at, type: 'message', author: 'ai', body: '…', answer_type: 'answered', confidence: 0.42, kb_article_ids: ['kb-12'] },
				{
					id: 'e3',
					at,
					type: 'handoff',
					author: 'ai',
					to_queue: 'billing',
					reason: 'refund_request',
					note: 'Goal: …',
					customer_message: 'I am bringing in billing'
				},
				{ id: 'e4', at, type: 'assignment', queue: 'billing', agent_id: 'a-3' },
				{ id: 'e5', at, type: 'draft', author: 'ai', agent_id: 'a-3', body: 'draft', final_body: 'sent', review: 'edited' },
				{ id: 'e6', at, type: 'message', author: 'agent', agent_id: 'a-3', body: 'Hi' },
				{ id: 'e7', at, type: 'note', author: 'agent', body: 'internal' },
				{ id: 'e8', at, type: 'status', status: 'solved' },
				{ id: 'e9', at, type: 'status', status: 'open' }
			]
		});
		expect(c.events.map((e) => e.type)).toEqual([
			'message',
			'message',
			'handoff',
			'assignment',
			'draft',
			'message',
			'note',
			'status',
			'status'
		]);
	});

	it('sorts events into time order, keeping the given order for ties', () => {
		const c = conversationSchema.parse({
			...base,
			events: [
				{ id: 'b', at: '2026-10-05T21:14:00Z', type: 'status', status: 'solved' },
				{ id: 'a1', at: '2026-10-05T21:13:00Z', type: 'message', author: 'customer', body: 'x' },
				{ id: 'a2', at: '2026-10-05T21:13:00Z', type: 'message', author: 'ai', body: 'y' }
			]
		});
		expect(c.events.map((e) => e.id)).toEqual(['a1', 'a2', 'b']);
	});

	it.each([
		['a missing id', { created_at: base.created_at }, 'id'],
		['a numeric id', { ...base, id: 42 }, 'id'],
		['an impossible date', { ...base, created_at: '2026-02-30T00:00:00Z' }, 'created_at'],
		['an unknown channel', { ...base, channel: 'pigeon' }, 'channel'],
		['an unknown event type', { ...base, events: [{ id: 'e', at: base.created_at, type: 'telepathy' }] }, 'events.0.type'],
		[
			'a confidence above 1',
			{ ...base, events: [{ id: 'e', at: base.created_at, type: 'message', author: 'ai', body: 'x', confidence: 1.5 }] },
			'events.0.confidence'
		],
		['an assignment with neither queue nor agent', { ...base, events: [{ id: 'e', at: base.created_at, type: 'assignment' }] }, 'events.0'],
		[
			'duplicate event ids',
			{
				...base,
				events: [
					{ id: 'e', at: base.created_at, type: 'status', status: 'open' },
					{ id: 'e', at: base.created_at, type: 'status', status: 'solved' }
				]
			},
			'events'
		],
		['a CSAT score above its scale', { ...base, csat: { score: 7, scale: 5 } }, 'csat']
	])('rejects %s, naming the field', (_name, input, field) => {
		const result = conversationSchema.safeParse(input);
		expect(result.success).toBe(false);
		expect(formatIssues(result.error!)).toContain(`${field}:`);
	});

	it('accepts a good/bad CSAT rating', () => {
		expect(conversationSchema.parse({ ...base, csat: { rating: 'bad' } }).csat).toEqual({ rating: 'bad' });
	});
});

describe('kbArticleSchema', () => {
	it('needs id, title and body', () => {
		expect(kbArticleSchema.safeParse({ id: 'kb-1', title: 'Refunds', body: 'text' }).success).toBe(true);
		expect(kbArticleSchema.safeParse({ id: 'kb-1', body: 'text' }).success).toBe(false);
	});
});
