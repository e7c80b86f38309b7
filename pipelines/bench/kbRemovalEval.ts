// The KB-removal test of the coverage verdicts: a folder with conversations.jsonl,
// kb_articles.jsonl (some articles removed on purpose) and truth.json (every unanswered
// conversation → its FAQ entry and whether that entry's article was removed). Imports it into
// a fresh warehouse, mines with the given embedder (default: the English word vectors, what
// `auto` picks offline for these English questions) and scores: recall (removed entries whose
// questions land mostly in `missing` gaps), precision (questions in `missing` gaps whose
// article is really gone) and false alarms (present entries mostly in `missing` gaps).
import fs from 'node:fs';
import path from 'node:path';
import { gapMembers, listGaps, mineGaps, type EmbedderChoice } from '../../src/lib/server/gaps';
import { importFiles } from '../../src/lib/server/ingest';
import { withWarehouse } from '../../src/lib/server/warehouse';

type Truth = { unanswered: Record<string, { entry: string; removed: boolean }> };

export async function scoreKbRemoval(dir: string | undefined, tmpDir: string, embedder: EmbedderChoice = 'wordvectors') {
	if (!dir || !fs.existsSync(path.join(dir, 'truth.json')))
		return { skipped: 'no KB-removal set: set SUPPORTLENS_KBGAP_SET to its folder' };
	const truth = JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8')) as Truth;
	const db = path.join(tmpDir, 'kbgap.duckdb');
	fs.rmSync(db, { force: true });
	const started = performance.now();
	const { run, gaps, members } = await withWarehouse(db, async (w) => {
		await importFiles(w, [path.join(dir, 'conversations.jsonl'), path.join(dir, 'kb_articles.jsonl')]);
		const run = await mineGaps(w.db, { embedder });
		return { run, gaps: (await listGaps(w.db)).filter((g) => g.active), members: await gapMembers(w.db) };
	});
	const seconds = (performance.now() - started) / 1000;
	fs.rmSync(db, { force: true });
	const perEntry = new Map<string, { removed: boolean; total: number; inMissing: number }>();
	for (const t of Object.values(truth.unanswered)) {
		const e = perEntry.get(t.entry) ?? { removed: t.removed, total: 0, inMissing: 0 };
		e.total++;
		perEntry.set(t.entry, e);
	}
	let missingQuestions = 0;
	let missingRemoved = 0;
	for (const g of gaps.filter((x) => x.coverage === 'missing')) {
		for (const m of members.get(g.id) ?? []) {
			const t = truth.unanswered[m.conversation_id];
			if (!t) continue;
			missingQuestions++;
			if (t.removed) missingRemoved++;
			perEntry.get(t.entry)!.inMissing++;
		}
	}
	const entries = [...perEntry.values()];
	const removed = entries.filter((e) => e.removed);
	const recalled = removed.filter((e) => e.inMissing >= e.total / 2).length;
	const round = (x: number) => Math.round(x * 1000) / 1000;
	return {
		embedder,
		questions: run.questions,
		gaps: gaps.length,
		coverage: run.coverage,
		removed_entries: removed.length,
		recall: round(recalled / Math.max(1, removed.length)),
		precision: missingQuestions ? round(missingRemoved / missingQuestions) : null,
		false_alarms: entries.filter((e) => !e.removed && e.inMissing >= e.total / 2).length,
		seconds: round(seconds)
	};
}
