// The moves a conversation is made of (an AI reply, a customer message, routing to a queue, an
// agent's work with or without an AI draft, an AI hand-off) written onto one timeline, with the
// planted labels of drafts and hand-offs and the topical customer messages recorded as they go.
import type { Agent, ConversationPlan, DraftLabel, HandoffLabel } from './ConversationPlan';
import { COMPLETE_STYLES, NOTE_STYLE_CRITERION, handoffNote, type NoteStyle } from './handoffNote';
import { ETA, HANDOFF_GOOD, HANDOFF_POOR, QUEUE_TEAM, THANKS, type Queue } from './language';
import type { Rng } from './Rng';
import { agentReply, draftText, editDraft, fill, DRAFT_VIOLATION_CRITERION, type DraftViolation } from './text';
import { Timeline } from './Timeline';
import { kbArticleId } from './topics';

const LIVE = new Set(['chat', 'in_app', 'sms', 'social', 'voice']);

function pickNoteStyle(rng: Rng, progress: number): NoteStyle {
	// Hand-off notes get a little better over the quarter as the prompt is tuned.
	const good = 0.5 + 0.15 * progress;
	return rng.weighted({
		labelled: good * 0.62,
		prose: good * 0.26,
		sentiment_noise: good * 0.12,
		vague: (1 - good) * 0.4,
		transcript: (1 - good) * 0.3,
		incomplete: (1 - good) * 0.3
	});
}

function pickDraftViolation(rng: Rng, progress: number): DraftViolation | undefined {
	// Drafts get better over the quarter too (fewer planted violations): edit and reject rates fall.
	if (!rng.chance(0.3 - 0.12 * progress)) return undefined;
	return rng.weighted({ refund_promise: 0.3, personal_data: 0.3, wrong_language: 0.25, too_many_questions: 0.15 });
}

export class ConversationScene {
	readonly tl: Timeline;
	readonly labels: (DraftLabel | HandoffLabel)[] = [];
	/** Customer messages that ask the topic's question. */
	readonly topical: string[] = [];
	readonly tier: string;
	readonly correctQueue: Queue;
	solvedOnce = false;

	constructor(
		readonly plan: ConversationPlan,
		readonly rng: Rng
	) {
		this.tl = new Timeline(plan.createdAt, LIVE.has(plan.channel), rng);
		this.tier = plan.customer?.tier ?? 'standard';
		this.correctQueue = plan.topic.queue;
	}

	agentFor(queue: Queue): Agent {
		return this.rng.pick(this.plan.agents[queue]);
	}

	/** An agent picks the case up in `queue`: optional AI draft, review, reply. Returns false if left unresolved. */
	agentWork(queue: Queue): boolean {
		const { tl, rng, plan } = this;
		const { topic, lang, channel } = plan;
		const agent = this.agentFor(queue);
		tl.wait([60, 900], [1800, 6 * 3600]);
		const hasDraft = !plan.humanOnly && !plan.noDrafts && rng.chance(channel === 'voice' ? 0.15 : 0.62);
		if (hasDraft) {
			const violation = pickDraftViolation(rng, plan.progress);
			const d = draftText(topic, queue, lang, plan.name, agent.name, rng, violation);
			const review = violation
				? rng.weighted({ rejected: 0.43, edited: 0.43, sent_as_is: 0.1, escalated: 0.02, none: 0.02 })
				: rng.weighted({ sent_as_is: 0.68, edited: 0.24, rejected: 0.04, escalated: 0.02, none: 0.02 });
			const event: Record<string, unknown> = { type: 'draft', author: 'ai', agent_id: agent.id, body: d.body };
			if (topic.coverage !== 'missing' && rng.chance(0.7)) event.kb_article_ids = [kbArticleId(topic, lang)];
			if (review === 'edited') event.final_body = editDraft(d, topic, queue, lang, plan.name, agent.name, rng);
			if (review !== 'none') event.review = review;
			const id = tl.add(event);
			this.labels.push({
				kind: 'draft',
				event_id: id,
				label: violation ? 'bad' : 'good',
				violations: violation ? [DRAFT_VIOLATION_CRITERION[violation]] : [],
				review: review === 'none' ? null : review
			});
			if (review === 'none') return false; // the draft still waits for review at export time
			if (review === 'rejected') {
				tl.wait([60, 600], [600, 3600]);
				this.agentSays(agent, queue);
			} else if (review === 'escalated') {
				tl.add({ type: 'note', author: 'agent', agent_id: agent.id, body: 'Needs a senior agent: policy exception requested.' });
				const senior = this.agentFor(queue);
				tl.add({ type: 'assignment', queue, agent_id: senior.id });
				tl.wait([300, 1800], [3600, 8 * 3600]);
				this.agentSays(senior, queue);
			}
		} else {
			this.agentSays(agent, queue);
		}
		if (rng.chance(0.06)) {
			tl.wait([120, 900], [3600, 20 * 3600]);
			tl.add({ type: 'status', status: 'pending' });
			return false;
		}
		if (rng.chance(0.45)) {
			tl.wait([30, 240], [1800, 12 * 3600]);
			tl.add({ type: 'message', author: 'customer', body: fill(rng.pick(THANKS[lang]), lang, rng) });
		}
		tl.wait([30, 300], [300, 3600]);
		this.solve();
		return true;
	}

