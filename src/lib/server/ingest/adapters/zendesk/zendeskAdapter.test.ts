import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { conversationSchema, type Conversation } from '../../../../schema';
import type { AdapterRecord } from '../../types';
import { readAdapter } from '../../../../../../tests/helpers/readAdapter';
import { zendeskAdapter } from './zendeskAdapter';

const fixture = (name: string) => path.join(import.meta.dirname, 'fixtures', name);

async function readAll(files: string[], aiAuthors: string[] = []) {
	const records: AdapterRecord[] = [];
	let bytes = 0;
	for await (const r of zendeskAdapter.read(files, { aiAuthors, onBytes: (n) => (bytes += n) })) records.push(r);
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

const full = [fixture('tickets_page.json'), fixture('audits.jsonl'), fixture('ticket_fields.json')];

describe('zendeskAdapter.detect', () => {
	it('recognises export pages, audit lines and ticket lines, not canonical or Intercom', () => {
		const d = (head: string) => zendeskAdapter.detect({ path: 'x', head });
		expect(d('{\n  "tickets": [\n')).toBe(true);
		expect(d('{"audits":[{"id":1}]}')).toBe(true);
		expect(d('{"id":1,"ticket_id":2,"created_at":"x","events":[]}')).toBe(true);
		expect(d('{"id":1,"requester_id":2,"via":{"channel":"web"}}')).toBe(true);
		expect(d('{"id":"c-1","created_at":"2026-01-01T00:00:00Z","events":[]}')).toBe(false);
		expect(d('{"type":"conversation","id":"1","conversation_parts":{}}')).toBe(false);
		expect(d('id,created_at,body\n')).toBe(false);
	});
});

describe('zendeskAdapter.read on a documented export', () => {
	it('maps tickets, metric sets, side-loads and audits to canonical conversations', async () => {
		const { conversations, invalid, bytes } = await readAll(full, ['ai-agent@acme.test']);
		expect(invalid).toEqual([]);
		expect([...conversations.keys()].sort()).toEqual(['101', '102', '103']); // 104 is deleted
		expect(bytes).toBeGreaterThan(10_000);

		const c = conversations.get('101')!;
		expect(c).toMatchObject({
			source: 'zendesk',
			channel: 'chat',
			subject: 'Charged twice for my renewal',
			priority: 'high',
			intent: 'billing__double_charge',
			language: 'en',
			tags: ['billing', 'renewal'],
			customer: { id: '7001', tier: 'vip', plan: 'pro' },
			csat: { rating: 'good', comment: 'Quick refund, thanks' },
			created_at: '2026-10-05T21:12:00.000Z',
			updated_at: '2026-10-07T09:30:00.000Z'
		});
		expect(c.events.map((e) => [e.id, e.type, 'author' in e ? e.author : '', 'status' in e ? e.status : ''])).toEqual([
			['2001', 'message', 'customer', ''],
			['2002', 'status', '', 'new'],
			['2004', 'assignment', '', ''],
			['2005', 'message', 'ai', ''],
			['2006', 'status', '', 'open'],
			['2007', 'message', 'customer', ''],
			['2010', 'handoff', 'ai', ''],
			['2012', 'assignment', '', ''],
			['2013', 'note', 'agent', ''],
			['2014', 'message', 'agent', ''],
			['2015', 'status', '', 'solved'],
			['2017', 'message', 'customer', ''],
			['2018', 'status', '', 'open'],
			['2019', 'message', 'agent', ''],
			['2020', 'status', '', 'solved']
		]);
		const handoff = c.events.find((e) => e.type === 'handoff');
		expect(handoff).toMatchObject({ to_queue: 'Billing', customer_message: expect.stringContaining('billing team') });
		expect(handoff && 'note' in handoff && handoff.note).toMatch(/^Goal: refund/);
		expect(c.events.find((e) => e.id === '2004')).toMatchObject({ queue: 'Support' });
		expect(c.events.find((e) => e.id === '2012')).toMatchObject({ agent_id: '501' });
		expect(c.events.find((e) => e.id === '2014')).toMatchObject({ agent_id: '501', body: expect.stringContaining('refunded') });
	});

	it('turns group changes into assignments with group names, keeps the assignee, and maps via and csat', async () => {
		const { conversations } = await readAll(full, ['9001']);
		const c = conversations.get('102')!;
		expect(c).toMatchObject({ channel: 'email', priority: 'normal', csat: { rating: 'bad', comment: 'took two days' } });
		expect(c.customer).toEqual({ id: '7002', plan: 'starter' });
		expect(c.tags).toBeUndefined();
		const assignments = c.events.filter((e) => e.type === 'assignment');
		expect(assignments).toEqual([
			expect.objectContaining({ id: '2103', queue: 'Billing' }),
			expect.objectContaining({ id: '2104', agent_id: '502' }),
			expect.objectContaining({ id: '2106', queue: 'Technical', agent_id: '501' })
		]);
		expect(c.events.filter((e) => e.type === 'status').map((e) => 'status' in e && e.status)).toEqual(['new', 'open', 'pending', 'solved']);
		// The system user (-1) is nobody's agent.
		expect(c.events.find((e) => e.id === '2104')).not.toHaveProperty('author');
	});

	it('skips audit events with no canonical meaning (Notification, Cc, Push, unknown types)', async () => {
		const { conversations } = await readAll(full, ['9001']);
		const c = conversations.get('103')!;
		expect(c.channel).toBe('web_form');
		expect(c.created_at).toBe('2026-10-06T08:00:00.000Z');
		expect(c.csat).toBeUndefined();
		expect(c.events.map((e) => e.id)).toEqual(['2201', '2202', '2204', '2205', '2206']);
		expect(c.events[2]).toMatchObject({ type: 'message', author: 'ai' });
	});

	it('without the AI configured, the AI user is an agent and its group change an assignment', async () => {
		const { conversations } = await readAll(full);
		const c = conversations.get('101')!;
		expect(c.events.some((e) => e.type === 'handoff')).toBe(false);
		expect(c.events.find((e) => e.id === '2005')).toMatchObject({ author: 'agent', agent_id: '9001' });
		expect(c.events.find((e) => e.id === '2010')).toMatchObject({ type: 'assignment', queue: 'Billing' });
	});

	it('loads tickets alone (no audit files) from the ticket and its metric set, as partial histories', async () => {
		const { conversations, invalid } = await readAll([fixture('tickets_page.json')]);
		expect(invalid).toEqual([]);
		const c = conversations.get('102')!;
		expect(c.history).toBe('partial');
		expect(c.events).toEqual([
			expect.objectContaining({
				type: 'message',
				author: 'customer',
				body: 'The export button does nothing.',
				at: '2026-10-06T08:00:00.000Z'
			}),
			expect.objectContaining({ type: 'assignment', queue: 'Technical', agent_id: '502', at: '2026-10-06T08:01:00.000Z' }),
			// reply_time_in_minutes.calendar = 1805 after created_at: the first reply, its text unknown
			expect.objectContaining({ id: '102-first-reply', type: 'message', author: 'agent', body: '', at: '2026-10-07T14:05:00.000Z' }),
			expect.objectContaining({ type: 'status', status: 'solved', at: '2026-10-08T16:05:00.000Z' })
		]);
	});
});

describe('zendeskAdapter.read on bad input', () => {
	it('quarantines each broken record with its line and reason, and loads the rest', async () => {
		const { conversations, invalid } = await readAll([fixture('bad_tickets.jsonl'), fixture('bad_audits.jsonl')]);
		// 205 has no audits while others do: loaded from the ticket as a partial history.
		expect([...conversations.keys()]).toEqual(['201', '205']);
		expect(conversations.get('205')!.history).toBe('partial');
		expect(conversations.get('201')!.history).toBeUndefined();
		const byReason = invalid.map((r) => r.kind === 'invalid' && `${path.basename(r.location.file)}:${r.location.line ?? ''} ${r.reason}`);
		const find = (re: RegExp) => byReason.filter((s) => s && re.test(s));
		expect(find(/^bad_tickets\.jsonl:2 bad JSON/)).toHaveLength(1);
		expect(find(/^bad_tickets\.jsonl:3 ticket: id:/)).toHaveLength(1);
		expect(find(/^bad_tickets\.jsonl:4 ticket 204: created_at is not a valid timestamp: "2026-02-30/)).toHaveLength(1);
		expect(find(/^bad_tickets\.jsonl:6 invalid UTF-8/)).toHaveLength(1);
		expect(find(/^bad_tickets\.jsonl:7 ticket 207: audit 3003: unknown status "escalated"/)).toHaveLength(1);
		expect(find(/^bad_tickets\.jsonl:8 audit 3004 \(.*bad_audits\.jsonl:4\): events\.0\.type: event without a type/)).toHaveLength(1);
		expect(find(/^bad_audits\.jsonl:5 audits for ticket 999 but the ticket itself is not in the files given/)).toHaveLength(1);
		expect(invalid).toHaveLength(7);
	});
});

describe('zendeskAdapter on the other shapes Zendesk data comes in', () => {
	it('reads legacy exports/tickets rows: string numbers, -0800 offsets, capitalised statuses, field headers', async () => {
		const { conversations } = await readAdapter(zendeskAdapter, [fixture('legacy_export.json')]);
		expect([...conversations.keys()].sort()).toEqual(['401', '403']); // 402 is Deleted
		const c = conversations.get('401')!;
		expect(c).toMatchObject({
			created_at: '2026-10-05T09:00:00.000Z',
			channel: 'web_form',
			priority: 'high',
			intent: 'login',
			language: 'en',
			tags: ['login', 'web'],
			customer: { id: '7401' },
			csat: { rating: 'good' },
			history: 'partial'
		});
		expect(c.events.map((e) => [e.type, e.at])).toEqual([
			['message', '2026-10-05T09:00:00.000Z'],
			['assignment', '2026-10-05T09:05:00.000Z'],
			['message', '2026-10-05T09:20:00.000Z'], // first_reply_time_in_minutes "20"
			['status', '2026-10-05T11:00:00.000Z']
		]);
		expect(c.events[1]).toMatchObject({ queue: 'Support', agent_id: '222' });
		expect(conversations.get('403')!.events.at(-1)).toMatchObject({ type: 'status', status: 'pending' }); // Hold
	});

	it('yields satisfaction_ratings as rating records; offered is no rating', async () => {
		const { ratings, invalid } = await readAdapter(zendeskAdapter, [fixture('satisfaction_ratings.json')]);
		expect(invalid).toEqual([]);
		expect(ratings.map((r) => [r.conversation_id, r.csat, r.rated_at])).toEqual([
			['103', { rating: 'good', comment: 'Solved it fast' }, '2026-10-06T09:00:00.000Z'],
			['110', { rating: 'bad', comment: 'No answer' }, '2026-10-09T09:00:00.000Z']
		]);
	});

	it('maps Help Center articles and translations with the source article id as translation_group', async () => {
		const { articles } = await readAdapter(zendeskAdapter, [fixture('help_center_articles.json')]);
		expect([...articles.values()].map((a) => [a.id, a.locale, a.translation_group, a.body])).toEqual([
			['360001', 'en-us', '360001', 'Refunds take 5 days.'],
			['360001-de', 'de', '360001', 'Erstattungen dauern 5 Tage.']
		]);
	});

	it('routes Airbyte and Singer records by stream; float ids become integers', async () => {
		const airbyte = fixture('airbyte/zendesk_records.jsonl');
		const singer = fixture('airbyte/zendesk_singer.jsonl');
		expect(zendeskAdapter.detect({ path: airbyte, head: fs.readFileSync(airbyte, 'utf8') })).toBe(true);
		expect(zendeskAdapter.detect({ path: singer, head: fs.readFileSync(singer, 'utf8') })).toBe(true);
		const { conversations, invalid, ratings } = await readAdapter(zendeskAdapter, [airbyte, singer], ['ai-agent@acme.test']);
		expect([...conversations.keys()].sort()).toEqual(['7253394974479', '7253394974480', '7253394974481', '8801']);
		const full = conversations.get('7253394974479')!;
		expect(full.history).toBeUndefined();
		expect(full.customer).toEqual({ id: '111', tier: 'vip' });
		expect(full.events.map((e) => (e.type === 'message' ? e.author : e.type))).toEqual([
			'customer',
			'status',
			'assignment',
			'ai',
			'status'
		]);
		expect(conversations.get('8801')!.history).toBe('partial');
		expect(ratings.map((r) => r.conversation_id).sort()).toEqual(['7253394974479', '7253394974480']);
		expect(invalid.map((r) => `${path.basename(r.location.file)}:${r.location.line}`)).toEqual(['zendesk_records.jsonl:8']);
	});
});

describe('zendeskAdapter on an Airbyte ticket_comments stream', () => {
	it('gives a ticket without audits its comments from the stream: a full history, not a partial one', async () => {
		const os = await import('node:os');
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'supportlens-zd-'));
		const file = path.join(dir, 'records.jsonl');
		const rec = (stream: string, data: object) => JSON.stringify({ stream, data, emitted_at: 1 });
		fs.writeFileSync(
			file,
			[
				rec('tickets', { id: 9.0, via: { channel: 'email' }, created_at: '2026-10-05T08:00:00Z', status: 'solved', requester_id: 5.0 }),
				rec('ticket_comments', {
					id: 92.0,
					ticket_id: 9.0,
					author_id: 6.0,
					body: 'Done.',
					public: true,
					created_at: '2026-10-05T08:30:00Z'
				}),
				rec('ticket_comments', {
					id: 91.0,
					ticket_id: '9.0',
					author_id: 5.0,
					body: 'Help?',
					public: true,
					created_at: '2026-10-05T08:00:00Z'
				}),
				rec('ticket_audits', { id: 1.0, ticket_id: 77.0, created_at: '2026-10-05T08:00:00Z', events: [] })
			].join('\n') + '\n'
		);
		try {
			const { conversations } = await readAdapter(zendeskAdapter, [file]);
			const c = conversations.get('9')!;
			expect(c.history).toBeUndefined();
			expect(c.events.filter((e) => e.type === 'message').map((e) => [e.id, 'author' in e && e.author])).toEqual([
				['91', 'customer'],
				['92', 'agent']
			]);
		} finally {
			fs.rmSync(dir, { recursive: true, force: true });
		}
	});
});
