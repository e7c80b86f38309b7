// The seeded sample generator: customers with stories of one to four conversations, spread
// over the weeks before a fixed export instant, written to canonical JSON Lines and the vendor
// formats, with a manifest of planted truths and the KPI values an import must reproduce.
// Streams: one story at a time in memory, whatever the number of conversations.
import fs from 'node:fs';
import path from 'node:path';
import { buildConversation, type Agent, type BuiltConversation, type ConversationPlan, type Source } from './buildConversation';
import { canonicalFormat } from './canonicalFormat';
import { csvFormat } from './csvFormat';
import { intercomFormat } from './intercomFormat';
import { conversationFacts, markRepeatContacts, type ConversationFacts } from './conversationFacts';
import { kbArticles } from './kbArticles';
import { KpiTally, type KpiValues } from './KpiTally';
import { FIRST_NAMES, LANGUAGES, QUEUES, type Lang, type Queue } from './language';
import { ensureFolder } from './ensureFolder';
import { ManifestWriter } from './ManifestWriter';
import { OutputFolderError } from './OutputFolderError';
import { questionReasons } from './questionReasons';
import { Rng } from './Rng';
import { DAY_MS, DEFAULT_END, SampleCalendar } from './sampleCalendar';
import type { ReadBack, SampleFormat } from './SampleFormat';
import { kbArticleId, TOPICS, type Topic } from './topics';
import { zendeskFormat } from './zendeskFormat';
import { freshdeskFormat } from './freshdeskFormat';
import { helpscoutFormat } from './helpscoutFormat';

export interface GenerateOptions {
	out: string;
	conversations?: number;
	weeks?: number;
	seed?: number;
	/** The export instant (ISO, UTC); defaults to a fixed Monday so output is reproducible. */
	end?: string;
	/** Share of customers per output format; formats not listed get none. */
	formatShares?: Partial<Record<Source, number>>;
	/** Called after every story with conversations written so far. */
	onProgress?: (written: number, total: number) => void;
}

export const GENERATE_DEFAULTS = { conversations: 4000, weeks: 14, seed: 7 } as const;

export const DEFAULT_FORMAT_SHARES: Partial<Record<Source, number>> = {
	canonical: 0.3,
	zendesk: 0.15,
	intercom: 0.15,
	freshdesk: 0.125,
	helpscout: 0.125,
	csv: 0.15
};

export interface GenerateResult {
	outDir: string;
	conversations: number;
	bySource: Record<string, number>;
	events: number;
	kbArticles: number;
	expectedKpis: KpiValues;
	files: string[];
}

const HOUR_MS = 3600 * 1000;
const INCIDENT_TOPIC = 'sync_error';
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
const AGENT_NAMES = [
	'Priya',
	'Marco',
	'Aisha',
	'Tom',
	'Yuki',
	'Sven',
	'Nora',
	'Diego',
	'Fatima',
	'Ben',
	'Chloé',
	'Jonas',
	'Leila',
	'Oscar',
	'Mei',
	'Ravi',
	'Ines',
	'Kofi',
	'Hanna',
	'Luca',
	'Zoe',
	'Pedro',
	'Anja',
	'Samir'
];

