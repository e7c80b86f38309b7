// Scores the `cluster` command's code path (lexical embedder fitted on the input, clusterTexts
// with its defaults) on two labelled English sets: the Banking77/CLINC150-style intent set and
// the generator's English questions (data/samples). Prints NMI, ARI, cluster count, outliers.
// Usage: tsx pipelines/bench/clusterEval.ts [--time N]   (N: also time N inputs end to end);
// `npm run bench` records the intent-set score in its gaps section.
import fs from 'node:fs';
import path from 'node:path';
import { clusterTexts, createEmbedder } from '../../src/lib/server/gaps';
import { adjustedRandIndex, normalizedMutualInformation } from '../../src/lib/server/gaps/clusterQuality';
import { intentEvalSet } from './intentEvalSet';

type Labelled = { text: string; label: string };

/** The generator's English questions in data/samples (canonical format), labelled by planted topic. */
export function generatorQuestions(dir = 'data/samples'): Labelled[] {
	const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { questions: { conversation_id: string; event_id: string; topic: string }[] };
	const texts = new Map<string, string>();
	for (const line of fs.readFileSync(path.join(dir, 'canonical/conversations.jsonl'), 'utf8').split('\n')) {
		if (!line) continue;
		const c = JSON.parse(line) as { id: string; language?: string; events: { id: string; body?: string }[] };
		if (c.language !== 'en') continue;
		for (const e of c.events) if (e.body) texts.set(`${c.id}/${e.id}`, e.body);
	}
	return manifest.questions.flatMap((q) => {
		const text = texts.get(`${q.conversation_id}/${q.event_id}`);
		return text ? [{ text, label: q.topic }] : [];
	});
}

export async function scoreClustering(set: Labelled[]) {
	const texts = set.map((s) => s.text);
	const started = performance.now();
	const { embedder } = await createEmbedder({ choice: 'lexical', corpus: texts });
	const r = await clusterTexts(texts, embedder);
	const predicted = Array.from(r.labels);
	const round = (x: number) => Math.round(x * 1000) / 1000;
	return {
		texts: texts.length,
		true_labels: new Set(set.map((s) => s.label)).size,
		clusters: r.sizes.length,
		outlier_share: round(predicted.filter((l) => l < 0).length / predicted.length),
		nmi: round(normalizedMutualInformation(set.map((s) => s.label), predicted)),
		ari: round(adjustedRandIndex(set.map((s) => s.label), predicted)),
		seconds: round((performance.now() - started) / 1000)
	};
}

async function main() {
	const intents = intentEvalSet().map((u) => ({ text: u.text, label: u.intent }));
	console.log('intent set', JSON.stringify(await scoreClustering(intents)));
	console.log('generator en', JSON.stringify(await scoreClustering(generatorQuestions())));
	const t = process.argv.indexOf('--time');
	if (t > 0) {
		const n = Number(process.argv[t + 1] ?? 20000);
		const base = intentEvalSet({ perIntent: 400, seed: 5 }).map((u) => ({ text: u.text, label: u.intent }));
		const big = Array.from({ length: n }, (_, i) => ({ text: base[i % base.length].text + (i >= base.length ? ` #${Math.floor(i / base.length)}` : ''), label: base[i % base.length].label }));
		console.log(`${n} inputs`, JSON.stringify(await scoreClustering(big)));
	}
}

if (process.argv[1]?.endsWith('clusterEval.ts')) await main();
