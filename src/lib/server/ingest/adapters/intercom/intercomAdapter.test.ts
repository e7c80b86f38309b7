import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { conversationSchema, type Conversation } from '../../../../schema';
import type { AdapterRecord } from '../../types';
import { canonicalAdapter } from '../canonical';
import { zendeskAdapter } from '../zendesk';
import { intercomAdapter } from './intercomAdapter';

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);

async function readAll(files: string[], aiAuthors: string[] = []) {
	const records: AdapterRecord[] = [];
	let bytes = 0;
	for await (const r of intercomAdapter.read(files, { aiAuthors, onBytes: (n) => (bytes += n) })) records.push(r);
	const conversations = new Map<string, Conversation>();
	for (const r of records) {
		if (r.kind !== 'conversation') continue;
		const parsed = conversationSchema.safeParse(r.value);
		if (!parsed.success) throw new Error(`${JSON.stringify(r.location)}: ${parsed.error.message}`);
		conversations.set(parsed.data.id, parsed.data);
	}
	const invalid = records.filter((r) => r.kind === 'invalid');
	return { records, conversations, invalid, bytes };
}

const full = [fixture('conversations.jsonl'), fixture('conversation_list.json'), fixture('teams.json')];
const brief = (c: Conversation) =>
	c.events.map((e) => `${e.id} ${e.type}${'author' in e ? ` ${e.author}` : ''}${'status' in e ? ` ${e.status}` : ''}`);

describe('intercomAdapter.detect', () => {
	const d = (head: string) => intercomAdapter.detect({ path: 'x', head });
	it('recognises conversations, list pages and team/admin lists, not canonical, Zendesk or CSV', () => {
		expect(d('{"type":"conversation","id":"1","created_at":1,"conversation_parts":{}}')).toBe(true);
		expect(d('{\n  "type": "conversation.list",\n  "conversations": [')).toBe(true);
		expect(d('{"type": "team.list", "teams": []}')).toBe(true);
		expect(d('{"id":"c-1","created_at":"2026-01-01T00:00:00Z","events":[{"type":"message","body":"\\"type\\":\\"conversation\\""}]}')).toBe(
			false
		);
		expect(d('{"tickets":[{"id":1}]}')).toBe(false);
		expect(d('conversation_id,event_type,body\n1,message,"{""type"":""conversation""}"\n')).toBe(false);
	});
	it('is asked before canonical, and canonical never takes an Intercom line (it has created_at too)', () => {
		const head = '{"type":"conversation","id":"1","created_at":1700000000,"source":{}}';
		expect(canonicalAdapter.detect({ path: 'x', head })).toBe(false);
		const ticket = '{"type":"ticket","id":"70","ticket_id":"1","created_at":1738329209,"ticket_parts":{}}';
		expect(canonicalAdapter.detect({ path: 'x', head: ticket })).toBe(false);
		expect(intercomAdapter.detect({ path: 'x', head: ticket })).toBe(true);
		expect(zendeskAdapter.detect({ path: 'x', head })).toBe(false);
	});
});