function makeAgents(rng: Rng): Record<Queue, Agent[]> {
	let n = 0;
	const agents = {} as Record<Queue, Agent[]>;
	for (const queue of QUEUES) {
		agents[queue] = Array.from({ length: rng.int(3, 5) }, () => {
			n++;
			return { id: `a-${n}`, name: AGENT_NAMES[(n - 1) % AGENT_NAMES.length] };
		});
	}
	return agents;
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

interface StoryConversation {
	built: BuiltConversation;
	readBack: ReadBack;
	facts: ConversationFacts;
	format: SampleFormat;
}

export async function generateSample(options: GenerateOptions): Promise<GenerateResult> {
	const total = options.conversations ?? GENERATE_DEFAULTS.conversations;
	const weeks = options.weeks ?? GENERATE_DEFAULTS.weeks;
	const seed = options.seed ?? GENERATE_DEFAULTS.seed;
	const endIso = options.end ?? DEFAULT_END;
	const outDir = path.resolve(options.out);
	ensureFolder(outDir, options.out);

	const rng = new Rng(seed);
	const calendar = new SampleCalendar(weeks, endIso, rng);
	const agents = makeAgents(rng);
	const shares = options.formatShares ?? DEFAULT_FORMAT_SHARES;
	const formats: SampleFormat[] = [];
	const formatWeights: number[] = [];
	for (const [source, share] of Object.entries(shares) as [Source, number][]) {
		if (!share) continue;
		try {
			formats.push(FORMAT_FACTORIES[source](outDir));
		} catch (error) {
			throw error instanceof OutputFolderError ? error : OutputFolderError.from(path.join(options.out, source), error);
		}
		formatWeights.push(share);
	}
	if (formats.length === 0) throw new Error('generateSample: no output format has a share');

	const manifest = new ManifestWriter(outDir, ['questions', 'drafts', 'handoffs']);
	const tally = new KpiTally();
	const byWeek = new Map<string, KpiTally>();
	for (let w = 0; w < weeks; w++) byWeek.set(SampleCalendar.weekOf(calendar.start + w * 7 * DAY_MS), new KpiTally());
	const bySource: Record<string, number> = {};
	const perTopic = new Map<string, number>();
	const topicQuestions = new Map<string, { all: number; unanswered: number }>();
	const reroutes = new Map<string, { from: string; to: string; count: number; topics: Map<string, number> }>();
	let plantedQualified = 0;
	let plantedHandoffs = 0;
	let events = 0;
	let written = 0;
	let customers = 0;
	let vipCustomers = 0;
	let anonymous = 0;
	const customerCounters = new Map<SampleFormat, number>();
	const conversationCounter = { n: 0 };

	try {
		while (written < total) {
			const story = new Rng(rng.int(0, 0x7fffffff));
			const format = formats[story.weightedIndex(formatWeights)];
			const known = format.needsCustomerId || story.chance(0.88);
			const lang = story.weighted(LANG_WEIGHTS);
			const tier = story.chance(0.08) ? 'vip' : 'standard';
			const custPlan = tier === 'vip' ? story.weighted({ business: 0.4, enterprise: 0.6 }) : story.weighted(PLANS);
			let customer: ConversationPlan['customer'];
			if (known) {
				const k = (customerCounters.get(format) ?? 0) + 1;
				customerCounters.set(format, k);
				customer = { id: format.customerId(k), tier, plan: custPlan };
				customers++;
				if (tier === 'vip') vipCustomers++;
			} else if (story.chance(0.5)) customer = { tier, plan: custPlan }; // a visitor the widget knows only by plan
			const name = story.pick(FIRST_NAMES[lang]);
			const channels = format.channels ?? CHANNELS;
			const homeChannel = story.weighted(channels);
			const length = known ? story.weightedIndex([0.66, 0.2, 0.09, 0.05]) + 1 : 1;

			const conversations: StoryConversation[] = [];
			let createdAt = calendar.sampleStart(story);
			let topic = pickTopic(story, calendar, createdAt);
			for (let i = 0; i < length && written + conversations.length < total; i++) {
				if (i > 0) {
					const prev = conversations[i - 1];
					const anchor = prev.facts.firstSolveAt ?? lastEventAt(prev.readBack.conversation);
					createdAt = anchor + nextContactGap(story);
					if (createdAt >= calendar.end) break;
					// Half come back about the same problem, the rest about something new.
					if (!story.chance(0.5)) topic = pickTopic(story, calendar, createdAt);
				}
				const n = ++conversationCounter.n;
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
					agents,
					incident: topic.id === INCIDENT_TOPIC && calendar.inIncident(createdAt),
					humanOnly: format.humanOnly,
					noDrafts: format.noDrafts
				};
				const built = buildConversation(plan, story);
				const readBack = await format.write(built.conversation);
				conversations.push({ built, readBack, facts: conversationFacts(readBack.conversation), format });
			}
			if (known && conversations.length > 0) markRepeatContacts(conversations.map((c) => c.facts));
			else if (!known) anonymous += conversations.length;

			for (const { built, readBack, facts, format: f } of conversations) {
				const conv = readBack.conversation;
				const handoffLabels = built.labels.filter((l) => l.kind === 'handoff' && readBack.eventId(l.event_id) !== undefined);
				const qualified = handoffLabels.filter((l) => l.kind === 'handoff' && l.qualified).length;
				plantedQualified += qualified;
				plantedHandoffs += handoffLabels.length;
				tally.add(facts, qualified);
				byWeek.get(SampleCalendar.weekOf(facts.createdAt))?.add(facts, qualified);
				bySource[f.source] = (bySource[f.source] ?? 0) + 1;
				perTopic.set(built.plan.topic.id, (perTopic.get(built.plan.topic.id) ?? 0) + 1);
				events += conv.events.length;
				if (facts.distinctQueues >= 2) {
					const key = `${facts.queuePath[0]}→${facts.queuePath[facts.queuePath.length - 1]}`;
					const r = reroutes.get(key) ?? {
						from: facts.queuePath[0],
						to: facts.queuePath[facts.queuePath.length - 1],
						count: 0,
						topics: new Map()
					};
					r.count++;
					r.topics.set(built.plan.topic.id, (r.topics.get(built.plan.topic.id) ?? 0) + 1);
					reroutes.set(key, r);
				}
				for (const id of built.topicalMessageIds) {
					const eventId = readBack.eventId(id);
					if (eventId === undefined) continue;
					const reasons = questionReasons(conv.events as { id: string; type: string }[], eventId, facts);
					const tq = topicQuestions.get(built.plan.topic.id) ?? { all: 0, unanswered: 0 };
					tq.all++;
					if (reasons.length) tq.unanswered++;
					topicQuestions.set(built.plan.topic.id, tq);
					await manifest.add('questions', {
						conversation_source: conv.source,
						conversation_id: conv.id,
						event_id: eventId,
						topic: built.plan.topic.id,
						unanswered: reasons.length > 0,
						reasons
					});
				}
				for (const label of built.labels) {
					const eventId = readBack.eventId(label.event_id);
					if (eventId === undefined) continue;
					const base = { source: conv.source, conversation_id: conv.id, event_id: eventId, label: label.label, criteria: label.violations };
					if (label.kind === 'draft') await manifest.add('drafts', { ...base, review: label.review });
					else await manifest.add('handoffs', { ...base, qualified: label.qualified, note_style: label.note_style });
				}
			}
			written += conversations.length;
			options.onProgress?.(written, total);
		}
		for (const f of formats) await f.close();

		const articles = kbArticles(endIso);
		ensureFolder(path.join(outDir, 'canonical'));
		fs.writeFileSync(path.join(outDir, 'canonical', 'kb_articles.jsonl'), articles.map((a) => JSON.stringify(a)).join('\n') + '\n');

		const expected = { ...tally.values(), qualified_handoff_rate: null };
		await manifest.finish({
			generator: 'supportlens generate',
			seed,
			weeks,
			start: new Date(calendar.start).toISOString(),
			incident_week:
				calendar.incidentWeek >= 0
					? { week: SampleCalendar.weekOf(calendar.start + calendar.incidentWeek * 7 * DAY_MS), topic: INCIDENT_TOPIC }
					: null,
			end: new Date(calendar.end).toISOString(),
			counts: {
				conversations: written,
				by_source: bySource,
				events,
				kb_articles: articles.length,
				customers,
				vip_customers: vipCustomers,
				conversations_without_customer_id: anonymous,
				questions: manifest.count('questions'),
				unanswered_questions: [...topicQuestions.values()].reduce((n, q) => n + q.unanswered, 0),
				drafts: manifest.count('drafts'),
				handoffs: manifest.count('handoffs')
			},
			topics: TOPICS.map((t) => ({
				id: t.id,
				name: t.label,
				queue: t.queue,
				intent: t.intent,
				coverage: t.coverage,
				kb_article_id: t.coverage === 'missing' || !t.kb ? null : kbArticleId(t, 'en'),
				kb_article_ids: t.coverage === 'missing' || !t.kb ? [] : LANGUAGES.map((l) => kbArticleId(t, l)),
				conversations: perTopic.get(t.id) ?? 0,
				questions: topicQuestions.get(t.id)?.all ?? 0,
				unanswered_questions: topicQuestions.get(t.id)?.unanswered ?? 0
			})),
			reroute_patterns: [...reroutes.values()]
				.sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to))
				.map((r) => ({
					from_queue: r.from,
					to_queue: r.to,
					conversations: r.count,
					topics: Object.fromEntries([...r.topics].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])))
				})),
			// What `kpis --json` reports for all rows after `ingest <out>`. Hand-offs are not graded by
			// an import, so the qualified hand-off rate is null there; the planted value is beside it.
			expected_kpis: expected,
			expected_kpis_by_week: [...byWeek].map(([week, t]) => ({ week, ...t.values(), qualified_handoff_rate: null })),
			planted_qualified_handoff_rate: plantedHandoffs ? plantedQualified / plantedHandoffs : null,
			expected_counts: tally.counts()
		});
	} catch (error) {
		await manifest.abort();
		throw error;
	}
	return {
		outDir,
		conversations: written,
		bySource,
		events,
		kbArticles: kbArticles(endIso).length,
		expectedKpis: { ...tally.values(), qualified_handoff_rate: null },
		files: listFiles(outDir)
	};
}

function listFiles(dir: string): string[] {
	const out: string[] = [];
	for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
		if (entry.isFile() && !entry.name.startsWith('.')) out.push(path.relative(dir, path.join(entry.parentPath, entry.name)));
	}
	return out.sort();
}

const FORMAT_FACTORIES: Record<Source, (outDir: string) => SampleFormat> = {
	canonical: canonicalFormat,
	zendesk: zendeskFormat,
	intercom: intercomFormat,
	freshdesk: freshdeskFormat,
	helpscout: helpscoutFormat,
	csv: csvFormat
};
