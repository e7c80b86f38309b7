// `gaps`: mines the warehouse's unanswered questions into the gap list and stores it.
import { UsageError } from '../../src/lib/server/errors';
import { EMBEDDER_CHOICES, gapMembers, listGaps, mineGaps, rerouteFlows, type EmbedderChoice } from '../../src/lib/server/gaps';
import { resolveDbPath, withWarehouse } from '../../src/lib/server/warehouse';
import { parseFlags, type Command } from '../command';

const usage = 'gaps [--db PATH] [--embedder auto|transformers|wordvectors|lexical] [--json [--members]]';

export function embedderFlag(value: string | undefined): EmbedderChoice {
	const choice = (value ?? 'auto') as EmbedderChoice;
	if (!EMBEDDER_CHOICES.includes(choice)) throw new UsageError(`unknown --embedder "${value}"; use ${EMBEDDER_CHOICES.join(', ')}`);
	return choice;
}

export const gapsCommand: Command = {
	name: 'gaps',
	summary: 'mine unanswered questions into the knowledge-gap list (clusters, KB coverage, impact)',
	usage,
	async run(argv) {
		const { values } = parseFlags(
			argv,
			{ db: { type: 'string' }, embedder: { type: 'string' }, json: { type: 'boolean' }, members: { type: 'boolean' } },
			usage
		);
		if (values.members && !values.json) throw new UsageError(`--members needs --json\nusage: ${usage}`);
		const embedder = embedderFlag(values.embedder);
		const log = (line: string) => process.stderr.write(`${line}\n`);
		const { summary, gaps, reroutes } = await withWarehouse(
			resolveDbPath(values.db),
			async (w) => {
				const summary = await mineGaps(w.db, { embedder, onProgress: log });
				const listed = await listGaps(w.db);
				// --members: every question of every gap (source, conversation, event), not only the examples.
				const members = values.members ? await gapMembers(w.db) : null;
				const gaps = members
					? listed.map((g) => ({
							...g,
							members: (members.get(g.id) ?? []).map(({ source, conversation_id, event_id }) => ({ source, conversation_id, event_id }))
						}))
					: listed;
				return { summary, gaps, reroutes: await rerouteFlows(w.db) };
			},
			{ mustExist: true }
		);
		if (values.json) {
			console.log(JSON.stringify({ run: summary, gaps, reroutes }));
			return 0;
		}
		console.log(summary.message);
		console.log(
			`${summary.questions.toLocaleString('en')} unanswered questions → ${summary.clusters} gaps (${summary.coverage.missing} missing, ${summary.coverage.weak} weak, ${summary.coverage.covered} covered), ${summary.outliers} outliers; ${summary.embedded.toLocaleString('en')} texts embedded, the rest from the cache`
		);
		console.log('\n  id  impact  questions  coverage  status       title');
		for (const g of gaps.slice(0, 20)) {
			console.log(
				`${String(g.id).padStart(4)}  ${g.impact.toFixed(1).padStart(6)}  ${String(g.size).padStart(9)}  ${g.coverage.padEnd(8)}  ${g.status.padEnd(11)}  ${g.title.slice(0, 70)}`
			);
		}
		if (gaps.length > 20) console.log(`  … ${gaps.length - 20} more: --json for all, or the dashboard's Gaps page`);
		return 0;
	}
};
