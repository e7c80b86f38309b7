import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readAdapter } from '../../../../../../tests/helpers/readAdapter';
import { detectFormat } from '../../detectFormat';
import { freshdeskAdapter } from './freshdeskAdapter';

const dir = path.join(import.meta.dirname, 'fixtures');
const all = fs.readdirSync(dir).map((f) => path.join(dir, f));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'supportlens-freshdesk-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('freshdeskAdapter.detect', () => {
	it('takes every fixture (tickets, conversations, ratings, agents, groups, articles) and nothing of Zendesk', () => {
		for (const file of all) expect(detectFormat(file)?.format, path.basename(file)).toBe('freshdesk');
		expect(freshdeskAdapter.detect({ path: 'x', head: '{"id":1,"via":{"channel":"web"},"requester_id":2,"responder_id":3}' })).toBe(false);
		// A JSON Lines ticket whose first key is its type is no sync-tool envelope.
		expect(freshdeskAdapter.detect({ path: 'x', head: '{"type":"Question","id":1,"requester_id":2,"responder_id":3,"status":2}\n' })).toBe(
			true
		);
	});
});

describe('freshdeskAdapter.read', () => {
	it('maps tickets with conversations and stats: description, notes, AI and agent replies, queues, statuses', async () => {
		const { conversations } = await readAdapter(freshdeskAdapter, all, ['freddy@acme.test']);
		expect([...conversations.keys()].sort()).toEqual(['1001', '1002', '1003', '1004']); // 1005 is spam
		const c1 = conversations.get('1001')!;
		expect(c1).toMatchObject({
			source: 'freshdesk',
			channel: 'chat',
			priority: 'normal',
			intent: 'Billing',
			tags: ['invoice'],
			customer: { id: '7001' }
		});
		expect(c1.history).toBeUndefined();
		expect(
			c1.events.map((e) => [e.type, 'author' in e ? e.author : '', 'status' in e ? e.status : '', 'queue' in e ? e.queue : ''])
		).toEqual([
			['message', 'customer', '', ''],
			['assignment', '', '', 'Billing'],
			['message', 'ai', '', ''], // by agent 9001, freddy@acme.test
			['status', '', 'solved', '']
		]);
		const c2 = conversations.get('1002')!;
		expect(c2.events.find((e) => e.id === '20021')).toMatchObject({ type: 'note', author: 'agent', agent_id: '501' });
		expect(c2.events.find((e) => e.id === '20023')).toMatchObject({ type: 'message', author: 'customer', body: 'That worked, thanks.' });
		expect(c2.events.filter((e) => e.type === 'status').map((e) => 'status' in e && e.status)).toEqual(['solved', 'closed']);
		// 1003's conversations come from a separate file; stats hold a resolve and a later reopen.
		const c3 = conversations.get('1003')!;
		expect(c3.events.filter((e) => e.type === 'message').map((e) => 'author' in e && e.author)).toEqual([
			'customer',
			'ai',
			'customer',
			'agent'
		]);
		expect(c3.events.filter((e) => e.type === 'status').map((e) => 'status' in e && e.status)).toEqual(['solved', 'open']);
	});

	it('loads a list ticket without conversations as a partial history, its first reply from stats', async () => {
		const { conversations } = await readAdapter(freshdeskAdapter, all);
		const c4 = conversations.get('1004')!;
		expect(c4.history).toBe('partial');
		expect(c4.channel).toBe('web_form');
		expect(c4.events.find((e) => e.id === '1004-first-reply')).toMatchObject({
			type: 'message',
			author: 'agent',
			body: '',
			at: '2026-10-05T15:10:00.000Z'
		});
	});

	it('yields satisfaction ratings as rating records: happy is good, neutral and unhappy are bad', async () => {
		const { ratings } = await readAdapter(freshdeskAdapter, all);
		const byTicket = Object.fromEntries(ratings.map((r) => [r.conversation_id, r.csat]));
		expect(byTicket).toEqual({
			'1001': { rating: 'good', comment: 'Fast!' },
			'1002': { rating: 'bad', comment: 'Took two tries' },
			'1004': { rating: 'good' },
			'1009': { rating: 'bad' } // its ticket is not in the files: kept for a later import
		});
		expect(ratings.every((r) => r.source === 'freshdesk')).toBe(true);
	});

	it('maps published solution articles with their language and translation group; drafts are skipped', async () => {
		const { articles } = await readAdapter(freshdeskAdapter, all);
		expect([...articles.values()].map((a) => [a.id, a.locale, a.translation_group, a.title])).toEqual([
			['41-en', 'en', '41', 'Downloading invoices'],
			['41-fr', 'fr', '41', 'Télécharger les factures']
		]);
		expect(articles.get('41-fr')!.body).toBe('Ouvrez Facturation > Documents.');
	});

	it('quarantines a bad record and a broken line with their line numbers', async () => {
		const { invalid } = await readAdapter(freshdeskAdapter, all);
		expect(invalid.map((r) => `${path.basename(r.location.file)}:${r.location.line} ${r.reason}`)).toEqual([
			'tickets_list.jsonl:3 bad JSON: Unexpected end of JSON input (fix or remove this line; the rest of the file loads)',
			'tickets_list.jsonl:2 Freshdesk ticket 1006: created_at is not a valid timestamp: "2026-13-01T00:00:00Z"'
		]);
	});

	it('reads the same objects from an Airbyte record file: float and string ids, left-out keys, other streams', async () => {
		const tickets = JSON.parse(fs.readFileSync(path.join(dir, 'tickets.json'), 'utf8')) as Record<string, unknown>[];
		const lines = [
			JSON.stringify({ stream: 'contacts', data: { id: 7001, name: 'Jo', helpdesk_agent: false }, emitted_at: 1 }),
			...tickets
				.slice(0, 1)
				.map((t) =>
					JSON.stringify({ stream: 'tickets', data: { ...t, conversations: undefined }, emitted_at: 1 }).replace(
						'"id":1001,',
						'"id":1001.0,'
					)
				),
			JSON.stringify({
				stream: 'conversations',
				data: {
					id: '20011',
					body_text: 'Invoices are under Billing > Documents.',
					incoming: false,
					private: false,
					user_id: 9001,
					ticket_id: '1001',
					created_at: '2026-10-05T09:01:00Z'
				},
				emitted_at: 1
			}),
			JSON.stringify({ stream: 'agents', data: { id: 9001, contact: { email: 'freddy@acme.test' }, ticket_scope: 1 }, emitted_at: 1 }),
			'{"stream": "tickets", "data": {"id": 1'
		];
		const file = path.join(tmp, 'freshdesk_airbyte.jsonl');
		fs.writeFileSync(file, lines.join('\n') + '\n');
		expect(detectFormat(file)?.format).toBe('freshdesk');
		const { conversations, invalid } = await readAdapter(freshdeskAdapter, [file], ['freddy@acme.test']);
		expect([...conversations.keys()]).toEqual(['1001']);
		expect(conversations.get('1001')!.events.map((e) => e.type === 'message' && e.author)).toEqual(['customer', false, 'ai', false]);
		expect(invalid.map((r) => r.location.line)).toEqual([5]);
	});

	it('quarantines a ticket whose embedded conversation is broken, instead of loading it without that reply', async () => {
		const file = path.join(tmp, 'broken_conversation.json');
		fs.writeFileSync(
			file,
			JSON.stringify([
				{
					id: 1101,
					status: 2,
					source: 1,
					requester_id: 7,
					created_at: '2026-10-05T09:00:00Z',
					responder_id: 8,
					conversations: [{ body_text: 'no id', ticket_id: 1101 }]
				}
			])
		);
		const { conversations, invalid } = await readAdapter(freshdeskAdapter, [file]);
		expect(conversations.size).toBe(0);
		expect(invalid.map((r) => r.reason)).toEqual([
			expect.stringMatching(/^Freshdesk ticket 1101: conversations\[0\]: id: .*fix or drop it/)
		]);
	});
});