describe('intercomAdapter.read on documented API objects', () => {
	it('maps a contained Fin conversation: answer, citation, close, rating, attributes', async () => {
		const { conversations, invalid, bytes } = await readAll(full);
		expect(invalid).toEqual([]);
		expect([...conversations.keys()].sort()).toEqual(['1001', '1002', '1003', '1004', '2001', '2002']);
		expect(bytes).toBe(16549 + 3659 + 417);
		const c = conversations.get('1001')!;
		expect(c).toMatchObject({
			source: 'intercom',
			channel: 'chat',
			language: 'en',
			intent: 'billing.update_card',
			priority: 'normal',
			tags: ['billing'],
			customer: { id: '6650c1a2f1', tier: 'vip', plan: 'pro' },
			csat: { score: 5, scale: 5, comment: 'fast' },
			created_at: '2026-10-05T21:12:00.000Z',
			updated_at: '2026-10-05T21:20:00.000Z'
		});
		expect(brief(c)).toEqual(['source-403918301 message customer', '9001 message ai', '9002 message customer', '9004 status solved']);
		expect(c.events[1]).toMatchObject({
			body: 'You can change your card under Settings > Billing. Click "Update card".',
			answer_type: 'answered',
			kb_article_ids: ['6543210']
		});
	});

	it('turns Fin routing to a team into a hand-off with its note and customer message, and a fallback', async () => {
		const { conversations } = await readAll(full);
		const c = conversations.get('1002')!;
		expect(c).toMatchObject({ priority: 'high', csat: { score: 2, comment: 'took two days' } });
		expect(brief(c)).toEqual([
			'source-403918302 message customer',
			'9101 message ai',
			'9102 message customer',
			'9105 handoff ai',
			'9106 assignment',
			'9107 message agent',
			'9108 status solved',
			'9109 message customer',
			'9110 status open',
			'9111 message agent',
			'9112 status solved'
		]);
		expect(c.events[1]).toMatchObject({ answer_type: 'fallback' });
		expect(c.events[3]).toMatchObject({
			to_queue: 'Billing',
			reason: 'routed_to_team',
			note: expect.stringMatching(/^Goal: refund[^]*\nNext action: refund one charge$/),
			customer_message: "I'm bringing in our billing team, they'll reply here within a few hours."
		});
		expect(c.events[4]).toMatchObject({ agent_id: '814' });
		expect(c.events[5]).toMatchObject({ agent_id: '814' });
	});

	it('maps team reassignment, an assignment note, snooze and unsnooze, email and lead authors', async () => {
		const { conversations } = await readAll(full);
		const c = conversations.get('1003')!;
		expect(c).toMatchObject({ channel: 'email', subject: 'Export broken', language: 'de-DE', customer: { id: '6650c1a2f3' } });
		expect(c.csat).toBeUndefined();
		expect(brief(c)).toEqual([
			'source-403918303 message customer',
			'9201 assignment',
			'9202 assignment',
			'9202-note note agent',
			'9203 note agent',
			'9204 message agent',
			'9205 status pending',
			'9206 status open',
			'9207 message agent',
			'9208 status solved'
		]);
		expect(c.events.filter((e) => e.type === 'assignment').map((e) => 'queue' in e && e.queue)).toEqual(['Support', 'Technical']);
		// The Operator bot routing a conversation the AI never spoke in is routing, not a hand-off.
		expect(c.events.some((e) => e.type === 'handoff')).toBe(false);
	});

	it('treats admins named in --ai-author (by id or email) as the AI', async () => {
		const asAi = (await readAll(full, ['ASSISTANT@acme.test'])).conversations.get('1004')!;
		expect(asAi.channel).toBe('social');
		expect(brief(asAi)).toEqual([
			'source-403918304 message customer',
			'9301 message ai',
			'9302 message customer',
			'9303 message ai',
			'9304 status solved'
		]);
		expect(brief((await readAll(full, ['990'])).conversations.get('1004')!)[1]).toBe('9301 message ai');
		const plain = (await readAll(full)).conversations.get('1004')!;
		expect(plain.events[1]).toMatchObject({ author: 'agent', agent_id: '990' });
	});

	it('rebuilds list-endpoint conversations (no parts) from statistics and state', async () => {
		const { conversations } = await readAll(full);
		expect(brief(conversations.get('2001')!)).toEqual([
			'source-403918401 message customer',
			'2001-assignment assignment',
			'2001-close-1 status solved',
			'2001-reopen status open',
			'2001-close-2 status solved',
			'2001-state status open'
		]);
		expect(conversations.get('2001')!.events[1]).toMatchObject({ queue: 'Support', agent_id: '815', at: '2026-10-10T10:01:00.000Z' });
		const outbound = conversations.get('2002')!;
		expect(outbound.channel).toBe('in_app');
		expect(brief(outbound)).toEqual(['source-403918402 message agent', '2002-close-1 status solved']);
	});

	it('without the teams side-load, queues are team ids', async () => {
		const { conversations } = await readAll([fixture('conversations.jsonl')]);
		expect(conversations.get('1002')!.events.find((e) => e.type === 'handoff')).toMatchObject({ to_queue: '5017691' });
	});
});

