// The Intercom output: `intercom/conversations.jsonl`, one REST API conversation object per
// line (source, conversation_parts with comment/note/assignment/open/close/snoozed parts,
// Fin's `ai_agent` block, statistics, conversation_rating), and `intercom/teams.json`, the
// team.list that names the queues. Intercom has no record of drafts reviewed by agents, no
// per-answer confidence, no "new" status and no web-form channel, so those are not written;
// what it reads back is computed with the adapter's own mapping.
import fs from 'node:fs';
import path from 'node:path';
import { conversationSchema } from '../../src/lib/schema';
import { buildIntercomConversation, type IntercomContext } from '../../src/lib/server/ingest/adapters/intercom/buildIntercomConversation';
import { intercomConversationSchema } from '../../src/lib/server/ingest/adapters/intercom/intercomSchemas';
import { ChunkedWriter } from './ChunkedWriter';
import { ensureFolder } from './ensureFolder';
import { kbArticles } from './kbArticles';
import { QUEUES } from './language';
import { intercomParts } from './intercomParts';
import { adminId, FIN, html, TEAM_IDS, unix } from './intercomValues';
import type { CanonicalRecord, ReadBack, SampleFormat } from './SampleFormat';

type Ev = Record<string, unknown> & { id: string; at: string; type: string };

const SOURCE_TYPES: Record<string, string> = { chat: 'conversation', email: 'email', social: 'whatsapp', voice: 'phone_call', sms: 'sms' };

