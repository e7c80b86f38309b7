// The planted truths of a sample as it is written: every topical question (answered or not,
// and why), every draft's and hand-off's label in the manifest's lists, and the counts, topic
// and reroute tallies and expected KPIs (overall and per week) for the manifest's header.
import { KpiTally } from './KpiTally';
import { LANGUAGES } from './language';
import type { ManifestWriter } from './ManifestWriter';
import { questionReasons } from './questionReasons';
import { DAY_MS, SampleCalendar } from './sampleCalendar';
import { kbArticleId, TOPICS } from './topics';
import type { StoryConversation } from './writeStory';

export class SampleTruths {
	readonly tally = new KpiTally();
	readonly bySource: Record<string, number> = {};
	events = 0;
	private readonly byWeek = new Map<string, KpiTally>();
	private readonly perTopic = new Map<string, number>();
	private readonly topicQuestions = new Map<string, { all: number; unanswered: number }>();
	private readonly reroutes = new Map<string, { from: string; to: string; count: number; topics: Map<string, number> }>();
	private plantedQualified = 0;
	private plantedHandoffs = 0;
	private customers = 0;
	private vipCustomers = 0;
	private anonymous = 0;

	constructor(
		private readonly manifest: ManifestWriter,
		calendar: SampleCalendar
	) {
		for (let w = 0; w < calendar.weeks; w++) this.byWeek.set(SampleCalendar.weekOf(calendar.start + w * 7 * DAY_MS), new KpiTally());
	}

	/** A story's customer: known (with an id, maybe VIP) or anonymous, with its conversations. */
	addCustomer(known: boolean, vip: boolean, conversations: number): void {
		if (known) {
			this.customers++;
			if (vip) this.vipCustomers++;
		} else this.anonymous += conversations;
	}

	/** Tallies one written conversation and appends its questions and labels to the manifest. */
	async record({ built, readBack, facts, format }: StoryConversation): Promise<void> {
		const { manifest } = this;
		const conv = readBack.conversation;
		const topicId = built.plan.topic.id;
		const handoffLabels = built.labels.filter((l) => l.kind === 'handoff' && readBack.eventId(l.event_id) !== undefined);
		const qualified = handoffLabels.filter((l) => l.kind === 'handoff' && l.qualified).length;
		this.plantedQualified += qualified;
		this.plantedHandoffs += handoffLabels.length;
		this.tally.add(facts, qualified);
		this.byWeek.get(SampleCalendar.weekOf(facts.createdAt))?.add(facts, qualified);
		this.bySource[format.source] = (this.bySource[format.source] ?? 0) + 1;
		this.perTopic.set(topicId, (this.perTopic.get(topicId) ?? 0) + 1);
		this.events += conv.events.length;
		if (facts.distinctQueues >= 2) {
			const key = `${facts.queuePath[0]}→${facts.queuePath[facts.queuePath.length - 1]}`;
			const r = this.reroutes.get(key) ?? {
				from: facts.queuePath[0],
				to: facts.queuePath[facts.queuePath.length - 1],
				count: 0,
				topics: new Map()
			};
			r.count++;
			r.topics.set(topicId, (r.topics.get(topicId) ?? 0) + 1);
			this.reroutes.set(key, r);
		}
		for (const id of built.topicalMessageIds) {
			const eventId = readBack.eventId(id);
			if (eventId === undefined) continue;
			const reasons = questionReasons(conv.events as { id: string; type: string }[], eventId, facts);
			const tq = this.topicQuestions.get(topicId) ?? { all: 0, unanswered: 0 };
			tq.all++;
			if (reasons.length) tq.unanswered++;
			this.topicQuestions.set(topicId, tq);
			await manifest.add('questions', {
				conversation_source: conv.source,
				conversation_id: conv.id,
				event_id: eventId,
				topic: topicId,
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

	/** The manifest header's tallies, in the manifest's order. */
	manifestFields(conversations: number, kbArticles: number): Record<string, unknown> {
		const { manifest } = this;
		return {
			counts: {
				conversations,
				by_source: this.bySource,
				events: this.events,
				kb_articles: kbArticles,
				customers: this.customers,
				vip_customers: this.vipCustomers,
				conversations_without_customer_id: this.anonymous,
				questions: manifest.count('questions'),
				unanswered_questions: [...this.topicQuestions.values()].reduce((n, q) => n + q.unanswered, 0),
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
				conversations: this.perTopic.get(t.id) ?? 0,
				questions: this.topicQuestions.get(t.id)?.all ?? 0,
				unanswered_questions: this.topicQuestions.get(t.id)?.unanswered ?? 0
			})),
			reroute_patterns: [...this.reroutes.values()]
				.sort((a, b) => b.count - a.count || a.from.localeCompare(b.from) || a.to.localeCompare(b.to))
				.map((r) => ({
					from_queue: r.from,
					to_queue: r.to,
					conversations: r.count,
					topics: Object.fromEntries([...r.topics].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])))
				})),
			// What `kpis --json` reports for all rows after `ingest <out>`. Hand-offs are not graded by
			// an import, so the qualified hand-off rate is null there; the planted value is beside it.
			expected_kpis: { ...this.tally.values(), qualified_handoff_rate: null },
			expected_kpis_by_week: [...this.byWeek].map(([week, t]) => ({ week, ...t.values(), qualified_handoff_rate: null })),
			planted_qualified_handoff_rate: this.plantedHandoffs ? this.plantedQualified / this.plantedHandoffs : null,
			expected_counts: this.tally.counts()
		};
	}
}
