// Why a customer message counts as an unanswered question under the gap miner's rule (docs/gap-miner.md),
// read off the conversation as it will be imported: the AI's next message fell back or was
// unsure; or it is the opening of an AI-involved conversation that was handed off, or that was
// contained and then reopened or followed by a repeat contact. Ground truth for the miner.
import { isContained, type ConversationFacts } from './conversationFacts';

export type QuestionReason = 'fallback' | 'low_confidence' | 'handed_off' | 'contained_then_reopened' | 'contained_then_repeat_contact';

type Ev = { id: string; type: string; author?: unknown; answer_type?: unknown; confidence?: unknown };

export function questionReasons(events: Ev[], messageId: string, facts: ConversationFacts, confidenceThreshold = 0.5): QuestionReason[] {
	const at = events.findIndex((e) => e.id === messageId);
	if (at < 0) return [];
	const reasons: QuestionReason[] = [];
	const next = events.slice(at + 1).find((e) => e.type === 'message' && e.author === 'ai');
	if (next?.answer_type === 'fallback') reasons.push('fallback');
	else if (typeof next?.confidence === 'number' && next.confidence < confidenceThreshold) reasons.push('low_confidence');
	const first = events.find((e) => e.type === 'message' && e.author === 'customer');
	if (first?.id === messageId && facts.aiInvolved) {
		if (facts.handoffs > 0) reasons.push('handed_off');
		if (isContained(facts) && facts.reopened) reasons.push('contained_then_reopened');
		if (isContained(facts) && facts.repeatWithin7d) reasons.push('contained_then_repeat_contact');
	}
	return reasons;
}
