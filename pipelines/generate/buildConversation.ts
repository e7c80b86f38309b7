// Builds one conversation along a planted path (AI contained, AI then hand-off, human only),
// recording the ground truth the manifest needs: each draft's and hand-off's planted label
// and which customer messages are topical questions. KPI facts are read off the finished
// events by conversationFacts, so they describe exactly what was written.
import type { Rng } from './Rng';
import {
	AI_CLARIFY,
	AI_CLOSING,
	AI_FALLBACK,
	ASK_HUMAN,
	CLARIFY_REPLY,
	CSAT_COMMENTS,
	ETA,
	HANDOFF_GOOD,
	HANDOFF_POOR,
	QUEUE_TEAM,
	STILL_BROKEN,
	THANKS,
	type Lang,
	type Queue
} from './language';
import { COMPLETE_STYLES, NOTE_STYLE_CRITERION, handoffNote, type NoteStyle } from './handoffNote';
import { agentReply, customerOpening, draftText, editDraft, fill, DRAFT_VIOLATION_CRITERION, type DraftViolation } from './text';
import { kbArticleId, type Topic } from './topics';

export type Source = 'canonical' | 'zendesk' | 'intercom' | 'freshdesk' | 'helpscout' | 'csv';

export interface Agent {
	id: string;
	name: string;
}

export interface ConversationPlan {
	id: string;
	source: Source;
	topic: Topic;
	lang: Lang;
	channel: string;
	createdAt: number;
	customer?: { id?: string; tier: string; plan: string };
	name: string;
	/** 0 at the first week, 1 at the last: drives the trends. */
	progress: number;
	/** Nothing happens after this instant: the moment the export was taken. */
	exportAt: number;
	agents: Record<Queue, Agent[]>;
	/** No AI at all (no AI messages, drafts or hand-offs): for formats that cannot tell the AI apart. */
	humanOnly?: boolean;
	/** Written during an outage of this topic's feature: the article's answer does not help. */
	incident?: boolean;
	/** No AI drafts for agents (formats with no draft-review record, e.g. Intercom). */
	noDrafts?: boolean;
}

export interface DraftLabel {
	kind: 'draft';
	event_id: string;
	label: 'good' | 'bad';
	violations: string[];
	review: string | null;
}

export interface HandoffLabel {
	kind: 'handoff';
	event_id: string;
	label: 'good' | 'bad';
	violations: string[];
	/** The note has goal, facts, actions taken, blocker and next action. */
	qualified: boolean;
	note_style: NoteStyle;
}

