// `cluster`: clusters any list of questions ({"id","text"} per line) into {"id","cluster","label"} lines.
import fs from 'node:fs';
import { UsageError } from '../../src/lib/server/errors';
import { clusterTexts, createEmbedder, readClusterInput } from '../../src/lib/server/gaps';
import { detectTextLanguage } from '../../src/lib/server/grading/rules/textFeatures';
import { parseFlags, type Command } from '../command';
import { embedderFlag } from './gaps';

const usage = 'cluster --in FILE.jsonl --out FILE.jsonl [--embedder auto|transformers|wordvectors|lexical]';

export const clusterCommand: Command = {
	name: 'cluster',
	summary: 'cluster a JSON Lines list of questions: {"id","text"} in, {"id","cluster","label"} out (-1 = outlier)',
	usage,
	async run(argv) {
		const { values } = parseFlags(argv, { in: { type: 'string' }, out: { type: 'string' }, embedder: { type: 'string' } }, usage);
		if (!values.in || !values.out) throw new UsageError(`--in and --out are required\nusage: ${usage}`);
		const choice = embedderFlag(values.embedder);
		const items = readClusterInput(values.in);
		const log = (line: string) => process.stderr.write(`${line}\n`);
		log(`${items.length.toLocaleString('en')} questions read from ${values.in}`);
		const { embedder, message } = await createEmbedder({
			choice,
			corpus: items.map((i) => i.text),
			languages: items.map((i) => detectTextLanguage(i.text))
		});
		log(message);
		let result;
		try {
			result = await clusterTexts(
				items.map((i) => i.text),
				embedder,
				{ onProgress: log }
			);
		} finally {
			await embedder.dispose?.();
		}
		const lines = items.map((item, i) => {
			const c = result.labels[i];
			const label = c >= 0 ? `${result.clusters[c].terms.slice(0, 4).join(', ')}: ${result.clusters[c].title}` : 'outlier';
			return JSON.stringify({ id: item.id, cluster: c, label });
		});
		try {
			fs.writeFileSync(values.out, lines.join('\n') + (lines.length ? '\n' : ''));
		} catch (error) {
			throw new UsageError(`cannot write ${values.out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
		}
		const outliers = result.labels.filter((l) => l < 0).length;
		log(`${result.sizes.length} clusters, ${outliers} outliers → ${values.out}`);
		return 0;
	}
};
