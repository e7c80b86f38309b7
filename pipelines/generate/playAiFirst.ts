// The AI-first path: the AI may ask a clarifying question, then answers (confidently or not,
// citing the topic's article when there is one) or falls back, by the topic's KB coverage; then
// the conversation is contained, handed off, taken over by an agent, or left by the customer.
import type { ConversationScene } from './ConversationScene';
import { AI_CLARIFY, AI_CLOSING, AI_FALLBACK, ASK_HUMAN, CLARIFY_REPLY, THANKS } from './language';
import { fill, restate } from './text';
import { kbArticleId } from './topics';

const DAY = 24 * 3600 * 1000;

export function playAiFirst(scene: ConversationScene): void {
	const { tl, rng, plan } = scene;
	const { topic, lang } = plan;
	let actions = 'Searched the help center; no article matched.';
	if (rng.chance(topic.coverage === 'missing' ? 0.25 : 0.18)) {
		scene.aiReply(rng.pick(AI_CLARIFY[lang]), 'clarifying', rng.float(0.55, 0.8));
		scene.customerSays(restate(topic, lang, rng, fill(rng.pick(CLARIFY_REPLY[lang]), lang, rng)), true);
		actions = 'Asked for plan and order details; ' + actions.charAt(0).toLowerCase() + actions.slice(1);
	}
	const kb = topic.kb ? kbArticleId(topic, lang) : undefined;
	let succeeded = false;
	if (topic.coverage === 'covered') {
		// Containment improves week over week as the AI's answers are tuned.
		succeeded = rng.chance(plan.incident ? 0.15 : 0.5 + 0.35 * plan.progress);
		if (succeeded) scene.aiReply(topic.answer![lang], 'answered', rng.float(0.72, 0.98), kb);
		else if (rng.chance(0.5)) scene.aiReply(topic.answer![lang], 'answered', rng.float(0.3, 0.49), kb);
		else scene.aiReply(rng.pick(AI_FALLBACK[lang]), 'fallback', rng.float(0.05, 0.3));
		if (kb) actions = `Shared the article "${topic.kb!.title.en}" (${kb}); the customer says it does not solve it.`;
	} else if (topic.coverage === 'weak') {
		if (rng.chance(0.55)) {
			scene.aiReply(topic.answer![lang], 'answered', rng.float(0.2, 0.46), kb);
			actions = `Shared "${topic.kb!.title.en}" (${kb}), which does not cover this.`;
		} else scene.aiReply(rng.pick(AI_FALLBACK[lang]), 'fallback', rng.float(0.05, 0.3));
	} else {
		scene.aiReply(rng.pick(AI_FALLBACK[lang]), 'fallback', rng.float(0.03, 0.3));
	}

	if (succeeded) {
		const vip = scene.tier === 'vip';
		if (rng.chance(topic.policyHandoff ?? 0) || (vip && rng.chance(0.4)) || rng.chance(0.06)) {
			const reason = topic.policyHandoff ? topic.handoffReason : vip ? 'vip_policy' : 'customer_request';
			if (reason === 'customer_request') scene.customerSays(rng.pick(ASK_HUMAN[lang]));
			scene.handoff(reason, kb ? `Answered from "${topic.kb!.title.en}" (${kb}); policy needs a person to act.` : actions);
		} else if (rng.chance(0.04)) {
			// An agent jumps in on a live chat without a hand-off: human-involved, not contained.
			scene.agentStepsIn([60, 600], [600, 3600]);
			tl.wait([60, 600], [600, 3600]);
			scene.solve();
		} else {
			if (rng.chance(0.7)) {
				scene.customerSays(fill(rng.pick(THANKS[lang]), lang, rng));
				scene.aiReply(rng.pick(AI_CLOSING[lang]), 'answered');
				tl.wait([5, 60], [5, 60]);
			} else tl.waitMs(DAY); // the customer went quiet: solved automatically after a day
			scene.solve();
		}
	} else {
		const r = rng.next();
		const leave = topic.coverage === 'covered' ? 0.25 : 0.22;
		if (r < leave) {
			// The customer gave up; the bot closes it after a day. Looks contained, is not.
			tl.waitMs(DAY);
			scene.solve();
		} else if (r < leave + 0.08) {
			tl.wait([60, 600], [3600, 6 * 3600]);
			tl.add({ type: 'status', status: 'pending' });
		} else {
			if (rng.chance(0.5)) scene.customerSays(rng.pick(ASK_HUMAN[lang]));
			scene.handoff(topic.handoffReason, actions);
		}
	}
}
