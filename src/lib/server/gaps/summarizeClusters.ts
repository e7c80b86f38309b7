// Per-cluster figures for the gap list: size, conversations, weekly counts, channels,
// languages, reasons, examples, and how badly the topic hurts (reopens, escalations, low CSAT),
// combined into the impact score.
import type { Question } from './extractQuestions';
import { conversationKey } from './miningKeys';

export interface ClusterSummary {
	members: number[];
	size: number;
	conversations: number;
	weekly: { week: string; questions: number }[];
	channels: Record<string, number>;
	languages: Record<string, number>;
	reasons: Record<string, number>;
	examples: { source: string; conversation_id: string; event_id: string; text: string; similarity: number }[];
	reopen_rate: number;
	escalation_rate: number;
	low_csat_rate: number;
	/**
	 * Conversations × (1 + reopen rate + escalation rate + low-CSAT rate): volume weighted by
	 * how often the topic also leads to a reopen, a hand-off to a person, or an unhappy rating.
	 */
	impact: number;
}

const count = (m: Record<string, number>, key: string) => (m[key] = (m[key] ?? 0) + 1);

export function summarizeClusters(
	questions: Question[],
	labels: Int32Array,
	similarity: Float32Array,
	clusterCount: number,
	exampleCount: number
): ClusterSummary[] {
	const members: number[][] = Array.from({ length: clusterCount }, () => []);
	labels.forEach((c, i) => c >= 0 && members[c].push(i));
	return members.map((idx) => {
		const weekly: Record<string, number> = {};
		const channels: Record<string, number> = {};
		const languages: Record<string, number> = {};
		const reasons: Record<string, number> = {};
		const conversations = new Map<string, Question>();
		for (const i of idx) {
			const q = questions[i];
			count(weekly, q.week);
			count(channels, q.channel);
			count(languages, q.language ?? 'unknown');
			for (const r of q.reasons) count(reasons, r);
			conversations.set(conversationKey(q.source, q.conversation_id), q);
		}
		const convs = [...conversations.values()];
		const rate = (f: (q: Question) => boolean) => (convs.length ? convs.filter(f).length / convs.length : 0);
		const reopen = rate((q) => q.reopened);
		const escalation = rate((q) => q.escalated);
		const lowCsat = rate((q) => q.low_csat);
		// Examples: the most central questions, one per distinct text.
		const seen = new Set<string>();
		const examples = [...idx]
			.sort((a, b) => similarity[b] - similarity[a] || a - b)
			.filter((i) => !seen.has(questions[i].text.toLowerCase()) && seen.add(questions[i].text.toLowerCase()))
			.slice(0, exampleCount)
			.map((i) => ({
				source: questions[i].source,
				conversation_id: questions[i].conversation_id,
				event_id: questions[i].event_id,
				text: questions[i].text,
				similarity: Math.round(similarity[i] * 1000) / 1000
			}));
		return {
			members: idx,
			size: idx.length,
			conversations: convs.length,
			weekly: Object.entries(weekly)
				.sort(([a], [b]) => (a < b ? -1 : 1))
				.map(([week, n]) => ({ week, questions: n })),
			channels,
			languages,
			reasons,
			examples,
			reopen_rate: reopen,
			escalation_rate: escalation,
			low_csat_rate: lowCsat,
			impact: Math.round(convs.length * (1 + reopen + escalation + lowCsat) * 100) / 100
		};
	});
}
