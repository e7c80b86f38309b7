// Bench worker: mines an existing warehouse with the given embedder (default lexical) in its own
// process, and prints wall time, peak RSS and counts as one JSON line
// (usage: gapsWorker.ts DB_PATH [lexical|wordvectors]).
import { EMBEDDER_CHOICES, mineGaps, type EmbedderChoice } from '../../src/lib/server/gaps';
import { withWarehouse } from '../../src/lib/server/warehouse';

const dbPath = process.argv[2];
const embedder = (process.argv[3] ?? 'lexical') as EmbedderChoice;
if (!EMBEDDER_CHOICES.includes(embedder)) throw new Error(`unknown embedder ${embedder}`);
const started = performance.now();
const summary = await withWarehouse(dbPath, (w) => mineGaps(w.db, { embedder, onProgress: (l) => process.stderr.write(`${l}\n`) }));
const seconds = (performance.now() - started) / 1000;
console.log(
	JSON.stringify({
		seconds: Math.round(seconds * 10) / 10,
		peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
		questions: summary.questions,
		clusters: summary.clusters,
		outliers: summary.outliers
	})
);
