// The committed sample's gap list against its planted truths: how many gaps for how many
// planted topic × language pairs occur among the unanswered questions, and whether each
// planted `missing` topic is still found (most of its questions in `missing` gaps).
import fs from 'node:fs';
import path from 'node:path';
import { gapMembers, listGaps, mineGaps } from '../../src/lib/server/gaps';
import { importFiles } from '../../src/lib/server/ingest';
import { withWarehouse } from '../../src/lib/server/warehouse';

type Manifest = {
	topics: { id: string; coverage: string }[];
	questions: { conversation_source: string; conversation_id: string; event_id: string; topic: string }[];
};

export async function scoreSampleGaps(sampleDir: string, tmpDir: string) {
	const manifest = JSON.parse(fs.readFileSync(path.join(sampleDir, 'manifest.json'), 'utf8')) as Manifest;
	const topicOf = new Map(
		manifest.questions.map((q) => [`${q.conversation_source}\u0000${q.conversation_id}\u0000${q.event_id}`, q.topic])
	);
	const db = path.join(tmpDir, 'sample-gaps.duckdb');
	fs.rmSync(db, { force: true });
	const { gaps, members, questions } = await withWarehouse(db, async (w) => {
		await importFiles(w, [sampleDir]);
		await mineGaps(w.db, { embedder: 'lexical' });
		return {
			gaps: (await listGaps(w.db)).filter((g) => g.active),
			members: await gapMembers(w.db),
			questions: await w.db.all<{ source: string; conversation_id: string; event_id: string; language: string | null }>(
				'SELECT source, conversation_id, event_id, language FROM gap_questions'
			)
		};
	});
	fs.rmSync(db, { force: true });
	const pairs = new Set<string>();
	for (const q of questions) {
		const topic = topicOf.get(`${q.source}\u0000${q.conversation_id}\u0000${q.event_id}`);
		if (topic) pairs.add(`${topic}/${q.language ?? '?'}`);
	}
	const perTopic = new Map<string, { total: number; inMissing: number }>();
	for (const q of questions) {
		const topic = topicOf.get(`${q.source}\u0000${q.conversation_id}\u0000${q.event_id}`);
		if (!topic) continue;
		const t = perTopic.get(topic) ?? { total: 0, inMissing: 0 };
		t.total++;
		perTopic.set(topic, t);
	}
	const plantedMissing = manifest.topics.filter((t) => t.coverage === 'missing').map((t) => t.id);
	// Purity: the share of gap questions whose gap's most common planted topic is their own.
	let withTopic = 0;
	let inMainTopic = 0;
	let mixedGaps = 0;
	for (const g of gaps) {
		const counts = new Map<string, number>();
		for (const m of members.get(g.id) ?? []) {
			const topic = topicOf.get(`${m.source}\u0000${m.conversation_id}\u0000${m.event_id}`);
			if (topic) counts.set(topic, (counts.get(topic) ?? 0) + 1);
		}
		const total = [...counts.values()].reduce((a, b) => a + b, 0);
		const main = Math.max(0, ...counts.values());
		withTopic += total;
		inMainTopic += main;
		if (total > 0 && main < total / 2) mixedGaps++;
	}
	let inMissingGaps = 0;
	let plantedMissingInMissingGaps = 0;
	for (const g of gaps.filter((x) => x.coverage === 'missing')) {
		for (const m of members.get(g.id) ?? []) {
			const topic = topicOf.get(`${m.source}\u0000${m.conversation_id}\u0000${m.event_id}`);
			if (!topic) continue;
			perTopic.get(topic)!.inMissing++;
			inMissingGaps++;
			if (plantedMissing.includes(topic)) plantedMissingInMissingGaps++;
		}
	}
	const found = plantedMissing.filter((t) => {
		const p = perTopic.get(t);
		return p !== undefined && p.inMissing >= p.total / 2;
	});
	return {
		questions: questions.length,
		gaps: gaps.length,
		planted_topic_language_pairs: pairs.size,
		gaps_per_pair: Math.round((gaps.length / Math.max(1, pairs.size)) * 100) / 100,
		planted_missing_topics: plantedMissing.length,
		planted_missing_found: found.length,
		planted_missing_not_found: plantedMissing.filter((t) => !found.includes(t)),
		planted_missing_in_missing_gaps: Object.fromEntries(
			plantedMissing.map((t) => [t, `${perTopic.get(t)?.inMissing ?? 0} of ${perTopic.get(t)?.total ?? 0}`])
		),
		// Of the planted-topic questions in `missing` gaps, the share whose topic really has no article.
		purity: Math.round((inMainTopic / Math.max(1, withTopic)) * 1000) / 1000,
		gaps_without_a_majority_topic: mixedGaps,
		missing_gap_precision: Math.round((plantedMissingInMissingGaps / Math.max(1, inMissingGaps)) * 1000) / 1000
	};
}
