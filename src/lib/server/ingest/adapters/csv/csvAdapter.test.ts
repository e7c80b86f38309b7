import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { conversationSchema, type Conversation } from '../../../../schema';
import type { AdapterRecord, CsvMapping } from '../../types';
import { ADAPTERS } from '../index';
import { csvAdapter } from './csvAdapter';
import { parseCsvMapping } from './parseCsvMapping';

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);

async function readAll(files: string[], csvMapping?: CsvMapping) {
	const records: AdapterRecord[] = [];
	let bytes = 0;
	for await (const r of csvAdapter.read(files, { aiAuthors: [], csvMapping, onBytes: (n) => (bytes += n) })) records.push(r);
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

describe('csvAdapter.detect', () => {
	const d = (head: string, file = 'export.csv') => csvAdapter.detect({ path: file, head });
	it('takes a .csv with a header row, or a known header under any name; never JSON or plain text', () => {
		expect(d('conversation_id,event_at,body\n')).toBe(true);
		expect(d('Ticket;Opened;Text\n')).toBe(true);
		expect(d('id,created_at,question\n', 'dump.txt')).toBe(true);
		expect(d('alpha,beta\n', 'dump.txt')).toBe(false);
		expect(d('just some notes\nnothing to import\n', 'notes.txt')).toBe(false);
		expect(d('{"id":"c-1","created_at":"2026-01-01T00:00:00Z","events":[]}', 'x.csv')).toBe(false);
	});
	it('is asked last, after every JSON format', () => {
		expect(ADAPTERS.map((a) => a.format)).toEqual(['freshdesk', 'helpscout', 'zendesk', 'intercom', 'canonical', 'csv']);
	});
});

describe('parseCsvMapping', () => {
	it('maps fields to headers and refuses unknown fields by name', () => {
		expect(parseCsvMapping(['conversation_id=Ticket ID', 'body = Text'])).toEqual({ conversation_id: 'Ticket ID', body: 'Text' });
		expect(() => parseCsvMapping(['ticket=Ticket'])).toThrow(
			/^--map ticket=Ticket: unknown field "ticket"; known fields: conversation_id,/
		);
		expect(() => parseCsvMapping(['body'])).toThrow(/write it as field=Header/);
		expect(() => parseCsvMapping(['body='])).toThrow(/write it as field=Header/);
	});
});

describe('csvAdapter.read, one row per event', () => {
	it('groups rows by conversation, even when they are not consecutive, and maps every column', async () => {
		const { conversations, invalid, bytes, records } = await readAll([fixture('messages.csv')]);
		expect(invalid).toEqual([]);
		expect(bytes).toBe(fs.statSync(fixture('messages.csv')).size); // every byte counted once, for progress
		expect(records.map((r) => r.location.line)).toEqual([2, 5]);
		const c = conversations.get('c-1042')!;
		expect(c).toMatchObject({
			source: 'csv',
			channel: 'chat',
			subject: 'Charged twice',
			language: 'en',
			intent: 'billing',
			priority: 'high',
			tags: ['renewal', 'vip'],
			customer: { id: 'cust-77', tier: 'vip', plan: 'pro' },
			csat: { score: 2, scale: 5, comment: 'slow' },
			updated_at: '2026-10-06T08:00:00.000Z'
		});
		expect(c.events.map((e) => `${e.id} ${e.type}`)).toEqual([
			'e1 message',
			'e2 message',
			'e3 handoff',
			'e4 assignment',
			'e5 draft',
			'e6 note',
			'e7 status',
			'e8 status'
		]);
		expect(c.events[0]).toMatchObject({ body: 'I was charged twice,\nonce on the 3rd and once on the 5th.' });
		expect(c.events[1]).toMatchObject({ author: 'ai', answer_type: 'fallback', confidence: 0.42, kb_article_ids: ['kb-12', 'kb-7'] });
		expect(c.events[2]).toMatchObject({
			to_queue: 'billing',
			reason: 'refund_request',
			note: 'Goal: refund\nFacts: two charges',
			customer_message: "I'm bringing in our billing team"
		});
		expect(c.events[4]).toMatchObject({ agent_id: 'a-3', final_body: 'We have refunded the second charge.', review: 'edited' });
		const other = conversations.get('c-1043')!;
		expect(other).toMatchObject({ channel: 'email', csat: { rating: 'good' } });
		expect(other.events.map((e) => e.id)).toEqual(['e1', 'e2', 'e3']);
	});

	it('reads a file with its own headers through --map, a ; delimiter and zoned times', async () => {
		const mapping = parseCsvMapping([
			'conversation_id=Ticket',
			'conversation_created_at=Opened',
			'event_at=When',
			'author=Sender',
			'body=Text'
		]);
		const { conversations, invalid } = await readAll([fixture('mapped.csv')], mapping);
		expect(invalid).toEqual([]);
		expect(conversations.get('T-1')).toMatchObject({
			created_at: '2026-10-09T06:00:00.000Z',
			events: [
				{ id: 'T-1-1', type: 'message', author: 'customer', body: 'Mein Paket fehlt', at: '2026-10-09T06:00:00.000Z' },
				{ id: 'T-1-2', type: 'message', author: 'ai', body: 'Ich sehe nach.' }
			]
		});
	});

	it('stops with a UsageError when --map names a header the file lacks', async () => {
		await expect(readAll([fixture('mapped.csv')], { conversation_id: 'Case' })).rejects.toThrow(
			/--map conversation_id=Case: no such column; its header is Ticket, Opened/
		);
	});

	it('quarantines each bad row with its line and reason; the rest of its conversation still loads', async () => {
		const { conversations, invalid } = await readAll([fixture('bad_messages.csv')]);
		expect(invalid.map((r) => r.kind === 'invalid' && `${r.location.line} ${r.reason}`)).toEqual([
			'3 event_at is not a valid timestamp: "2026-02-30T09:00:00Z"',
			'4 confidence is not a number: "high"',
			'5 unknown event_type "telepathy"; expected one of message, handoff, assignment, draft, note, status',
			'6 conversation_id is empty',
			'7 author: Invalid option: expected one of "customer"|"ai"|"agent"',
			'9 expected 33 columns as in the header, found 4',
			'10 invalid UTF-8',
			'12 a quoted field opened here is never closed (the rest of the file is inside it)'
		]);
		expect(conversations.get('b-1')!.events.map((e) => e.id)).toEqual(['e1']);
		expect(conversations.get('b-2')!.events.map((e) => e.id)).toEqual(['e1', 'e3']);
		expect(conversations.has('b-4')).toBe(false);
	});
});

describe('csvAdapter.read, one row per conversation', () => {
	it('makes the question, the answer (AI when it has an answer type), a hand-off and a status from each row', async () => {
		const { conversations, invalid, bytes } = await readAll([fixture('conversations.csv')]);
		expect(invalid).toEqual([]);
		expect(bytes).toBe(fs.statSync(fixture('conversations.csv')).size);
		const q1 = conversations.get('q-1')!;
		expect(q1).toMatchObject({ channel: 'voice', subject: 'Reset password', customer: { id: 'cust-1' }, csat: { score: 5, scale: 5 } });
		expect(q1.events).toEqual([
			{ id: 'q-1-question', at: '2026-10-07T10:00:00.000Z', type: 'message', author: 'customer', body: 'How do I reset my password?' },
			{
				id: 'q-1-answer',
				at: '2026-10-07T10:00:05.000Z',
				type: 'message',
				author: 'ai',
				body: 'Use the "Forgot password" link.',
				answer_type: 'answered',
				confidence: 0.91
			},
			{ id: 'q-1-status', at: '2026-10-07T10:30:00.000Z', type: 'status', status: 'solved' }
		]);
		const q2 = conversations.get('q-2')!;
		expect(q2.channel).toBe('web_form');
		expect(q2.events.map((e) => `${e.type}${'author' in e ? ' ' + e.author : ''}`)).toEqual([
			'message customer',
			'message ai',
			'handoff ai',
			'status'
		]);
		expect(q2.events[2]).toMatchObject({ to_queue: 'billing', note: 'Goal: change invoice address' });
		// No answer_type or confidence: an agent's reply. A date-only created_at is midnight UTC.
		const q3 = conversations.get('q-3')!;
		expect(q3.created_at).toBe('2026-10-08T00:00:00.000Z');
		expect(q3.events[1]).toMatchObject({ author: 'agent' });
		expect(q3.events[2]).toMatchObject({ status: 'closed', at: '2026-10-08T09:00:00.000Z' });
	});
});
