// After the path: some solved conversations are reopened by the customer (mostly within days,
// some after the 7-day window) and solved again, by the AI or an agent; help desks close solved
// tickets a few days later. Nothing after the export instant is kept (see buildConversation).
import type { ConversationScene } from './ConversationScene';
import { AI_CLOSING, STILL_BROKEN } from './language';
import { kbArticleId } from './topics';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;

export function plantReopen(scene: ConversationScene, aiFirst: boolean): void {
	const { tl, rng, plan } = scene;
	const { topic, lang } = plan;
	// Reopens: the customer comes back on a solved conversation, mostly within days.
	const hasHandoff = tl.events.some((e) => e.type === 'handoff');
	if (scene.solvedOnce && rng.chance(hasHandoff || !aiFirst ? 0.07 : 0.06)) {
		const late = rng.chance(0.2);
		tl.waitMs(late ? rng.int(8 * 24 + 12, 10 * 24) * HOUR : rng.int(2, 96) * HOUR);
		tl.add({ type: 'message', author: 'customer', body: rng.pick(STILL_BROKEN[lang]) });
		tl.add({ type: 'status', status: 'open' });
		if (aiFirst && !hasHandoff && rng.chance(0.6)) {
			// The AI tries again and the customer accepts: still no human, still contained.
			if (topic.answer) scene.aiReply(topic.answer[lang], 'answered', rng.float(0.6, 0.9), topic.kb ? kbArticleId(topic, lang) : undefined);
			else scene.aiReply(rng.pick(AI_CLOSING[lang]), 'answered');
			tl.waitMs(DAY);
			scene.solve();
		} else {
			scene.agentStepsIn([300, 3600], [3600, 8 * 3600]);
			tl.wait([300, 3600], [3600, 8 * 3600]);
			scene.solve();
		}
	}
	// Help desks close solved tickets after a few days.
	const last = tl.events[tl.events.length - 1] as { type: string; status?: string } | undefined;
	if (last?.type === 'status' && last.status === 'solved' && rng.chance(0.45)) {
		tl.waitMs(4 * DAY);
		tl.add({ type: 'status', status: 'closed' });
	}
}
