// The Freshdesk output: `freshdesk/tickets.jsonl`, one API v2 ticket per line as
// `GET /tickets/{id}?include=conversations,stats` returns it (the first customer message is the
// description; replies, customer follow-ups and private notes are conversations; `stats` holds
// the first resolve, the first reopen after it and the latest status change),
// `freshdesk/satisfaction_ratings.jsonl`, and the `agents.json` / `groups.json` side-loads.
// Freshdesk tells the AI's replies apart only through --ai-author and keeps only a ticket's
// current group, so this format gets human-only stories and one queue each; what it reads back
// is computed with the adapter's own mapping.
import fs from 'node:fs';
import path from 'node:path';
import { conversationSchema, type Channel } from '../../src/lib/schema';
import {
	buildFreshdeskConversation,
	type FreshdeskContext
} from '../../src/lib/server/ingest/adapters/freshdesk/buildFreshdeskConversation';
import {
	freshdeskConversationSchema,
	freshdeskRatingSchema,
	freshdeskTicketSchema
} from '../../src/lib/server/ingest/adapters/freshdesk/freshdeskSchemas';
import { ChunkedWriter } from './ChunkedWriter';
import { ensureFolder } from './ensureFolder';
import { QUEUES } from './language';
import type { CanonicalRecord, ReadBack, SampleFormat } from './SampleFormat';

type Ev = Record<string, unknown> & { id: string; at: string; type: string };

const GROUP_IDS = new Map<string, number>(QUEUES.map((q, i) => [q, 43_000_001 + i]));
const SOURCES: Partial<Record<Channel, number>> = { email: 1, web_form: 2, voice: 3, social: 6, chat: 7 };
const STATUS_CODES: Record<string, number> = { new: 2, open: 2, pending: 3, solved: 4, closed: 5 };
const PRIORITY_CODES: Record<string, number> = { low: 1, normal: 2, high: 3, urgent: 4 };
const agentUserId = (agentId: string) => 43_100_000 + Number(agentId.replace(/\D/g, '') || 0);
const isDone = (s: unknown) => s === 'solved' || s === 'closed';

