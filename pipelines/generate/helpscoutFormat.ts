// The Help Scout output: `helpscout/conversations.jsonl`, one Mailbox API v2 conversation per
// line as `GET /conversations?embed=threads` returns it (customer threads, replies, notes, and
// line items that carry status changes; newest thread first), `helpscout/ratings.jsonl`, and
// the `users.json` / `mailboxes.json` side-loads. A conversation lives in one mailbox (its
// queue); AI replies would need API v3's system_user, so this format gets human-only stories.
// What it reads back is computed with the adapter's own mapping.
import fs from 'node:fs';
import path from 'node:path';
import { conversationSchema, type Channel } from '../../src/lib/schema';
import {
	buildHelpscoutConversation,
	type HelpscoutContext
} from '../../src/lib/server/ingest/adapters/helpscout/buildHelpscoutConversation';
import {
	helpscoutConversationSchema,
	helpscoutRatingSchema,
	helpscoutThreadSchema
} from '../../src/lib/server/ingest/adapters/helpscout/helpscoutSchemas';
import { ChunkedWriter } from './ChunkedWriter';
import { ensureFolder } from './ensureFolder';
import { QUEUES } from './language';
import type { CanonicalRecord, ReadBack, SampleFormat } from './SampleFormat';

type Ev = Record<string, unknown> & { id: string; at: string; type: string };

const MAILBOX_IDS = new Map<string, number>(QUEUES.map((q, i) => [q, 71_001 + i]));
const TYPES: Partial<Record<Channel, string>> = { email: 'email', chat: 'chat', voice: 'phone' };
const STATUSES: Record<string, string> = { new: 'active', open: 'active', pending: 'pending', solved: 'closed', closed: 'closed' };
const userId = (agentId: string) => 72_000 + Number(agentId.replace(/\D/g, '') || 0);