describe('intercomAdapter.read on bad input', () => {
	it('quarantines each broken record with its line and reason, and loads the rest', async () => {
		const { conversations, invalid } = await readAll([fixture('bad_conversations.jsonl'), fixture('bad_list.json')]);
		expect([...conversations.keys()]).toEqual(['3001', '3010', '4001', '4003']);
		const lines = invalid.map((r) => r.kind === 'invalid' && `${path.basename(r.location.file)}:${r.location.line} ${r.reason}`);
		expect(lines).toEqual([
			'bad_conversations.jsonl:2 bad JSON: Unexpected end of JSON input (fix or remove this line; the rest of the file loads)',
			'bad_conversations.jsonl:3 conversation: id: missing or empty id',
			'bad_conversations.jsonl:4 conversation 3004: created_at is not a valid timestamp: "2026-02-30T10:00:00Z"',
			'bad_conversations.jsonl:5 invalid UTF-8',
			'bad_conversations.jsonl:6 conversation 3006: part 3006-1: unknown part_type "telepathy"',
			'bad_conversations.jsonl:7 conversation 3007: conversation_parts[0]: part_type: a part without a part_type',
			// line 8 is a contact: an Intercom object with no canonical meaning, passed over
			'bad_conversations.jsonl:9 conversation 3009: created_at is not a valid timestamp: -5',
			expect.stringMatching(/^bad_list\.json:92 bad JSON: Unexpected token/)
		]);
		expect(invalid[7].location.record).toBe('conversations[1]');
	});
});

describe('isDocument', () => {
	it('streams pretty-printed or over-long list documents element by element; whole lines are JSON Lines', async () => {
		const { isDocument } = await import('./readIntercomFile');
		expect(isDocument('{\n  "type": "conversation.list",')).toBe(true);
		expect(isDocument('[\n{"type":"conversation"')).toBe(true);
		expect(isDocument('{"type":"conversation","id":"1"}\n{"type":')).toBe(false);
		expect(isDocument('{"type":"conversation.list","conversations":[{"id":"1", "body": "…64 KiB and more')).toBe(true);
		expect(isDocument('{"type":"conversation","id":"1","body":"a single long line cut by the sample')).toBe(false);
		expect(isDocument('{"type": "conversation", "id": "3002", "created_at": \n{"type":"conversation"}')).toBe(false);
	});
});

describe('buildIntercomConversation with an admin.list side-load', () => {
	it('matches an --ai-author email through the admin id when parts carry no email', async () => {
		const { buildIntercomConversation } = await import('./buildIntercomConversation');
		const { intercomConversationSchema } = await import('./intercomSchemas');
		const conv = intercomConversationSchema.parse({
			type: 'conversation',
			id: '77',
			created_at: 1790000000,
			source: { type: 'conversation', id: 's', body: '<p>Hi</p>', author: { type: 'user', id: 'u1' } },
			conversation_parts: {
				conversation_parts: [
					{ id: 'p1', part_type: 'comment', created_at: 1790000010, body: 'Hello', author: { type: 'admin', id: '990' } }
				]
			}
		});
		const ctx = (admins: [string, string][]) => ({
			teams: new Map(),
			admins: new Map(admins),
			aiAuthors: new Set(['assistant@acme.test'])
		});
		expect(buildIntercomConversation(conv, ctx([['990', 'Assistant@Acme.test']])).events?.[1]).toMatchObject({ author: 'ai' });
		expect(buildIntercomConversation(conv, ctx([])).events?.[1]).toMatchObject({ author: 'agent', agent_id: '990' });
	});
});