export function freshdeskFormat(outDir: string): SampleFormat {
	const dir = path.join(outDir, 'freshdesk');
	ensureFolder(dir);
	const groups = QUEUES.map((q) => ({
		id: GROUP_IDS.get(q)!,
		name: q,
		description: `${q} queue`,
		escalate_to: null,
		unassigned_for: '30m',
		business_hour_id: null,
		auto_ticket_assign: false
	}));
	fs.writeFileSync(path.join(dir, 'groups.json'), JSON.stringify(groups, null, 2) + '\n');
	const tickets = new ChunkedWriter(path.join(dir, 'tickets.jsonl'));
	const ratings = new ChunkedWriter(path.join(dir, 'satisfaction_ratings.jsonl'));
	const agents = new Map<number, object>();
	const ctx: FreshdeskContext = {
		agentEmails: new Map(),
		groups: new Map(groups.map((g) => [String(g.id), g.name])),
		aiAuthors: new Set()
	};

	return {
		source: 'freshdesk',
		humanOnly: true,
		needsCustomerId: true,
		noDrafts: true,
		channels: { email: 0.45, web_form: 0.2, chat: 0.15, voice: 0.1, social: 0.1 },
		conversationId: (n) => String(300_000 + n),
		customerId: (n) => String(43_700_000 + n),
		async write(conv: CanonicalRecord): Promise<ReadBack> {
			const ticketId = Number(conv.id);
			const events = conv.events as Ev[];
			const requester = Number((conv.customer as { id: string }).id);
			const eventIds = new Map<string, string>();
			const opening = events.find((e) => e.type === 'message' && e.author === 'customer');
			if (opening) eventIds.set(opening.id, `${ticketId}-description`);
			const conversations: Record<string, unknown>[] = [];
			let lastQueue: string | undefined;
			let lastAgent: number | undefined;
			let firstSolve: string | undefined;
			let firstReopen: string | undefined;
			let firstClose: string | undefined;
			let lastStatus = 'open';
			let lastStatusAt = String(conv.created_at);
			let firstReply: string | undefined;
			events.forEach((e, i) => {
				const id = ticketId * 1_000 + i + 1;
				if (e.type === 'message' && e !== opening) {
					const agent = e.author === 'agent' ? agentUserId(String(e.agent_id)) : undefined;
					if (agent !== undefined) {
						agents.set(agent, {
							id: agent,
							available: true,
							occasional: false,
							ticket_scope: 1,
							contact: { email: `${String(e.agent_id)}@supportlens-demo.example`, name: `Agent ${String(e.agent_id)}` }
						});
						firstReply ??= e.at;
					}
					conversations.push({
						id,
						body_text: e.body,
						incoming: e.author === 'customer',
						private: false,
						user_id: agent ?? requester,
						source: 0,
						ticket_id: ticketId,
						created_at: e.at,
						updated_at: e.at
					});
					eventIds.set(e.id, String(id));
				} else if (e.type === 'note') {
					const agent = e.agent_id ? agentUserId(String(e.agent_id)) : undefined;
					conversations.push({
						id,
						body_text: e.body,
						incoming: false,
						private: true,
						...(agent ? { user_id: agent } : {}),
						source: 2,
						ticket_id: ticketId,
						created_at: e.at,
						updated_at: e.at
					});
					eventIds.set(e.id, String(id));
				} else if (e.type === 'assignment') {
					if (e.queue) lastQueue = String(e.queue);
					if (e.agent_id) lastAgent = agentUserId(String(e.agent_id));
				} else if (e.type === 'status') {
					const s = String(e.status);
					if (isDone(s)) {
						firstSolve ??= e.at;
						if (s === 'closed' && firstReopen === undefined) firstClose ??= e.at;
					} else if (firstSolve && isDone(lastStatus)) firstReopen ??= e.at;
					lastStatus = s;
					lastStatusAt = e.at;
				}
			});
			const ticket = {
				id: ticketId,
				subject: conv.subject ?? null,
				description: opening
					? `<div>${String(opening.body).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</div>`
					: null,
				description_text: opening ? String(opening.body) : null,
				status: STATUS_CODES[lastStatus] ?? 2,
				priority: PRIORITY_CODES[String(conv.priority ?? 'normal')] ?? 2,
				source: SOURCES[conv.channel as Channel] ?? 1,
				type: null,
				requester_id: requester,
				responder_id: lastAgent ?? null,
				group_id: lastQueue ? GROUP_IDS.get(lastQueue)! : null,
				tags: (conv.tags as string[] | undefined) ?? [],
				custom_fields: {
					cf_intent: (conv.intent as string | undefined) ?? null,
					cf_language: (conv.language as string | undefined) ?? null
				},
				fr_escalated: false,
				spam: false,
				created_at: conv.created_at,
				updated_at: conv.updated_at,
				stats: {
					first_responded_at: firstReply ?? null,
					resolved_at: firstSolve && !(firstClose === firstSolve) ? firstSolve : null,
					closed_at: firstClose ?? null,
					reopened_at: firstReopen ?? null,
					status_updated_at: lastStatusAt
				},
				conversations
			};
			await tickets.write(JSON.stringify(ticket) + '\n');
			const csat = conv.csat as { score?: number; scale?: number; rating?: string; comment?: string } | undefined;
			let rating: Record<string, unknown> | undefined;
			if (csat) {
				const happy = csat.rating ? csat.rating === 'good' : (csat.score ?? 0) * 5 >= 4 * (csat.scale ?? 5);
				rating = {
					id: ticketId,
					survey_id: 1,
					user_id: requester,
					ticket_id: ticketId,
					feedback: csat.comment ?? null,
					ratings: { default_question: happy ? 103 : -103 },
					created_at: conv.updated_at,
					updated_at: conv.updated_at
				};
				await ratings.write(JSON.stringify(rating) + '\n');
			}
			// What the adapter and the import will make of it: its own mapping, the rating applied.
			const built = buildFreshdeskConversation(
				freshdeskTicketSchema.parse(ticket),
				conversations.map((c) => freshdeskConversationSchema.parse(c)),
				rating ? freshdeskRatingSchema.parse(rating) : undefined,
				ctx
			);
			return { conversation: conversationSchema.parse(built) as unknown as CanonicalRecord, eventId: (id) => eventIds.get(id) };
		},
		async close() {
			fs.writeFileSync(path.join(dir, 'agents.json'), JSON.stringify([...agents.values()], null, 2) + '\n');
			await tickets.close();
			await ratings.close();
		}
	};
}
