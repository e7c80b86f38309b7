// `generate`: writes a seeded sample (canonical, Zendesk, Intercom and CSV files, a KB and a
// manifest of planted truths) to a folder, with progress on stderr.
import { UsageError } from '../../src/lib/server/errors';
import { intFlag, parseFlags, type Command } from '../command';
import { GENERATE_DEFAULTS, generateSample } from '../generate/generateSample';
import { progressReporter } from '../progressReporter';

const usage = 'generate --out DIR [--conversations N] [--weeks N] [--seed N]';

function describe(written: number, total: number, startedAt: number): string {
	const seconds = Math.max(0.001, (Date.now() - startedAt) / 1000);
	const rate = written / seconds;
	const eta = rate > 0 ? Math.round((total - written) / rate) : 0;
	const pct = total ? ((100 * written) / total).toFixed(1) : '100.0';
	return `generated ${written.toLocaleString('en')} / ${total.toLocaleString('en')} conversations (${pct}%) · ${Math.round(rate).toLocaleString('en')}/s · ETA ${eta}s`;
}

export const generateCommand: Command = {
	name: 'generate',
	summary: 'write a seeded, realistic sample (all formats + manifest of planted truths)',
	usage,
	async run(argv) {
		const { values } = parseFlags(
			argv,
			{ out: { type: 'string' }, conversations: { type: 'string' }, weeks: { type: 'string' }, seed: { type: 'string' } },
			usage
		);
		if (!values.out) throw new UsageError(`--out DIR is required\nusage: ${usage}`);
		const conversations = intFlag('conversations', values.conversations, GENERATE_DEFAULTS.conversations);
		const weeks = intFlag('weeks', values.weeks, GENERATE_DEFAULTS.weeks);
		const seed = intFlag('seed', values.seed, GENERATE_DEFAULTS.seed);
		if (conversations < 1) throw new UsageError('--conversations must be at least 1');
		if (weeks < 1 || weeks > 520) throw new UsageError('--weeks must be between 1 and 520');
		const startedAt = Date.now();
		let written = 0;
		const progress = progressReporter(() => describe(written, conversations, startedAt));
		const result = await generateSample({
			out: values.out,
			conversations,
			weeks,
			seed,
			onProgress: (n) => {
				written = n;
				progress.update();
			}
		});
		progress.done();
		const sources = Object.entries(result.bySource)
			.map(([s, n]) => `${s} ${n}`)
			.join(', ');
		console.log(
			`wrote ${result.conversations} conversations (${sources}), ${result.events} events, ${result.kbArticles} KB articles to ${result.outDir}`
		);
		console.log(`files: ${result.files.join(', ')}`);
		return 0;
	}
};
