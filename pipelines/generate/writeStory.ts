// One customer's story: who they are (known or a visitor, tier, plan, language, home channel),
// then one to four conversations, each coming back after a planted gap (inside or just outside
// the 72-hour and 7-day windows), half about the same problem. Each conversation is built,
// written in the customer's format, and read back as its import will see it.
import type { Agent, BuiltConversation, ConversationPlan } from './ConversationPlan';
import { buildConversation } from './buildConversation';
import { conversationFacts, markRepeatContacts, type ConversationFacts } from './conversationFacts';
import { FIRST_NAMES, type Lang, type Queue } from './language';
import type { Rng } from './Rng';
import { DAY_MS, INCIDENT_TOPIC, type SampleCalendar } from './sampleCalendar';
import type { ReadBack, SampleFormat } from './SampleFormat';
import { TOPICS, type Topic } from './topics';

const HOUR_MS = 3600 * 1000;
const CHANNELS: Record<string, number> = {
	chat: 0.36,
	email: 0.24,
	in_app: 0.1,
	web_form: 0.08,
	social: 0.08,
	voice: 0.06,
	sms: 0.05,
	api: 0.03
};
const LANG_WEIGHTS: Record<Lang, number> = { en: 0.52, de: 0.2, es: 0.15, fr: 0.13 };
const PLANS = { starter: 0.35, pro: 0.4, business: 0.18, enterprise: 0.07 };

export interface StoryConversation {
	built: BuiltConversation;
	readBack: ReadBack;
	facts: ConversationFacts;
	format: SampleFormat;
}

export interface Story {
	conversations: StoryConversation[];
	/** The customer has an id (their conversations can be linked: repeat contacts). */
	known: boolean;
	vip: boolean;
}

export interface StoryContext {
	calendar: SampleCalendar;
	agents: Record<Queue, Agent[]>;
	formats: SampleFormat[];
	formatWeights: number[];
	/** Customers numbered so far, per format. */
	customerCounters: Map<SampleFormat, number>;
	conversationCounter: { n: number };
}

/** Topic volumes drift linearly over the period; in the incident week sync errors come in a flood. */
function pickTopic(rng: Rng, calendar: SampleCalendar, at: number): Topic {
	const progress = calendar.progress(at);
	const incident = calendar.inIncident(at);
	return TOPICS[
		rng.weightedIndex(
			TOPICS.map((t) => (t.weight[0] + (t.weight[1] - t.weight[0]) * progress) * (incident && t.id === INCIDENT_TOPIC ? 6 : 1))
		)
	];
}

/** When a customer writes again after `anchor`: planted on both sides of the 72-hour and 7-day windows. */
function nextContactGap(rng: Rng): number {
	switch (rng.weighted({ within72h: 0.32, within7d: 0.28, justOutside7d: 0.18, later: 0.22 })) {
		case 'within72h':
			return rng.int(2 * 60, 70 * 60) * 60_000;
		case 'within7d':
			return rng.int(74 * 60, 162 * 60) * 60_000;
		case 'justOutside7d':
			return 7 * DAY_MS + rng.int(2 * 60, 30 * 60) * 60_000;
		default:
			return rng.int(10 * 24, 40 * 24) * HOUR_MS;
	}
}

function lastEventAt(c: BuiltConversation['conversation']): number {
	const last = c.events[c.events.length - 1];
	return last ? Date.parse(String(last.at)) : Date.parse(c.created_at);
}

/** Writes a story of at most `room` conversations. */
export async function writeStory(story: Rng, ctx: StoryContext, room: number): Promise<Story> {
	const { calendar } = ctx;
	const format = ctx.formats[story.weightedIndex(ctx.formatWeights)];
	const known = format.needsCustomerId || story.chance(0.88);
	const lang = story.weighted(LANG_WEIGHTS);
	const tier = story.chance(0.08) ? 'vip' : 'standard';
	const custPlan = tier === 'vip' ? story.weighted({ business: 0.4, enterprise: 0.6 }) : story.weighted(PLANS);
	let customer: ConversationPlan['customer'];
	if (known) {
		const k = (ctx.customerCounters.get(format) ?? 0) + 1;
		ctx.customerCounters.set(format, k);
		customer = { id: format.customerId(k), tier, plan: custPlan };
	} else if (story.chance(0.5)) customer = { tier, plan: custPlan }; // a visitor the widget knows only by plan
	const name = story.pick(FIRST_NAMES[lang]);
	const channels = format.channels ?? CHANNELS;
	const homeChannel = story.weighted(channels);
	const length = known ? story.weightedIndex([0.66, 0.2, 0.09, 0.05]) + 1 : 1;

	const conversations: StoryConversation[] = [];
	let createdAt = calendar.sampleStart(story);
	let topic = pickTopic(story, calendar, createdAt);
	for (let i = 0; i < length && conversations.length < room; i++) {
		if (i > 0) {
			const prev = conversations[i - 1];
			const anchor = prev.facts.firstSolveAt ?? lastEventAt(prev.readBack.conversation);
			createdAt = anchor + nextContactGap(story);
			if (createdAt >= calendar.end) break;
			// Half come back about the same problem, the rest about something new.
			if (!story.chance(0.5)) topic = pickTopic(story, calendar, createdAt);
		}
		const n = ++ctx.conversationCounter.n;
		const plan: ConversationPlan = {
			id: format.conversationId(n),
			source: format.source,
			topic,
			lang,
			channel: story.chance(0.65) ? homeChannel : story.weighted(channels),
			createdAt,
			customer,
			name,
			progress: calendar.progress(createdAt),
			exportAt: calendar.end,
			agents: ctx.agents,
			incident: topic.id === INCIDENT_TOPIC && calendar.inIncident(createdAt),
			humanOnly: format.humanOnly,
			noDrafts: format.noDrafts
		};
		const built = buildConversation(plan, story);
		const readBack = await format.write(built.conversation);
		conversations.push({ built, readBack, facts: conversationFacts(readBack.conversation), format });
	}
	if (known && conversations.length > 0) markRepeatContacts(conversations.map((c) => c.facts));
	return { conversations, known, vip: tier === 'vip' };
}
