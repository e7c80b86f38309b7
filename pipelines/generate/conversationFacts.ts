// Per-conversation facts behind the KPI table of docs/kpis.md, read off the events the generator
// itself planted (not off the written file). Cross-conversation facts (repeat contact, a new
// conversation within 72 hours) are added per story, where all of a customer's
// conversations are at hand.
import { editMagnitude } from '../../src/lib/server/kpi/editMagnitude';

export interface ConversationFacts {
	createdAt: number;
	aiInvolved: boolean;
	humanInvolved: boolean;
	handoffs: number;
	/** Hand-offs whose to_queue is the only queue assigned after them. */
	accurateHandoffs: number;
	/** Hand-offs with no assignment after them (would make accuracy ambiguous; kept at 0). */
	handoffsWithoutAssignment: number;
	firstSolveAt: number | null;
	reopened: boolean;
	reopenedWithin7d: boolean;
	/** Assignment queues in order, consecutive repeats collapsed. */
	queuePath: string[];
	distinctQueues: number;
	hasAssignment: boolean;
	draftsSentAsIs: number;
	draftsEdited: number;
	draftsRejected: number;
	draftsReviewed: number;
	editMagnitudes: number[];
	fallback: boolean;
	firstResponseSeconds: number | null;
	resolutionSeconds: number | null;
	csatRated: boolean;
	csatPositive: boolean;
	hasCustomerId: boolean;
	/** Set per story: a new conversation by the same customer within 7 days / 72 hours of the first solve. */
	repeatWithin7d: boolean;
	newWithin72h: boolean;
}

const DAY_MS = 24 * 3600 * 1000;

export function conversationFacts(conv: {
	created_at: string;
	customer?: unknown;
	csat?: unknown;
	events: Record<string, unknown>[];
}): ConversationFacts {
	const createdAt = Date.parse(conv.created_at);
	const f: ConversationFacts = {
		createdAt,
		aiInvolved: false,
		humanInvolved: false,
		handoffs: 0,
		accurateHandoffs: 0,
		handoffsWithoutAssignment: 0,
		firstSolveAt: null,
		reopened: false,
		reopenedWithin7d: false,
		queuePath: [],
		distinctQueues: 0,
		hasAssignment: false,
		draftsSentAsIs: 0,
		draftsEdited: 0,
		draftsRejected: 0,
		draftsReviewed: 0,
		editMagnitudes: [],
		fallback: false,
		firstResponseSeconds: null,
		resolutionSeconds: null,
		csatRated: false,
		csatPositive: false,
		hasCustomerId: typeof (conv.customer as { id?: unknown } | undefined)?.id === 'string',
		repeatWithin7d: false,
		newWithin72h: false
	};
	const events = conv.events;
	const queues = new Set<string>();
	let firstCustomerIdx = -1;
	events.forEach((e, i) => {
		const at = Date.parse(String(e.at));
		switch (e.type) {
			case 'message':
				if (e.author === 'ai') {
					f.aiInvolved = true;
					if (e.answer_type === 'fallback') f.fallback = true;
				}
				if (e.author === 'agent') f.humanInvolved = true;
				if (e.author === 'customer' && firstCustomerIdx < 0) firstCustomerIdx = i;
				else if (firstCustomerIdx >= 0 && f.firstResponseSeconds === null && (e.author === 'ai' || e.author === 'agent'))
					f.firstResponseSeconds = (at - createdAt) / 1000;
				break;
			case 'draft':
				if (e.review === 'sent_as_is' || e.review === 'edited') f.humanInvolved = true;
				if (e.review !== undefined) f.draftsReviewed++;
				if (e.review === 'sent_as_is') f.draftsSentAsIs++;
				if (e.review === 'rejected') f.draftsRejected++;
				if (e.review === 'edited') {
					f.draftsEdited++;
					f.editMagnitudes.push(editMagnitude(String(e.body), String(e.final_body ?? e.body)));
				}
				break;
			case 'handoff': {
				f.handoffs++;
				const after = new Set<string>();
				for (const later of events.slice(i + 1)) if (later.type === 'assignment' && typeof later.queue === 'string') after.add(later.queue);
				if (after.size === 0) f.handoffsWithoutAssignment++;
				if (after.size === 1 && after.has(String(e.to_queue))) f.accurateHandoffs++;
				break;
			}
			case 'assignment':
				f.hasAssignment = true;
				if (typeof e.queue === 'string') {
					queues.add(e.queue);
					if (f.queuePath[f.queuePath.length - 1] !== e.queue) f.queuePath.push(e.queue);
				}
				break;
			case 'status':
				if (e.status === 'solved' || e.status === 'closed') {
					if (f.firstSolveAt === null) {
						f.firstSolveAt = at;
						f.resolutionSeconds = (at - createdAt) / 1000;
					}
				} else if (f.firstSolveAt !== null) {
					// open, pending or new after a solved or closed status: a reopen.
					if (!f.reopened && at - f.firstSolveAt <= 7 * DAY_MS) f.reopenedWithin7d = true;
					f.reopened = true;
				}
				break;
		}
	});
	f.distinctQueues = queues.size;
	const csat = conv.csat as { score?: number; scale?: number; rating?: string } | undefined;
	if (csat) {
		f.csatRated = true;
		f.csatPositive = csat.rating !== undefined ? csat.rating === 'good' : (csat.score ?? 0) >= 4;
	}
	return f;
}

/** Contained: AI-involved, ever solved or closed, no hand-off, not human-involved. */
export function isContained(f: ConversationFacts): boolean {
	return f.aiInvolved && f.firstSolveAt !== null && f.handoffs === 0 && !f.humanInvolved;
}

/** Marks repeat contacts among one customer's conversations (all of them, in any order). */
export function markRepeatContacts(facts: ConversationFacts[], repeatWindowMs = 7 * DAY_MS, verifiedWindowMs = 72 * 3600 * 1000): void {
	for (const f of facts) {
		if (f.firstSolveAt === null || !f.hasCustomerId) continue;
		for (const other of facts) {
			if (other === f) continue;
			const gap = other.createdAt - f.firstSolveAt;
			if (gap > 0 && gap <= repeatWindowMs) f.repeatWithin7d = true;
			if (gap > 0 && gap <= verifiedWindowMs) f.newWithin72h = true;
		}
	}
}