export function helpscoutFormat(outDir: string): SampleFormat {
	const dir = path.join(outDir, 'helpscout');
	ensureFolder(dir);
	const mailboxes = QUEUES.map((q) => ({
		id: MAILBOX_IDS.get(q)!,
		name: q,
		slug: q.toLowerCase().replace(/\W+/g, '-'),
		email: `${q.toLowerCase().replace(/\W+/g, '.')}@supportlens-demo.example`
	}));
	fs.writeFileSync(
		path.join(dir, 'mailboxes.json'),
		JSON.stringify({ _embedded: { mailboxes }, page: { size: 50, totalElements: mailboxes.length, totalPages: 1, number: 1 } }, null, 2) +
			'\n'
	);
	const conversations = new ChunkedWriter(path.join(dir, 'conversations.jsonl'));
	const ratings = new ChunkedWriter(path.join(dir, 'ratings.jsonl'));
	const users = new Map<number, object>();
	const ctx: HelpscoutContext = {
		userEmails: new Map(),
		mailboxes: new Map(mailboxes.map((m) => [String(m.id), m.name])),
		aiAuthors: new Set()
	};

	return {
		source: 'helpscout',
		humanOnly: true,
		needsCustomerId: true,
		noDrafts: true,
		channels: { email: 0.6, chat: 0.3, voice: 0.1 },
		conversationId: (n) => String(400_000 + n),
		customerId: (n) => String(73_000_000 + n),
		async write(conv: CanonicalRecord): Promise<ReadBack> {
			const convId = Number(conv.id);
			const events = conv.events as Ev[];
			const customerId = Number((conv.customer as { id: string }).id);
			const customer = { id: customerId, type: 'customer', email: `customer${customerId}@example.com` };
			const user = (agentId: unknown) => {
				const id = userId(String(agentId));
				users.set(id, {
					id,
					firstName: 'Agent',
					lastName: String(agentId),
					email: `${String(agentId)}@supportlens-demo.example`,
					role: 'user',
					type: 'user'
				});
				return { id, type: 'user' };
			};
			const eventIds = new Map<string, string>();
			const threads: Record<string, unknown>[] = [];
			let assignee: { id: number; type: string } | null = null;
			let queue: string | undefined;
			let status = 'active';
			let closedAt: string | null = null;
			events.forEach((e, i) => {
				const id = convId * 1_000 + i + 1;
				const base = { id, state: 'published', status: 'nochange', createdAt: e.at, assignedTo: assignee, action: { type: 'default' } };
				if (e.type === 'message') {
					const by = e.author === 'customer' ? customer : user(e.agent_id);
					threads.push({
						...base,
						type: e.author === 'customer' ? 'customer' : conv.channel === 'chat' ? 'chat' : 'message',
						body: e.body,
						createdBy: by
					});
					eventIds.set(e.id, String(id));
				} else if (e.type === 'note') {
					threads.push({ ...base, type: 'note', body: e.body, createdBy: e.agent_id ? user(e.agent_id) : { id: 1, type: 'user' } });
					eventIds.set(e.id, String(id));
				} else if (e.type === 'assignment') {
					// The first queue is the mailbox; an agent shows as the assignee from then on.
					queue ??= e.queue ? String(e.queue) : undefined;
					if (e.agent_id) {
						assignee = user(e.agent_id);
						threads.push({
							...base,
							assignedTo: assignee,
							type: 'lineitem',
							action: { type: 'changed-ticket-assignee', text: 'Assigned' },
							createdBy: assignee
						});
					}
				} else if (e.type === 'status') {
					status = STATUSES[String(e.status)] ?? 'active';
					if (status === 'closed') closedAt ??= e.at;
					threads.push({
						...base,
						status,
						type: 'lineitem',
						action: { type: 'default', text: `Marked as ${status}` },
						createdBy: { id: 1, type: 'user' }
					});
				}
			});
			const csat = conv.csat as { score?: number; scale?: number; rating?: string; comment?: string } | undefined;
			const conversation = {
				id: convId,
				number: convId - 300_000,
				threads: threads.length,
				type: TYPES[conv.channel as Channel] ?? 'email',
				folderId: 1,
				status,
				state: 'published',
				subject: conv.subject ?? '',
				mailboxId: queue ? MAILBOX_IDS.get(queue)! : MAILBOX_IDS.get(QUEUES[0])!,
				createdAt: conv.created_at,
				closedAt,
				userUpdatedAt: conv.updated_at,
				source: { type: conv.channel === 'chat' ? 'beacon-v2' : 'email', via: 'customer' },
				tags: ((conv.tags as string[] | undefined) ?? []).map((tag, i) => ({ id: i + 1, color: '#A5B2BD', tag })),
				primaryCustomer: customer,
				customFields: [
					...(conv.language ? [{ id: 1, name: 'Language', value: conv.language, text: conv.language }] : []),
					...(conv.intent ? [{ id: 2, name: 'Intent', value: conv.intent, text: conv.intent }] : [])
				],
				_embedded: { threads: [...threads].reverse() } // the API lists newest first
			};
			await conversations.write(JSON.stringify(conversation) + '\n');
			let rating: Record<string, unknown> | undefined;
			if (csat) {
				const happy = csat.rating ? csat.rating === 'good' : (csat.score ?? 0) * 5 >= 4 * (csat.scale ?? 5);
				rating = {
					id: convId,
					conversationId: convId,
					customer: { id: customerId },
					rating: happy ? 'great' : 'not_good',
					comments: csat.comment ?? null,
					createdAt: conv.updated_at
				};
				await ratings.write(JSON.stringify(rating) + '\n');
			}
			const built = buildHelpscoutConversation(
				helpscoutConversationSchema.parse(conversation),
				threads.map((t) => helpscoutThreadSchema.parse(t)),
				rating ? helpscoutRatingSchema.parse(rating) : undefined,
				ctx
			);
			return { conversation: conversationSchema.parse(built) as unknown as CanonicalRecord, eventId: (id) => eventIds.get(id) };
		},
		async close() {
			fs.writeFileSync(path.join(dir, 'users.json'), JSON.stringify({ _embedded: { users: [...users.values()] } }, null, 2) + '\n');
			await conversations.close();
			await ratings.close();
		}
	};
}
