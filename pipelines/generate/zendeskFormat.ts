// The Zendesk output: incremental-export pages (`zendesk/tickets.jsonl`, tickets with the
// users, groups and metric_sets side-loads), ticket audits (`zendesk/audits.jsonl`, one audits
// page per ticket) and the ticket fields that name the Intent and Language custom fields.
// Zendesk tells the AI's comments apart only through an --ai-author list, so this format gets
// human-only stories; what it reads back is computed with the adapter's own mapping.
import fs from 'node:fs';
import path from 'node:path';
import { conversationSchema } from '../../src/lib/schema';
import { buildZendeskConversation, type ZendeskContext } from '../../src/lib/server/ingest/adapters/zendesk/buildZendeskConversation';
import { channelToZendesk } from '../../src/lib/server/ingest/adapters/zendesk/zendeskChannels';
import {
	zendeskAuditSchema,
	zendeskTicketSchema,
	zendeskUserSchema,
	type ZendeskUser
} from '../../src/lib/server/ingest/adapters/zendesk/zendeskSchemas';
import type { Channel } from '../../src/lib/schema';
import { ChunkedWriter } from './ChunkedWriter';
import { ensureFolder } from './ensureFolder';
import { QUEUES } from './language';
import type { CanonicalRecord, ReadBack, SampleFormat } from './SampleFormat';

const SUBDOMAIN = 'https://supportlens-demo.zendesk.com/api/v2';
const PAGE_SIZE = 100;
const INTENT_FIELD = 360_010_001;
const LANGUAGE_FIELD = 360_010_002;
/** The Zendesk system user (triggers, automations). */
const SYSTEM_USER = -1;
const GROUP_IDS = new Map<string, number>(QUEUES.map((q, i) => [q, 360_000_101 + i]));
const GROUPS = QUEUES.map((q) => ({ url: `${SUBDOMAIN}/groups/${GROUP_IDS.get(q)}.json`, id: GROUP_IDS.get(q)!, name: q, deleted: false }));

type Ev = Record<string, unknown> & { id: string; at: string; type: string };

const unix = (iso: string) => Math.floor(Date.parse(iso) / 1000);
const agentUserId = (agentId: string) => 900_000 + Number(agentId.replace(/\D/g, '') || 0);