export function intercomFormat(outDir: string): SampleFormat {
	const dir = path.join(outDir, 'intercom');
	ensureFolder(dir);
	const teams = QUEUES.map((q) => ({ type: 'team', id: TEAM_IDS.get(q)!, name: q, admin_ids: [] as number[] }));
	fs.writeFileSync(path.join(dir, 'teams.json'), JSON.stringify({ type: 'team.list', teams }, null, 2) + '\n');
	const writer = new ChunkedWriter(path.join(dir, 'conversations.jsonl'));
	const ctx: IntercomContext = { teams: new Map(teams.map((t) => [t.id, t.name])), admins: new Map(), aiAuthors: new Set() };
	const articles = new Map(kbArticles('2026-01-01T00:00:00Z').map((a) => [a.id, a]));

	return {
		source: 'intercom',
		humanOnly: false,
		needsCustomerId: true,
		noDrafts: true,
		channels: { chat: 0.58, email: 0.25, social: 0.1, sms: 0.04, voice: 0.03 },
		conversationId: (n) => String(2_000_000 + n),
		customerId: (n) => `66${(0x50c1a200 + n).toString(16)}`,
		async write(conv: CanonicalRecord): Promise<ReadBack> {
			const events = conv.events as Ev[];
			const customer = conv.customer as { id: string; tier?: string; plan?: string };
			const contact = { type: 'user', id: customer.id, name: `Customer ${customer.id}`, email: `${customer.id}@example.com` };
			const opening = events.find((e) => e.type === 'message' && e.author === 'customer')!;
			const sourceId = `${conv.id}000`;
			const p = intercomParts(conv.id, events, opening, contact);
			p.eventIds.set(opening.id, `source-${sourceId}`);
			const { parts, state, lastAgent, cited } = p;

			const aiMessages = events.filter((e) => e.type === 'message' && e.author === 'ai');
			const anyAnswer = aiMessages.some((e) => e.answer_type === 'answered');
			const anyFallback = aiMessages.some((e) => e.answer_type === 'fallback');
			const csat = conv.csat as { score?: number; scale?: number; rating?: string; comment?: string } | undefined;
			const rating = csat
				? csat.rating
					? csat.rating === 'good'
						? 5
						: 2
					: Math.round(((csat.score ?? 0) * 5) / (csat.scale ?? 5))
				: null;
			const custom: Record<string, string> = {};
			if (conv.language) custom.Language = String(conv.language);
			if (conv.intent) custom.Intent = String(conv.intent);
			if (customer.tier) custom.Tier = customer.tier;
			if (customer.plan) custom.Plan = customer.plan;
			const object = {
				type: 'conversation',
				id: conv.id,
				title: (conv.subject as string | undefined) ?? null,
				created_at: unix(conv.created_at),
				updated_at: unix(String(conv.updated_at)),
				waiting_since: null,
				snoozed_until: null,
				open: state !== 'closed',
				state,
				read: true,
				priority: conv.priority === 'high' || conv.priority === 'urgent' ? 'priority' : 'not_priority',
				admin_assignee_id: lastAgent ? Number(adminId(String(lastAgent))) : null,
				team_assignee_id: p.teamAssignee,
				tags: {
					type: 'tag.list',
					tags: ((conv.tags as string[] | undefined) ?? []).map((name, i) => ({ type: 'tag', id: String(700 + i), name }))
				},
				conversation_rating:
					rating === null
						? null
						: {
								rating,
								remark: csat?.comment ?? null,
								created_at: unix(String(conv.updated_at)),
								contact: { type: 'contact', id: customer.id },
								teammate: lastAgent ? { type: 'admin', id: adminId(String(lastAgent)) } : { type: 'bot', id: FIN.id }
							},
				source: {
					type: SOURCE_TYPES[String(conv.channel)] ?? 'conversation',
					id: sourceId,
					delivered_as: 'customer_initiated',
					subject: (conv.subject as string | undefined) ?? '',
					body: html(String(opening.body)),
					author: contact,
					attachments: [],
					url: null,
					redacted: false
				},
				contacts: { type: 'contact.list', contacts: [{ type: 'contact', id: customer.id, external_id: null }] },
				teammates: { type: 'admin.list', teammates: lastAgent ? [{ type: 'admin', id: adminId(String(lastAgent)) }] : [] },
				custom_attributes: custom,
				first_contact_reply: null,
				sla_applied: null,
				statistics: {
					type: 'conversation_statistics',
					time_to_assignment: p.firstAssignmentAt === null ? null : p.firstAssignmentAt - unix(conv.created_at),
					first_contact_reply_at: unix(conv.created_at),
					first_assignment_at: p.firstAssignmentAt,
					first_admin_reply_at: p.firstAdminReplyAt,
					first_close_at: p.firstCloseAt,
					last_assignment_at: p.lastAssignmentAt,
					last_close_at: p.lastCloseAt,
					count_reopens: p.reopens,
					count_assignments: p.assignments,
					count_conversation_parts: parts.length + 1
				},
				conversation_parts: { type: 'conversation_part.list', conversation_parts: parts, total_count: parts.length },
				ai_agent_participated: aiMessages.length > 0,
				ai_agent:
					aiMessages.length === 0
						? null
						: {
								source_type: 'workflow',
								source_title: 'Fin for all conversations',
								last_answer_type: anyAnswer ? 'ai_answer' : null,
								resolution_state: p.handedOff
									? 'routed_to_team'
									: anyFallback
										? 'abandoned'
										: state === 'closed'
											? 'assumed_resolution'
											: 'confirmed_resolution',
								rating: null,
								rating_remark: null,
								content_sources: {
									type: 'content_source.list',
									total_count: cited.size,
									content_sources: [...cited].map((id) => ({
										content_type: 'article',
										url: articles.get(id)?.url ?? null,
										title: articles.get(id)?.title ?? id,
										locale: articles.get(id)?.locale ?? 'en'
									}))
								}
							}
			};
			await writer.write(JSON.stringify(object) + '\n');
			const built = buildIntercomConversation(intercomConversationSchema.parse(object), ctx);
			const conversation = conversationSchema.parse(built) as unknown as CanonicalRecord;
			return { conversation, eventId: (id) => p.eventIds.get(id) };
		},
		close: () => writer.close()
	};
}
