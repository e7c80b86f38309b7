// Builds one conversation along a planted path (AI contained, AI then hand-off, human only),
// recording the ground truth the manifest needs: each draft's and hand-off's planted label
// and which customer messages are topical questions. KPI facts are read off the finished
// events by conversationFacts, so they describe exactly what was written.
import type { BuiltConversation, ConversationPlan } from './ConversationPlan';
import { ConversationScene } from './ConversationScene';
import { playAiFirst } from './playAiFirst';
import { plantCsat } from './plantCsat';
import { plantReopen } from './plantReopen';
import type { Rng } from './Rng';
import { customerOpening } from './text';
import { iso } from './Timeline';

export type { Agent, BuiltConversation, ConversationPlan, DraftLabel, HandoffLabel, Source } from './ConversationPlan';

/** Share of conversations the AI answers first, by channel (the rest go straight to people). */
const AI_SHARE: Record<string, number> = {
	chat: 0.93,
	in_app: 0.93,
	sms: 0.85,
	social: 0.85,
	email: 0.55,
	web_form: 0.45,
	voice: 0,
	api: 0.7,
	other: 0.5
};

export function buildConversation(plan: ConversationPlan, rng: Rng): BuiltConversation {
	const { topic, lang, channel } = plan;
	const scene = new ConversationScene(plan, rng);
	const { tl, tier } = scene;
	const aiFirst = !plan.humanOnly && rng.chance(AI_SHARE[channel] ?? 0.5);

	// Help desks that track a "new" status log it at creation; the opening message follows a second later.
	if (channel === 'email' || channel === 'web_form' || rng.chance(0.15)) tl.add({ type: 'status', status: 'new' });
	scene.topical.push(tl.add({ type: 'message', author: 'customer', body: customerOpening(topic, lang, channel, rng, plan.name) }));

	if (aiFirst) playAiFirst(scene);
	else {
		// Human only: triage routes it (sometimes wrongly), an agent answers, often from an AI draft.
		const misrouted = rng.chance(Math.min(0.5, topic.misroute * 1.2));
		tl.add({ type: 'status', status: 'open' });
		scene.route(misrouted ? topic.wrongQueue : scene.correctQueue);
		scene.agentWork(scene.correctQueue);
	}
	plantReopen(scene, aiFirst);

	// The export was taken at exportAt: later events don't exist yet.
	const events = tl.events.filter((e) => Date.parse(String(e.at)) <= plan.exportAt);
	const kept = new Set(events.map((e) => e.id as string));

	const conversation: BuiltConversation['conversation'] = {
		id: plan.id,
		source: plan.source,
		channel,
		created_at: iso(plan.createdAt),
		updated_at: iso(Date.parse(String(events[events.length - 1]?.at ?? iso(plan.createdAt)))),
		events
	};
	if (channel === 'email' || channel === 'web_form') conversation.subject = rng.pick(topic.subject[lang]);
	if (rng.chance(0.97)) conversation.language = lang;
	if (rng.chance(0.92)) conversation.intent = topic.intent;
	conversation.priority =
		tier === 'vip' ? 'high' : topic.queue === 'technical' && rng.chance(0.15) ? 'urgent' : rng.chance(0.2) ? 'low' : 'normal';
	const tags: string[] = [topic.queue];
	if (tier === 'vip') tags.push('vip');
	if (aiFirst) tags.push('ai_assist');
	conversation.tags = tags;
	if (plan.customer) {
		const c: Record<string, string> = { tier: plan.customer.tier, plan: plan.customer.plan };
		if (plan.customer.id) c.id = plan.customer.id;
		conversation.customer = c;
	}
	const solved = events.some((e) => e.type === 'status' && (e.status === 'solved' || e.status === 'closed'));
	if (solved && rng.chance(0.28)) conversation.csat = plantCsat(rng, lang, events);
	return {
		conversation,
		labels: scene.labels.filter((l) => kept.has(l.event_id)),
		topicalMessageIds: scene.topical.filter((id) => kept.has(id)),
		plan
	};
}