export function zendeskFormat(outDir: string): SampleFormat {
	const dir = path.join(outDir, 'zendesk');
	ensureFolder(dir);
	fs.writeFileSync(
		path.join(dir, 'ticket_fields.json'),
		JSON.stringify(
			{
				ticket_fields: [
					{ url: `${SUBDOMAIN}/ticket_fields/${INTENT_FIELD}.json`, id: INTENT_FIELD, type: 'tagger', title: 'Intent', active: true },
					{ url: `${SUBDOMAIN}/ticket_fields/${LANGUAGE_FIELD}.json`, id: LANGUAGE_FIELD, type: 'text', title: 'Language', active: true }
				],
				next_page: null,
				previous_page: null,
				count: 2
			},
			null,
			2
		) + '\n'
	);
	const tickets = new ChunkedWriter(path.join(dir, 'tickets.jsonl'));
	const audits = new ChunkedWriter(path.join(dir, 'audits.jsonl'));
	let page: { tickets: object[]; users: Map<string, object>; metric_sets: object[] } = { tickets: [], users: new Map(), metric_sets: [] };
	let lastUpdated = 0;
	const ctx: ZendeskContext = {
		users: new Map(),
		groups: new Map(GROUPS.map((g) => [String(g.id), g.name])),
		fieldIds: { intent: String(INTENT_FIELD), language: String(LANGUAGE_FIELD) },
		aiAuthors: new Set()
	};

	const flushPage = async (last: boolean) => {
		if (page.tickets.length === 0 && !last) return;
		const record = {
			tickets: page.tickets,
			users: [...page.users.values()],
			groups: GROUPS,
			metric_sets: page.metric_sets,
			after_url: last ? null : `${SUBDOMAIN}/incremental/tickets/cursor.json?cursor=${lastUpdated}`,
			before_url: null,
			end_of_stream: last,
			count: page.tickets.length
		};
		await tickets.write(JSON.stringify(record) + '\n');
		page = { tickets: [], users: new Map(), metric_sets: [] };
	};

	return {
		source: 'zendesk',
		humanOnly: true,
		needsCustomerId: true,
		noDrafts: true,
		// Human-written channels: web form, email, phone, messaging.
		channels: { email: 0.5, web_form: 0.2, voice: 0.15, social: 0.1, sms: 0.05 },
		conversationId: (n) => String(100_000 + n),
		customerId: (n) => String(7_000_000 + n),
		async write(conv: CanonicalRecord): Promise<ReadBack> {
			const ticketNum = Number(conv.id);
			const events = conv.events as Ev[];
			const customer = conv.customer as { id: string; tier?: string; plan?: string };
			const requester = Number(customer.id);
			const users = new Map<string, object>();
			const requesterUser = {
				url: `${SUBDOMAIN}/users/${requester}.json`,
				id: requester,
				name: `Customer ${requester}`,
				email: `customer${requester}@example.com`,
				role: 'end-user',
				locale: conv.language ?? 'en',
				user_fields: { tier: customer.tier ?? null, plan: customer.plan ?? null }
			};
			users.set(String(requester), requesterUser);
			const agentUser = (agentId: string) => {
				const id = agentUserId(agentId);
				if (!users.has(String(id)))
					users.set(String(id), {
						url: `${SUBDOMAIN}/users/${id}.json`,
						id,
						name: `Agent ${agentId}`,
						email: `${agentId}@supportlens-demo.example`,
						role: 'agent',
						user_fields: {}
					});
				return id;
			};

			// One audit per canonical event, ids derived from the event's position.
			const eventIds = new Map<string, string>();
			const auditList: object[] = [];
			let lastStatus = 'new';
			let firstAgentReplyAt: string | undefined;
			let solvedAt: string | undefined;
			let reopens = 0;
			let replies = 0;
			const groups = new Set<string>();
			let assignee: number | null = null;
			let group: number | null = null;
			events.forEach((e, i) => {
				const base = ticketNum * 10_000 + (i + 1) * 10;
				eventIds.set(e.id, String(base));
				let author: number = SYSTEM_USER;
				const zEvents: Record<string, unknown>[] = [];
				const create = i === 0 ? 'Create' : 'Change';
				switch (e.type) {
					case 'message': {
						author = e.author === 'customer' ? requester : agentUser(String(e.agent_id));
						zEvents.push({ id: base, type: 'Comment', author_id: author, body: e.body, public: true, attachments: [] });
						if (e.author === 'agent') {
							replies++;
							firstAgentReplyAt ??= e.at;
						}
						break;
					}
					case 'note': {
						author = e.agent_id ? agentUser(String(e.agent_id)) : SYSTEM_USER;
						zEvents.push({ id: base, type: 'Comment', author_id: author, body: e.body, public: false, attachments: [] });
						break;
					}
					case 'assignment': {
						const groupId = GROUP_IDS.get(String(e.queue))!;
						author = e.agent_id ? agentUser(String(e.agent_id)) : SYSTEM_USER;
						zEvents.push({
							id: base,
							type: create,
							field_name: 'group_id',
							value: String(groupId),
							...(i ? { previous_value: group === null ? null : String(group) } : {})
						});
						if (e.agent_id)
							zEvents.push({
								id: base + 1,
								type: create,
								field_name: 'assignee_id',
								value: String(agentUser(String(e.agent_id))),
								...(i ? { previous_value: assignee === null ? null : String(assignee) } : {})
							});
						group = groupId;
						if (e.agent_id) assignee = agentUser(String(e.agent_id));
						groups.add(String(e.queue));
						break;
					}
					case 'status': {
						const status = String(e.status);
						zEvents.push({ id: base, type: create, field_name: 'status', value: status, ...(i ? { previous_value: lastStatus } : {}) });
						if ((status === 'solved' || status === 'closed') && !solvedAt) solvedAt = e.at;
						if ((lastStatus === 'solved' || lastStatus === 'closed') && status !== 'solved' && status !== 'closed') reopens++;
						lastStatus = status;
						break;
					}
					default:
						throw new Error(`zendesk output: a ${e.type} event cannot be written (this format gets human-only stories)`);
				}
				auditList.push({
					id: base,
					ticket_id: ticketNum,
					created_at: e.at,
					author_id: author,
					metadata: { system: {}, custom: {} },
					via: {
						channel: author === SYSTEM_USER ? 'rule' : channelToZendesk(conv.channel as Channel),
						source: { from: {}, to: {}, rel: null }
					},
					events: zEvents
				});
			});
			const csat = conv.csat as { score?: number; rating?: string; comment?: string } | undefined;
			const satisfaction = csat
				? { score: (csat.rating ?? ((csat.score ?? 0) >= 4 ? 'good' : 'bad')) as string, comment: csat.comment ?? null }
				: null;
			if (satisfaction) {
				const base = ticketNum * 10_000 + 9_990;
				auditList.push({
					id: base,
					ticket_id: ticketNum,
					created_at: conv.updated_at,
					author_id: requester,
					metadata: { system: {}, custom: {} },
					via: { channel: 'web', source: { from: {}, to: {}, rel: null } },
					events: [
						{ id: base, type: 'SatisfactionRating', score: satisfaction.score, assignee_id: assignee, body: satisfaction.comment ?? '' }
					]
				});
			}
			const first = events.find((e) => e.type === 'message');
			const customFields = [
				{ id: INTENT_FIELD, value: (conv.intent as string | undefined) ?? null },
				{ id: LANGUAGE_FIELD, value: (conv.language as string | undefined) ?? null }
			];
			const ticket = {
				url: `${SUBDOMAIN}/tickets/${ticketNum}.json`,
				id: ticketNum,
				external_id: null,
				via: { channel: channelToZendesk(conv.channel as Channel), source: { from: {}, to: {}, rel: null } },
				created_at: conv.created_at,
				updated_at: conv.updated_at,
				type: 'question',
				subject: (conv.subject as string | undefined) ?? null,
				raw_subject: (conv.subject as string | undefined) ?? null,
				description: first ? String(first.body) : '',
				priority: (conv.priority as string | undefined) ?? null,
				status: lastStatus,
				requester_id: requester,
				submitter_id: requester,
				assignee_id: assignee,
				group_id: group,
				tags: (conv.tags as string[] | undefined) ?? [],
				custom_fields: customFields,
				satisfaction_rating: satisfaction,
				generated_timestamp: unix(String(conv.updated_at))
			};
			const metricSet = {
				ticket_id: ticketNum,
				reopens,
				replies,
				group_stations: groups.size,
				assignee_stations: assignee === null ? 0 : 1,
				solved_at: solvedAt ?? null,
				assigned_at: events.find((e) => e.type === 'assignment')?.at ?? null,
				initially_assigned_at: events.find((e) => e.type === 'assignment')?.at ?? null,
				reply_time_in_minutes: firstAgentReplyAt
					? { calendar: Math.round((Date.parse(firstAgentReplyAt) - Date.parse(conv.created_at)) / 60_000), business: null }
					: { calendar: null, business: null },
				created_at: conv.created_at,
				updated_at: conv.updated_at
			};
			page.tickets.push(ticket);
			page.metric_sets.push(metricSet);
			for (const [id, u] of users) page.users.set(id, u);
			lastUpdated = unix(String(conv.updated_at));
			if (page.tickets.length >= PAGE_SIZE) await flushPage(false);
			await audits.write(JSON.stringify({ audits: auditList, next_page: null, previous_page: null, count: auditList.length }) + '\n');

			// What the adapter will make of it: its own mapping over the same objects.
			ctx.users = new Map([...users.values()].map((u) => zendeskUserSchema.parse(u)).map((u): [string, ZendeskUser] => [u.id, u]));
			const built = buildZendeskConversation(
				zendeskTicketSchema.parse(ticket),
				undefined,
				auditList.map((a) => zendeskAuditSchema.parse(a)),
				ctx
			);
			const conversation = conversationSchema.parse(built) as unknown as CanonicalRecord;
			return { conversation, eventId: (id) => eventIds.get(id) };
		},
		async close() {
			await flushPage(true);
			await tickets.close();
			await audits.close();
		}
	};
}
