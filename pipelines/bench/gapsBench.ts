// Gap-miner bench: clustering quality on public labelled intent sets (clusters found / true k,
// NMI, ARI, outliers, beside a TF-IDF + LSA + k-means baseline given the true k), the KB-removal
// test of coverage verdicts, the committed sample's gap count against its planted topics, NMI
// and ARI on the generator's labelled questions for each embedder that can load here, and the
// time and peak RSS to mine 10,000 and 100,000 questions with the lexical embedder (each in its
// own process; at the largest size also with the English word vectors). Ratios are against same-run baselines: the 10,000 run for scaling, and plain
// lexical embedding of the same texts for overhead. Public sets come from folders named by
// SUPPORTLENS_INTENT_SETS and SUPPORTLENS_KBGAP_SET (skipped, and said so, when unset).
import fs from 'node:fs';
import path from 'node:path';
import { generateSample } from '../generate/generateSample';
import { createEmbedder, clusterTexts } from '../../src/lib/server/gaps';
import { adjustedRandIndex, normalizedMutualInformation } from '../../src/lib/server/gaps/clusterQuality';
import { LexicalEmbedder } from '../../src/lib/server/gaps/embedders/LexicalEmbedder';
import { withWarehouse } from '../../src/lib/server/warehouse';
import type { BenchContext } from './runBench';
import { buildGapsBenchWarehouse } from './buildGapsBenchWarehouse';
import { measureChild } from './measureChild';
import { scoreClustering, scoreLabelledSets } from './clusterEval';
import { scoreKbRemoval } from './kbRemovalEval';
import { scoreSampleGaps } from './sampleGapsEval';
import { intentEvalSet } from './intentEvalSet';

type Manifest = { questions: { conversation_id: string; event_id: string; topic: string }[] };

/** The generator's labelled topical questions with their texts and languages. */
async function labelledQuestions(ctx: BenchContext) {
	const out = path.join(ctx.tmpDir, 'gaps-sample');
	await generateSample({ out, conversations: ctx.quick ? 1000 : 4000, seed: 21, formatShares: { canonical: 1 } });
	const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
	const texts = new Map<string, { body: string; lang: string }>();
	for (const line of fs.readFileSync(path.join(out, 'canonical/conversations.jsonl'), 'utf8').split('\n')) {
		if (!line) continue;
		const c = JSON.parse(line) as { id: string; language?: string; events: { id: string; body?: string }[] };
		for (const e of c.events) if (e.body) texts.set(`${c.id}/${e.id}`, { body: e.body, lang: c.language ?? '?' });
	}
	return manifest.questions.flatMap((q) => {
		const t = texts.get(`${q.conversation_id}/${q.event_id}`);
		return t ? [{ text: t.body, topic: q.topic, lang: t.lang }] : [];
	});
}

