// The vendor writers keep what their format can express: writing a planted conversation to
// Zendesk or Intercom and mapping it back with the adapter's own code leaves the KPI facts
// the format can carry unchanged. (A real import of the files is tests/integration/generate.test.ts.)
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../tests/helpers/tempDir';
import { buildConversation, type Agent, type ConversationPlan } from './buildConversation';
import { conversationFacts } from './conversationFacts';
import { csvFormat } from './csvFormat';
import { intercomFormat } from './intercomFormat';
import { LANGUAGES, QUEUES, type Queue } from './language';
import { Rng } from './Rng';
import type { SampleFormat } from './SampleFormat';
import { TOPICS } from './topics';
import { zendeskFormat } from './zendeskFormat';
import { freshdeskFormat } from './freshdeskFormat';
import { helpscoutFormat } from './helpscoutFormat';

const tmp = makeTempDir('supportlens-vendor-');
afterAll(() => tmp.cleanup());

const agents = Object.fromEntries(
	QUEUES.map((q, i) => [
		q,
		[
			{ id: `a-${i * 2 + 1}`, name: 'Sam' },
			{ id: `a-${i * 2 + 2}`, name: 'Kim' }
		]
	])
) as Record<Queue, Agent[]>;

async function roundTrip(format: SampleFormat, count: number) {
	const rng = new Rng(99);
	const start = Date.parse('2026-09-07T00:00:00Z');
	const out = [];
	for (let n = 1; n <= count; n++) {
		const channels = format.channels ?? { chat: 0.4, email: 0.3, in_app: 0.1, voice: 0.1, web_form: 0.1 };
		const plan: ConversationPlan = {
			id: format.conversationId(n),
			source: format.source,
			topic: rng.pick(TOPICS),
			lang: rng.pick(LANGUAGES),
			channel: rng.weighted(channels),
			createdAt: start + rng.int(0, 40 * 24 * 3600) * 1000,
			customer: { id: format.customerId(n), tier: rng.chance(0.2) ? 'vip' : 'standard', plan: 'pro' },
			name: 'Alex',
			progress: rng.next(),
			exportAt: start + 60 * 24 * 3600 * 1000,
			agents,
			humanOnly: format.humanOnly,
			noDrafts: format.noDrafts
		};
		const built = buildConversation(plan, rng);
		const back = await format.write(built.conversation);
		out.push({ built, back, before: conversationFacts(built.conversation), after: conversationFacts(back.conversation) });
	}
	await format.close();
	return out;
}

describe('vendor writers', () => {
	it('Zendesk keeps every KPI fact of a human-only conversation', async () => {
		const format = zendeskFormat(path.join(tmp.dir, 'z'));
		for (const { before, after, built, back } of await roundTrip(format, 150)) {
			expect(after.createdAt).toBe(before.createdAt);
			expect(after.aiInvolved).toBe(false);
			expect({ ...after, csatPositive: before.csatRated ? after.csatPositive : false }).toEqual(before);
			expect(back.conversation.customer).toEqual(built.conversation.customer);
			for (const id of built.topicalMessageIds)
				expect(back.conversation.events.find((e) => e.id === back.eventId(id))?.author).toBe('customer');
		}
	});

	it('Intercom keeps hand-offs, queues, solves, reopens and timings; answer types only as Fin reports them', async () => {
		const format = intercomFormat(path.join(tmp.dir, 'i'));
		let fallbacksKept = 0;
		let fallbacks = 0;
		for (const { before, after, built, back } of await roundTrip(format, 200)) {
			const keep = (f: typeof before) => ({
				aiInvolved: f.aiInvolved,
				humanInvolved: f.humanInvolved,
				handoffs: f.handoffs,
				accurate: f.accurateHandoffs,
				solvedAt: f.firstSolveAt,
				reopened: f.reopened,
				reopened7d: f.reopenedWithin7d,
				queues: f.queuePath,
				frt: f.firstResponseSeconds,
				csat: f.csatRated,
				csatPositive: f.csatPositive
			});
			expect(keep(after)).toEqual(keep(before));
			if (before.fallback) {
				fallbacks++;
				if (after.fallback) fallbacksKept++;
			} else expect(after.fallback).toBe(false);
			for (const label of built.labels) {
				const event = back.conversation.events.find((e) => e.id === back.eventId(label.event_id));
				expect(event?.type).toBe(label.kind);
			}
		}
		// Fin reports one outcome per conversation: a fallback survives unless an answer came too.
		expect(fallbacks).toBeGreaterThan(10);
		expect(fallbacksKept / fallbacks).toBeGreaterThan(0.8);
	});

	// Freshdesk keeps a ticket's current group and Help Scout a conversation's mailbox: one queue
	// each. Everything else a human-only story's KPIs read survives the round trip.
	for (const [name, make] of [
		['Freshdesk', freshdeskFormat],
		['Help Scout', helpscoutFormat]
	] as const) {
		it(`${name} keeps solves, reopens, timings and CSAT of a human-only conversation; queues collapse to one`, async () => {
			const format = make(path.join(tmp.dir, name));
			let rerouted = 0;
			for (const { before, after, built, back } of await roundTrip(format, 150)) {
				const keep = (f: typeof before) => ({
					createdAt: f.createdAt,
					human: f.humanInvolved,
					solvedAt: f.firstSolveAt,
					reopened: f.reopened,
					reopened7d: f.reopenedWithin7d,
					frt: f.firstResponseSeconds,
					resolution: f.resolutionSeconds,
					csat: f.csatRated,
					csatPositive: f.csatPositive,
					customer: f.hasCustomerId
				});
				expect(keep(after)).toEqual(keep(before));
				expect(after.aiInvolved).toBe(false);
				expect(after.distinctQueues).toBe(before.hasAssignment ? 1 : after.distinctQueues);
				if (before.distinctQueues >= 2) rerouted++;
				for (const id of built.topicalMessageIds)
					expect(back.conversation.events.find((e) => e.id === back.eventId(id))?.author).toBe('customer');
			}
			expect(rerouted).toBeGreaterThan(0); // the loss above is real, and the manifest counts it from the read-back
		});
	}

	it('CSV writes one row per event with the default columns', async () => {
		const format = csvFormat(path.join(tmp.dir, 'c'));
		const trips = await roundTrip(format, 20);
		const { parse } = await import('csv-parse/sync');
		const fs = await import('node:fs');
		const rows = parse(fs.readFileSync(path.join(tmp.dir, 'c', 'csv', 'messages.csv')), { columns: true }) as Record<string, string>[];
		expect(rows.length).toBe(trips.reduce((s, t) => s + t.built.conversation.events.length, 0));
		const first = trips[0].built.conversation;
		const firstRows = rows.filter((r) => r.conversation_id === first.id);
		expect(firstRows.map((r) => r.event_id)).toEqual(first.events.map((e) => e.id));
		expect(firstRows[0].conversation_created_at).toBe(first.created_at);
	});
});
