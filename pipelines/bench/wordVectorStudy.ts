// How much of the word-vector embedder's weight the word vectors should get, and how steady the
// result is: per labelled set, per weight (0 = LSA alone) and per seed of the LSA fit, the
// clusters found against the true number, NMI and ARI, through the `cluster` command's path
// (clusterTexts with its defaults). docs/gap-miner.md reports what it printed.
// Usage: tsx pipelines/bench/wordVectorStudy.ts [--sets DIR] [--weights 0,0.2,0.3] [--seeds 17,1,2,3]
import { clusterTexts } from '../../src/lib/server/gaps';
import { adjustedRandIndex, normalizedMutualInformation } from '../../src/lib/server/gaps/clusterQuality';
import { loadWordVectors } from '../../src/lib/server/gaps/embedders/loadWordVectors';
import { WordVectorEmbedder } from '../../src/lib/server/gaps/embedders/WordVectorEmbedder';
import { contentTokens } from '../../src/lib/server/gaps/tokenize';
import { readLabelledSets } from './clusterEval';

const round = (x: number) => Math.round(x * 1000) / 1000;
const flag = (name: string, fallback: string) => {
	const at = process.argv.indexOf(`--${name}`);
	return at > 0 ? process.argv[at + 1] : fallback;
};

async function main() {
	const dir = flag('sets', process.env.SUPPORTLENS_INTENT_SETS ?? '');
	if (!dir) throw new Error('give the labelled sets with --sets DIR or SUPPORTLENS_INTENT_SETS');
	const weights = flag('weights', '0,0.1,0.2,0.3,0.4').split(',').map(Number);
	const seeds = flag('seeds', '17,1,2,3').split(',').map(Number);
	const sets = readLabelledSets(dir);
	// One read of the vector file for every set's words.
	const words = new Set(Object.values(sets).flatMap((set) => set.flatMap((s) => contentTokens(s.text))));
	const table = loadWordVectors(words);
	for (const [name, set] of Object.entries(sets)) {
		const texts = set.map((s) => s.text);
		const truth = set.map((s) => s.label);
		const trueK = new Set(truth).size;
		const rows: Record<string, number>[] = [];
		for (const weight of weights) {
			for (const seed of seeds) {
				const embedder = WordVectorEmbedder.fit(texts, { wordVectorWeight: weight, lexical: { seed }, load: () => table });
				const r = await clusterTexts(texts, embedder);
				const predicted = Array.from(r.labels);
				rows.push({
					weight,
					seed,
					clusters: r.sizes.length,
					k_ratio: round(r.sizes.length / trueK),
					nmi: round(normalizedMutualInformation(truth, predicted)),
					ari: round(adjustedRandIndex(truth, predicted)),
					outlier_share: round(predicted.filter((l) => l < 0).length / predicted.length)
				});
			}
		}
		console.log(`${name}: ${texts.length} texts, true k ${trueK}`);
		console.table(rows);
	}
}

if (process.argv[1]?.endsWith('wordVectorStudy.ts')) await main();