	/** An agent's reply about the topic. */
	agentSays(agent: Agent, queue: Queue): void {
		const { topic, lang, name } = this.plan;
		this.tl.add({ type: 'message', author: 'agent', agent_id: agent.id, body: agentReply(topic, queue, lang, name, agent.name, this.rng) });
	}

	/** An agent of the right queue takes it over directly (no hand-off) and answers. */
	agentStepsIn(quick: [number, number], slow: [number, number]): void {
		const agent = this.agentFor(this.correctQueue);
		this.tl.wait(quick, slow);
		this.tl.add({ type: 'assignment', queue: this.correctQueue, agent_id: agent.id });
		this.agentSays(agent, this.correctQueue);
	}

	solve(): void {
		this.tl.add({ type: 'status', status: 'solved' });
		this.solvedOnce = true;
	}

	/** Assignment after a hand-off or at triage; may plant a reroute. Returns the queue that owns it. */
	route(firstQueue: Queue): Queue {
		const { tl, rng, correctQueue } = this;
		tl.wait([30, 900], [600, 3 * 3600]);
		if (firstQueue !== correctQueue) {
			// Misrouted: most get rerouted after someone in the wrong queue looks at it.
			tl.add({ type: 'assignment', queue: firstQueue, agent_id: this.agentFor(firstQueue).id });
			if (rng.chance(0.08)) {
				tl.wait([300, 1800], [1800, 6 * 3600]);
				const detour: Queue = firstQueue === 'general' ? 'accounts' : 'general';
				if (detour !== correctQueue) tl.add({ type: 'assignment', queue: detour, agent_id: this.agentFor(detour).id });
			}
			tl.wait([300, 2400], [1800, 8 * 3600]);
			tl.add({ type: 'note', author: 'agent', body: `Wrong queue, moving to ${correctQueue}.` });
		}
		tl.add({ type: 'assignment', queue: correctQueue, agent_id: this.agentFor(correctQueue).id });
		if (rng.chance(0.08)) {
			// Same queue, another agent (shift change): not a reroute.
			tl.wait([600, 3600], [3600, 6 * 3600]);
			tl.add({ type: 'assignment', queue: correctQueue, agent_id: this.agentFor(correctQueue).id });
		}
		return correctQueue;
	}

	/** The AI hands off with a note (planted style), maybe to the wrong queue; an agent takes over. */
	handoff(reason: string, aiActions: string): void {
		const { tl, rng, plan, correctQueue } = this;
		const { topic, lang, channel } = plan;
		const misrouted = rng.chance(topic.misroute);
		const toQueue: Queue = misrouted ? topic.wrongQueue : correctQueue;
		const style = pickNoteStyle(rng, plan.progress);
		const informed = rng.chance(0.86);
		const note = handoffNote(
			style,
			{ topic, lang, channel, tier: this.tier, plan: plan.customer?.plan ?? 'unknown', actions: aiActions, transcript: tl.transcript },
			rng
		);
		const event: Record<string, unknown> = { type: 'handoff', author: 'ai', to_queue: toQueue, reason, note };
		if (informed)
			event.customer_message = fill(rng.pick(HANDOFF_GOOD[lang]), lang, rng, { team: QUEUE_TEAM[lang][toQueue], eta: rng.pick(ETA[lang]) });
		else if (rng.chance(0.6)) event.customer_message = rng.pick(HANDOFF_POOR[lang]);
		tl.wait([2, 8], [5, 30]);
		const id = tl.add(event);
		const violations: string[] = [];
		const styleCriterion = NOTE_STYLE_CRITERION[style];
		if (styleCriterion) violations.push(styleCriterion);
		if (misrouted) violations.push('right_queue');
		if (!informed) violations.push('customer_informed');
		this.labels.push({
			kind: 'handoff',
			event_id: id,
			label: violations.length ? 'bad' : 'good',
			violations,
			qualified: COMPLETE_STYLES.has(style),
			note_style: style
		});
		tl.add({ type: 'status', status: 'open' });
		if (misrouted && rng.chance(0.3)) {
			// Triage spots the AI's mistake and assigns the right queue directly: one queue, yet the hand-off was wrong.
			tl.wait([30, 900], [600, 3 * 3600]);
			tl.add({ type: 'assignment', queue: correctQueue, agent_id: this.agentFor(correctQueue).id });
		} else this.route(toQueue);
		this.agentWork(correctQueue);
	}

	aiReply(body: string, answerType: 'answered' | 'clarifying' | 'fallback', confidence?: number, cite?: string): string {
		this.tl.wait([2, 20], [20, 180]);
		const event: Record<string, unknown> = { type: 'message', author: 'ai', body, answer_type: answerType };
		if (confidence !== undefined) event.confidence = Math.round(confidence * 100) / 100;
		if (cite) event.kb_article_ids = [cite];
		return this.tl.add(event);
	}

	customerSays(body: string, isTopical = false): void {
		this.tl.wait([15, 240], [1800, 10 * 3600]);
		const id = this.tl.add({ type: 'message', author: 'customer', body });
		if (isTopical) this.topical.push(id);
	}
}