export interface BuiltConversation {
	conversation: Record<string, unknown> & { id: string; source: string; created_at: string; events: Record<string, unknown>[] };
	labels: (DraftLabel | HandoffLabel)[];
	/** Customer messages that ask the topic's question (opening and restatements). */
	topicalMessageIds: string[];
	plan: ConversationPlan;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function iso(ms: number): string {
	return new Date(ms).toISOString().replace('.000Z', 'Z');
}

const LIVE = new Set(['chat', 'in_app', 'sms', 'social', 'voice']);

/** Appends events in time order and keeps the pace realistic for the channel. */
class Timeline {
	t: number;
	readonly events: Record<string, unknown>[] = [];
	readonly transcript: { author: string; body: string }[] = [];
	private n = 0;
	constructor(
		start: number,
		private readonly live: boolean,
		private readonly rng: Rng
	) {
		this.t = start;
	}
	/** Waits: `quick` for bots and live chat, `slow` for email-paced replies. */
	wait(quickSeconds: [number, number], slowSeconds: [number, number]): void {
		const [a, b] = this.live ? quickSeconds : slowSeconds;
		this.t += this.rng.int(a, b) * SECOND;
	}
	waitMs(ms: number): void {
		this.t += Math.max(SECOND, Math.round(ms / SECOND) * SECOND);
	}
	add(event: Record<string, unknown>): string {
		const id = `e${++this.n}`;
		this.events.push({ id, at: iso(this.t), ...event });
		if (event.type === 'message') this.transcript.push({ author: String(event.author), body: String(event.body) });
		// Nothing shares a timestamp: ordering never depends on a tie-break.
		this.t += SECOND;
		return id;
	}
}

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

export function buildConversation(plan: ConversationPlan, rng: Rng): BuiltConversation {
	const { topic, lang, channel } = plan;
	const live = LIVE.has(channel);
	const tl = new Timeline(plan.createdAt, live, rng);
	const labels: (DraftLabel | HandoffLabel)[] = [];
	const topical: string[] = [];
	const tier = plan.customer?.tier ?? 'standard';
	const custPlan = plan.customer?.plan ?? 'unknown';
	const correctQueue = topic.queue;
	let solvedOnce = false;

	const aiShare: Record<string, number> = {
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
	const aiFirst = !plan.humanOnly && rng.chance(aiShare[channel] ?? 0.5);

	// Help desks that track a "new" status log it at creation; the opening message follows a second later.
	if (channel === 'email' || channel === 'web_form' || rng.chance(0.15)) tl.add({ type: 'status', status: 'new' });
	const opening = tl.add({ type: 'message', author: 'customer', body: customerOpening(topic, lang, channel, rng, plan.name) });
	topical.push(opening);

	const agentFor = (queue: Queue): Agent => rng.pick(plan.agents[queue]);

	/** An agent picks the case up in `queue`: optional AI draft, review, reply. Returns false if left unresolved. */
	const agentWork = (queue: Queue): boolean => {
		const agent = agentFor(queue);
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
			labels.push({
				kind: 'draft',
				event_id: id,
				label: violation ? 'bad' : 'good',
				violations: violation ? [DRAFT_VIOLATION_CRITERION[violation]] : [],
				review: review === 'none' ? null : review
			});
			if (review === 'none') return false; // the draft still waits for review at export time
			if (review === 'rejected') {
				tl.wait([60, 600], [600, 3600]);
				tl.add({ type: 'message', author: 'agent', agent_id: agent.id, body: agentReply(topic, queue, lang, plan.name, agent.name, rng) });
			} else if (review === 'escalated') {
				tl.add({ type: 'note', author: 'agent', agent_id: agent.id, body: 'Needs a senior agent: policy exception requested.' });
				const senior = agentFor(queue);
				tl.add({ type: 'assignment', queue, agent_id: senior.id });
				tl.wait([300, 1800], [3600, 8 * 3600]);
				tl.add({
					type: 'message',
					author: 'agent',
					agent_id: senior.id,
					body: agentReply(topic, queue, lang, plan.name, senior.name, rng)
				});
			}
		} else {
			tl.add({ type: 'message', author: 'agent', agent_id: agent.id, body: agentReply(topic, queue, lang, plan.name, agent.name, rng) });
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
		tl.add({ type: 'status', status: 'solved' });
		solvedOnce = true;
		return true;
	};

	/** Assignment after a hand-off or at triage; may plant a reroute. Returns the queue that owns it. */
	const route = (firstQueue: Queue): Queue => {
		tl.wait([30, 900], [600, 3 * 3600]);
		if (firstQueue !== correctQueue) {
			// Misrouted: most get rerouted after someone in the wrong queue looks at it.
			tl.add({ type: 'assignment', queue: firstQueue, agent_id: agentFor(firstQueue).id });
			if (rng.chance(0.08)) {
				tl.wait([300, 1800], [1800, 6 * 3600]);
				const detour: Queue = firstQueue === 'general' ? 'accounts' : 'general';
				if (detour !== correctQueue) tl.add({ type: 'assignment', queue: detour, agent_id: agentFor(detour).id });
			}
			tl.wait([300, 2400], [1800, 8 * 3600]);
			tl.add({ type: 'note', author: 'agent', body: `Wrong queue, moving to ${correctQueue}.` });
		}
		tl.add({ type: 'assignment', queue: correctQueue, agent_id: agentFor(correctQueue).id });
		if (rng.chance(0.08)) {
			// Same queue, another agent (shift change): not a reroute.
			tl.wait([600, 3600], [3600, 6 * 3600]);
			tl.add({ type: 'assignment', queue: correctQueue, agent_id: agentFor(correctQueue).id });
		}
		return correctQueue;
	};

	const handoff = (reason: string, aiActions: string): void => {
		const misrouted = rng.chance(topic.misroute);
		const toQueue: Queue = misrouted ? topic.wrongQueue : correctQueue;
		const style = pickNoteStyle(rng, plan.progress);
		const informed = rng.chance(0.86);
		const note = handoffNote(style, { topic, lang, channel, tier, plan: custPlan, actions: aiActions, transcript: tl.transcript }, rng);
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
		labels.push({
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
			tl.add({ type: 'assignment', queue: correctQueue, agent_id: agentFor(correctQueue).id });
		} else route(toQueue);
		agentWork(correctQueue);
	};

	const aiReply = (body: string, answerType: 'answered' | 'clarifying' | 'fallback', confidence?: number, cite?: string): string => {
		tl.wait([2, 20], [20, 180]);
		const event: Record<string, unknown> = { type: 'message', author: 'ai', body, answer_type: answerType };
		if (confidence !== undefined) event.confidence = Math.round(confidence * 100) / 100;
		if (cite) event.kb_article_ids = [cite];
		return tl.add(event);
	};

	const customerSays = (body: string, isTopical = false): void => {
		tl.wait([15, 240], [1800, 10 * 3600]);
		const id = tl.add({ type: 'message', author: 'customer', body });
		if (isTopical) topical.push(id);
	};

	if (aiFirst) {
		let actions = 'Searched the help center; no article matched.';
		if (rng.chance(topic.coverage === 'missing' ? 0.25 : 0.18)) {
			aiReply(rng.pick(AI_CLARIFY[lang]), 'clarifying', rng.float(0.55, 0.8));
			customerSays(`${fill(rng.pick(CLARIFY_REPLY[lang]), lang, rng)} ${fill(rng.pick(topic.phrasing[lang]), lang, rng)}`, true);
			actions = 'Asked for plan and order details; ' + actions.charAt(0).toLowerCase() + actions.slice(1);
		}
		const kb = topic.kb ? kbArticleId(topic, lang) : undefined;
		let succeeded = false;
		if (topic.coverage === 'covered') {
			// Containment improves week over week as the AI's answers are tuned.
			succeeded = rng.chance(plan.incident ? 0.15 : 0.5 + 0.35 * plan.progress);
			if (succeeded) aiReply(topic.answer![lang], 'answered', rng.float(0.72, 0.98), kb);
			else if (rng.chance(0.5)) aiReply(topic.answer![lang], 'answered', rng.float(0.3, 0.49), kb);
			else aiReply(rng.pick(AI_FALLBACK[lang]), 'fallback', rng.float(0.05, 0.3));
			if (kb) actions = `Shared the article "${topic.kb!.title.en}" (${kb}); the customer says it does not solve it.`;
		} else if (topic.coverage === 'weak') {
			if (rng.chance(0.55)) {
				aiReply(topic.answer![lang], 'answered', rng.float(0.2, 0.46), kb);
				actions = `Shared "${topic.kb!.title.en}" (${kb}), which does not cover this.`;
			} else aiReply(rng.pick(AI_FALLBACK[lang]), 'fallback', rng.float(0.05, 0.3));
		} else {
			aiReply(rng.pick(AI_FALLBACK[lang]), 'fallback', rng.float(0.03, 0.3));
		}

		if (succeeded) {
			const vip = tier === 'vip';
			if (rng.chance(topic.policyHandoff ?? 0) || (vip && rng.chance(0.4)) || rng.chance(0.06)) {
				const reason = topic.policyHandoff ? topic.handoffReason : vip ? 'vip_policy' : 'customer_request';
				if (reason === 'customer_request') customerSays(rng.pick(ASK_HUMAN[lang]));
				handoff(reason, kb ? `Answered from "${topic.kb!.title.en}" (${kb}); policy needs a person to act.` : actions);
			} else if (rng.chance(0.04)) {
				// An agent jumps in on a live chat without a hand-off: human-involved, not contained.
				const agent = agentFor(correctQueue);
				tl.wait([60, 600], [600, 3600]);
				tl.add({ type: 'assignment', queue: correctQueue, agent_id: agent.id });
				tl.add({
					type: 'message',
					author: 'agent',
					agent_id: agent.id,
					body: agentReply(topic, correctQueue, lang, plan.name, agent.name, rng)
				});
				tl.wait([60, 600], [600, 3600]);
				tl.add({ type: 'status', status: 'solved' });
				solvedOnce = true;
			} else {
				if (rng.chance(0.7)) {
					customerSays(fill(rng.pick(THANKS[lang]), lang, rng));
					aiReply(rng.pick(AI_CLOSING[lang]), 'answered');
					tl.wait([5, 60], [5, 60]);
				} else tl.waitMs(DAY); // the customer went quiet: solved automatically after a day
				tl.add({ type: 'status', status: 'solved' });
				solvedOnce = true;
			}
		} else {
			const r = rng.next();
			const leave = topic.coverage === 'covered' ? 0.25 : 0.22;
			if (r < leave) {
				// The customer gave up; the bot closes it after a day. Looks contained, is not.
				tl.waitMs(DAY);
				tl.add({ type: 'status', status: 'solved' });
				solvedOnce = true;
			} else if (r < leave + 0.08) {
				tl.wait([60, 600], [3600, 6 * 3600]);
				tl.add({ type: 'status', status: 'pending' });
			} else {
				if (rng.chance(0.5)) customerSays(rng.pick(ASK_HUMAN[lang]));
				handoff(topic.handoffReason, actions);
			}
		}
	} else {
		// Human only: triage routes it (sometimes wrongly), an agent answers, often from an AI draft.
		const misrouted = rng.chance(Math.min(0.5, topic.misroute * 1.2));
		tl.add({ type: 'status', status: 'open' });
		route(misrouted ? topic.wrongQueue : correctQueue);
		agentWork(correctQueue);
	}

	// Reopens: the customer comes back on a solved conversation, mostly within days.
	const hasHandoff = tl.events.some((e) => e.type === 'handoff');
	if (solvedOnce && rng.chance(hasHandoff || !aiFirst ? 0.07 : 0.06)) {
		const late = rng.chance(0.2);
		tl.waitMs(late ? rng.int(8 * 24 + 12, 10 * 24) * HOUR : rng.int(2, 96) * HOUR);
		tl.add({ type: 'message', author: 'customer', body: rng.pick(STILL_BROKEN[lang]) });
		tl.add({ type: 'status', status: 'open' });
		if (aiFirst && !hasHandoff && rng.chance(0.6)) {
			// The AI tries again and the customer accepts: still no human, still contained.
			if (topic.answer) aiReply(topic.answer[lang], 'answered', rng.float(0.6, 0.9), topic.kb ? kbArticleId(topic, lang) : undefined);
			else aiReply(rng.pick(AI_CLOSING[lang]), 'answered');
			tl.waitMs(DAY);
			tl.add({ type: 'status', status: 'solved' });
		} else {
			const agent = agentFor(correctQueue);
			tl.wait([300, 3600], [3600, 8 * 3600]);
			tl.add({ type: 'assignment', queue: correctQueue, agent_id: agent.id });
			tl.add({
				type: 'message',
				author: 'agent',
				agent_id: agent.id,
				body: agentReply(topic, correctQueue, lang, plan.name, agent.name, rng)
			});
			tl.wait([300, 3600], [3600, 8 * 3600]);
			tl.add({ type: 'status', status: 'solved' });
		}
	}
	// Help desks close solved tickets after a few days.
	const last = tl.events[tl.events.length - 1] as { type: string; status?: string } | undefined;
	if (last?.type === 'status' && last.status === 'solved' && rng.chance(0.45)) {
		tl.waitMs(4 * DAY);
		tl.add({ type: 'status', status: 'closed' });
	}

	// The export was taken at exportAt: later events don't exist yet.
	const events = tl.events.filter((e) => Date.parse(String(e.at)) <= plan.exportAt);
	const kept = new Set(events.map((e) => e.id as string));
	const keptLabels = labels.filter((l) => kept.has(l.event_id));

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
	if (solved && rng.chance(0.28)) conversation.csat = csat(rng, lang, events);
	return { conversation, labels: keptLabels, topicalMessageIds: topical.filter((id) => kept.has(id)), plan };
}

function csat(rng: Rng, lang: Lang, events: Record<string, unknown>[]): Record<string, unknown> {
	const reopened = events.some(
		(e, i) =>
			e.type === 'status' && (e.status === 'open' || e.status === 'pending') && events.slice(0, i).some((p) => p.status === 'solved')
	);
	const fallback = events.some((e) => e.answer_type === 'fallback');
	const handedOff = events.some((e) => e.type === 'handoff');
	const mood = reopened ? 0.25 : fallback ? 0.4 : handedOff ? 0.72 : 0.88;
	const happy = rng.chance(mood);
	const score = happy ? rng.weighted({ '4': 0.35, '5': 0.65 }) : rng.weighted({ '1': 0.35, '2': 0.35, '3': 0.3 });
	const withComment = rng.chance(0.3);
	if (rng.chance(0.2)) {
		const out: Record<string, unknown> = { rating: happy ? 'good' : 'bad' };
		if (withComment) out.comment = rng.pick(CSAT_COMMENTS[happy ? 'good' : 'bad'][lang]);
		return out;
	}
	const out: Record<string, unknown> = { score: Number(score), scale: 5 };
	if (withComment) out.comment = rng.pick(CSAT_COMMENTS[happy ? 'good' : 'bad'][lang]);
	return out;
}
