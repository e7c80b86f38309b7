// Scores the `cluster` command's code path (lexical embedder fitted on the input, clusterTexts
// with its defaults) on labelled sets, beside a TF-IDF + LSA + k-means baseline that is given
// the true number of labels: clusters found / true k, NMI, ARI, outlier share, seconds.
// Labelled sets: every `<name>.in.jsonl` ({"id","text"}) with a `<name>.gold.jsonl`
// ({"id","label"}) in a folder (SUPPORTLENS_INTENT_SETS or --sets DIR), plus the synthetic
// Banking77/CLINC150-style set and the generator's English questions (data/samples).
// Usage: tsx pipelines/bench/clusterEval.ts [--sets DIR] [--time N]
import fs from 'node:fs';
import path from 'node:path';
import { kmeans } from 'ml-kmeans';
import { clusterTexts, createEmbedder, type EmbedderChoice } from '../../src/lib/server/gaps';
import { adjustedRandIndex, normalizedMutualInformation } from '../../src/lib/server/gaps/clusterQuality';
import { intentEvalSet } from './intentEvalSet';

type Labelled = { text: string; label: string };
const round = (x: number) => Math.round(x * 1000) / 1000;

/** The generator's English questions in data/samples (canonical format), labelled by planted topic. */
export function generatorQuestions(dir = 'data/samples'): Labelled[] {
	const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as {
		questions: { conversation_id: string; event_id: string; topic: string }[];
	};
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

/** Labelled sets in `dir`: name → items, from `<name>.in.jsonl` and `<name>.gold.jsonl` joined by id. */
export function readLabelledSets(dir: string): Record<string, Labelled[]> {
	const sets: Record<string, Labelled[]> = {};
	for (const file of fs
		.readdirSync(dir)
		.filter((f) => f.endsWith('.in.jsonl'))
		.sort()) {
		const name = file.slice(0, -'.in.jsonl'.length);
		const goldFile = path.join(dir, `${name}.gold.jsonl`);
		if (!fs.existsSync(goldFile)) continue;
		const lines = (f: string) =>
			fs
				.readFileSync(f, 'utf8')
				.split('\n')
				.filter((l) => l.trim())
				.map((l) => JSON.parse(l) as Record<string, string>);
		const gold = new Map(lines(goldFile).map((g) => [String(g.id), String(g.label)]));
		sets[name] = lines(path.join(dir, file)).flatMap((r) =>
			gold.has(String(r.id)) ? [{ text: r.text, label: gold.get(String(r.id))! }] : []
		);
	}
	return sets;
}

export async function scoreClustering(set: Labelled[], options: { baseline?: boolean; choice?: EmbedderChoice } = {}) {
	const texts = set.map((s) => s.text);
	const truth = set.map((s) => s.label);
	const trueK = new Set(truth).size;
	const started = performance.now();
	const { embedder } = await createEmbedder({ choice: options.choice ?? 'lexical', corpus: texts });
	const r = await clusterTexts(texts, embedder);
	const seconds = (performance.now() - started) / 1000;
	const predicted = Array.from(r.labels);
	const figures: Record<string, unknown> = {
		embedder: embedder.kind,
		texts: texts.length,
		true_k: trueK,
		clusters: r.sizes.length,
		k_ratio: round(r.sizes.length / trueK),
		outlier_share: round(predicted.filter((l) => l < 0).length / predicted.length),
		nmi: round(normalizedMutualInformation(truth, predicted)),
		ari: round(adjustedRandIndex(truth, predicted)),
		seconds: round(seconds)
	};
	if (options.baseline) {
		// Baseline: TF-IDF + LSA vectors, k-means given the true k, as scikit-learn runs it by default:
		// ten k-means++ starts, the one with the lowest inertia kept (averaging starts instead
		// understates it: on SNIPS 0.691 NMI against 0.742 for the best start).
		const lsa = embedder.kind === 'lexical' ? embedder : (await createEmbedder({ choice: 'lexical', corpus: texts })).embedder;
		const data = (await lsa.embed(texts)).map((v) => Array.from(v));
		const best = bestOfStarts(data, trueK, 10);
		figures.baseline_kmeans_given_k = {
			nmi: round(normalizedMutualInformation(truth, best)),
			ari: round(adjustedRandIndex(truth, best)),
			starts: 10
		};
	}
	return figures;
}

/** The labels of the k-means run (k-means++ starts seeded 1…starts) with the lowest inertia. */
function bestOfStarts(data: number[][], k: number, starts: number): number[] {
	let best: { labels: number[]; inertia: number } | null = null;
	for (let seed = 1; seed <= starts; seed++) {
		const run = kmeans(data, k, { seed, initialization: 'kmeans++' });
		let inertia = 0;
		data.forEach((x, i) => x.forEach((v, d) => (inertia += (v - run.centroids[run.clusters[i]][d]) ** 2)));
		if (!best || inertia < best.inertia) best = { labels: run.clusters, inertia };
	}
	return best!.labels;
}

/**
 * Every public labelled set in `dir` (with the baseline), or a note when there is none: with the
 * English word vectors (what `auto` uses offline for English) and, beside, the lexical embedder.
 */
export async function scoreLabelledSets(dir: string | undefined, log: (line: string) => void = () => {}) {
	if (!dir || !fs.existsSync(dir))
		return { skipped: 'no labelled sets: set SUPPORTLENS_INTENT_SETS to a folder of <name>.in.jsonl + <name>.gold.jsonl' };
	const out: Record<string, unknown> = {};
	for (const [name, set] of Object.entries(readLabelledSets(dir))) {
		log(`clustering ${name} (${set.length} texts)…`);
		const lexical = await scoreClustering(set);
		out[name] = { ...(await scoreClustering(set, { baseline: true, choice: 'wordvectors' })), lexical_only: lexical };
	}
	return out;
}

async function main() {
	const at = process.argv.indexOf('--sets');
	const dir = at > 0 ? process.argv[at + 1] : process.env.SUPPORTLENS_INTENT_SETS;
	console.log('labelled sets', JSON.stringify(await scoreLabelledSets(dir, (l) => process.stderr.write(`${l}\n`))));
	console.log(
		'synthetic intent set',
		JSON.stringify(await scoreClustering(intentEvalSet().map((u) => ({ text: u.text, label: u.intent }))))
	);
	console.log('generator en', JSON.stringify(await scoreClustering(generatorQuestions())));
	const t = process.argv.indexOf('--time');
	if (t > 0) {
		const n = Number(process.argv[t + 1] ?? 20000);
		const base = intentEvalSet({ perIntent: 400, seed: 5 }).map((u) => ({ text: u.text, label: u.intent }));
		const big = Array.from({ length: n }, (_, i) => ({
			text: base[i % base.length].text + (i >= base.length ? ` #${Math.floor(i / base.length)}` : ''),
			label: base[i % base.length].label
		}));
		console.log(`${n} inputs`, JSON.stringify(await scoreClustering(big)));
	}
}

if (process.argv[1]?.endsWith('clusterEval.ts')) await main();
