import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAdapter } from '../../../../../../tests/helpers/readAdapter';
import { detectFormat } from '../../detectFormat';
import { helpscoutAdapter } from './helpscoutAdapter';

const dir = path.join(import.meta.dirname, 'fixtures');
const all = fs.readdirSync(dir).map((f) => path.join(dir, f));

describe('helpscoutAdapter.detect', () => {
	it('takes every fixture: list pages, a thread page, one conversation, ratings, a Docs article', () => {
		for (const file of all) expect(detectFormat(file)?.format, path.basename(file)).toBe('helpscout');
	});
});

describe('helpscoutAdapter.read', () => {
	it('maps threads (newest first in the API) into events in time order: customer, AI user, agent, notes, statuses', async () => {
		const { conversations } = await readAdapter(helpscoutAdapter, all, ['ai-answers@acme.test']);
		expect([...conversations.keys()].sort()).toEqual(['5001', '5002', '5003', '5004']); // 5005 is spam
		const c1 = conversations.get('5001')!;
		expect(c1).toMatchObject({
			source: 'helpscout',
			channel: 'chat',
			language: 'en',
			tags: ['password'],
			customer: { id: '6001' },
			subject: 'Reset my password'
		});
		expect(c1.events.map((e) => [e.id, e.type, 'author' in e ? e.author : '', 'status' in e ? e.status : ''])).toEqual([
			['5001-mailbox', 'assignment', '', ''],
			['50011', 'message', 'customer', ''],
			['50011-status', 'status', '', 'open'],
			['50012', 'message', 'ai', ''], // user 899 is ai-answers@acme.test (users side-load)
			['50013-status', 'status', '', 'closed']
		]);
		expect(c1.events[0]).toMatchObject({ queue: 'Support' });
		const c2 = conversations.get('5002')!;
		expect(c2.events.filter((e) => e.type === 'status').map((e) => 'status' in e && e.status)).toEqual([
			'open',
			'closed',
			'open',
			'closed'
		]);
		expect(c2.events.find((e) => e.id === '50022')).toMatchObject({ type: 'note', author: 'agent', agent_id: '801' });
		expect(c2.events.find((e) => e.id === '50023')).toMatchObject({
			type: 'message',
			author: 'agent',
			body: 'We refunded the second charge.'
		});
		expect(c2.events.some((e) => e.id === '50020')).toBe(false); // a draft thread
		expect(c2.events[0]).toMatchObject({ type: 'assignment', queue: 'Billing', agent_id: '801' });
	});

	it('joins a thread page to its conversation by the page link, and reads API v3 system users as the AI', async () => {
		const { conversations } = await readAdapter(helpscoutAdapter, all);
		const c3 = conversations.get('5003')!;
		expect(c3.history).toBeUndefined();
		expect(c3.events.filter((e) => e.type === 'message').map((e) => 'author' in e && e.author)).toEqual(['customer', 'ai', 'agent']);
		expect(c3.events.at(-1)).toMatchObject({ type: 'status', status: 'pending' });
	});

	it('loads a conversation without threads as a partial history closed at closedAt', async () => {
		const { conversations } = await readAdapter(helpscoutAdapter, all);
		const c4 = conversations.get('5004')!;
		expect(c4.history).toBe('partial');
		expect(c4.events).toEqual([
			expect.objectContaining({ type: 'assignment', queue: 'Billing' }),
			expect.objectContaining({ type: 'status', status: 'closed', at: '2026-10-05T15:00:00.000Z' })
		]);
	});

	it('yields ratings as rating records, a Docs article as a KB article, and quarantines a broken line', async () => {
		const { ratings, articles, invalid } = await readAdapter(helpscoutAdapter, all);
		expect(Object.fromEntries(ratings.map((r) => [r.conversation_id, r.csat]))).toEqual({
			'5002': { rating: 'good', comment: 'Quick refund' },
			'5003': { rating: 'bad' },
			'5004': { rating: 'bad' },
			'5010': { rating: 'good' }
		});
		expect([...articles.values()]).toEqual([
			{
				id: '5f1a2b3c4d',
				title: 'API rate limits',
				body: 'Each token may send 600 requests a minute.',
				url: 'https://acme.helpscoutdocs.com/article/12-rate-limits',
				updated_at: '2026-09-10T10:00:00.000Z'
			}
		]);
		expect(invalid.map((r) => `${path.basename(r.location.file)}:${r.location.line} ${r.reason}`)).toEqual([
			'ratings.jsonl:5 bad JSON: Unexpected end of JSON input (fix or remove this line; the rest of the file loads)'
		]);
	});

	it('quarantines a thread page that does not say its conversation, with what to do', async () => {
		const page = path.join(dir, 'threads_5003.json');
		const text = fs.readFileSync(page, 'utf8').replace('conversations/5003/threads', 'conversations/<ID>/threads');
		const file = path.join(fs.mkdtempSync(path.join((await import('node:os')).tmpdir(), 'supportlens-hs-')), 'threads.json');
		fs.writeFileSync(file, text);
		const { invalid } = await readAdapter(helpscoutAdapter, [file]);
		expect(invalid).toHaveLength(1);
		expect(invalid[0].reason).toMatch(/does not say its conversation.*embed=threads/);
		fs.rmSync(path.dirname(file), { recursive: true, force: true });
	});
});