export async function runGapsBench(ctx: BenchContext) {
	const publicSets = await scoreLabelledSets(process.env.SUPPORTLENS_INTENT_SETS, (l) => ctx.log(`gaps: ${l}`));
	ctx.log('gaps: KB-removal test…');
	const kbRemoval = await scoreKbRemoval(process.env.SUPPORTLENS_KBGAP_SET, ctx.tmpDir);
	if (!('skipped' in kbRemoval))
		Object.assign(kbRemoval, { lexical_only: await scoreKbRemoval(process.env.SUPPORTLENS_KBGAP_SET, ctx.tmpDir, 'lexical') });
	// The sample's questions are in four languages: `auto` keeps the lexical embedder for them.
	ctx.log('gaps: the committed sample…');
	const sample = await scoreSampleGaps('data/samples', ctx.tmpDir);
	const questions = await labelledQuestions(ctx);
	ctx.log(`gaps: ${questions.length} labelled questions from the generator`);
	const quality: Record<string, unknown> = {};
	for (const choice of ['lexical', 'transformers'] as const) {
		try {
			const { embedder, message } = await createEmbedder({
				choice,
				corpus: questions.map((q) => q.text),
				transformers: { loadTimeoutMs: 20_000 }
			});
			ctx.log(`gaps: ${message}`);
			const started = performance.now();
			const r = await clusterTexts(
				questions.map((q) => q.text),
				embedder
			);
			await embedder.dispose?.();
			const predicted = Array.from(r.labels);
			quality[choice] = {
				model: embedder.model.split(':').slice(0, 2).join(':'),
				questions: questions.length,
				clusters: r.sizes.length,
				outlier_share: Math.round((predicted.filter((l) => l < 0).length / predicted.length) * 1000) / 1000,
				nmi_topic:
					Math.round(
						normalizedMutualInformation(
							questions.map((q) => q.topic),
							predicted
						) * 1000
					) / 1000,
				ari_topic:
					Math.round(
						adjustedRandIndex(
							questions.map((q) => q.topic),
							predicted
						) * 1000
					) / 1000,
				// The lexical embedder cannot match across languages: topic × language is its fair target.
				nmi_topic_language:
					Math.round(
						normalizedMutualInformation(
							questions.map((q) => `${q.topic}/${q.lang}`),
							predicted
						) * 1000
					) / 1000,
				ari_topic_language:
					Math.round(
						adjustedRandIndex(
							questions.map((q) => `${q.topic}/${q.lang}`),
							predicted
						) * 1000
					) / 1000,
				seconds: Math.round((performance.now() - started) / 100) / 10
			};
		} catch (error) {
			quality[choice] = { skipped: error instanceof Error ? error.message : String(error) };
		}
	}

	// The `cluster` command on short English intents (Banking77/CLINC150-style), lexical embedder.
	quality.intent_set_lexical = await scoreClustering(intentEvalSet().map((u) => ({ text: u.text, label: u.intent })));

	const sizes = ctx.quick ? [2_000, 10_000] : [10_000, 100_000];
	const mining: Record<string, unknown> = {};
	let base: { seconds: number } | undefined;
	for (const n of sizes) {
		const db = path.join(ctx.tmpDir, `gaps-${n}.duckdb`);
		const rows = await withWarehouse(db, (w) => buildGapsBenchWarehouse(w.db, n, ctx.tmpDir));
		// Baseline: embedding the same texts with the lexical embedder alone, in this process.
		const t0 = performance.now();
		const lexical = LexicalEmbedder.fit(rows.map((r) => r.text));
		await lexical.embed(rows.map((r) => r.text));
		const embedSeconds = (performance.now() - t0) / 1000;
		ctx.log(`gaps: mining ${n.toLocaleString('en')} questions…`);
		const figures = await measureChild<{ seconds: number; peak_rss_mb: number; questions: number; clusters: number; outliers: number }>(
			path.resolve('pipelines/bench/gapsWorker.ts'),
			[db],
			(line) => ctx.log(`gaps ${n}: ${line}`)
		);
		base ??= figures;
		mining[`lexical_${n}`] = {
			...figures,
			questions_per_second: Math.round(figures.questions / figures.seconds),
			embed_only_seconds: Math.round(embedSeconds * 10) / 10,
			mine_vs_embed_only: Math.round((figures.seconds / Math.max(embedSeconds, 0.001)) * 10) / 10,
			time_vs_smallest: Math.round((figures.seconds / base.seconds) * 10) / 10,
			size_vs_smallest: n / sizes[0]
		};
		if (n === sizes[sizes.length - 1]) {
			// The same questions through the English word vectors (what `auto` picks offline for English):
			// their load and the wider vectors, at the largest size.
			ctx.log(`gaps: mining ${n.toLocaleString('en')} questions with the word vectors…`);
			const wv = await measureChild<{ seconds: number; peak_rss_mb: number; questions: number; clusters: number; outliers: number }>(
				path.resolve('pipelines/bench/gapsWorker.ts'),
				[db, 'wordvectors'],
				(line) => ctx.log(`gaps ${n} wordvectors: ${line}`)
			);
			mining[`wordvectors_${n}`] = {
				...wv,
				questions_per_second: Math.round(wv.questions / wv.seconds),
				time_vs_lexical: Math.round((wv.seconds / figures.seconds) * 10) / 10
			};
		}
		fs.rmSync(db, { force: true });
	}
	return { public_intent_sets: publicSets, kb_removal: kbRemoval, committed_sample: sample, clustering_quality: quality, mining };
}
