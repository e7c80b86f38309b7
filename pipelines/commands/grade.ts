// `grade`: grades AI drafts, AI replies and hand-offs not graded yet (rules by default, or an
// OpenAI-compatible LLM), stores the grades and fills the qualified hand-off counts.
import { UsageError } from '../../src/lib/server/errors';
import { createGrader } from '../../src/lib/server/grading/createGrader';
import { runGrading, type GradingProgress, type GradingRunResult } from '../../src/lib/server/grading/runGrading';
import { resolveDbPath, withWarehouse } from '../../src/lib/server/warehouse';
import { intFlag, parseFlags, type Command } from '../command';
import { GRADER_FLAGS, graderFlag } from './sharedFlags';
import { progressReporter } from '../progressReporter';

const usage = 'grade [--db PATH] [--grader rules|llm] [--since YYYY-MM-DD] [--limit N] [--concurrency N] [--budget USD] [--json]';

export function describeGradingProgress(p: GradingProgress): string {
	const seconds = Math.max(0.001, (Date.now() - p.startedAt) / 1000);
	const rate = p.done / seconds;
	const eta = rate > 0 ? Math.round((p.total - p.done) / rate) : undefined;
	return `graded ${p.done.toLocaleString('en')}/${p.total.toLocaleString('en')} · ${rate.toFixed(1)}/s${eta !== undefined ? ` · ETA ${eta}s` : ''}${p.errors ? ` · ${p.errors} errors` : ''}`;
}

function summary(r: GradingRunResult, grader: string): string {
	const lines = [`graded ${r.graded}, cached ${r.cached}, errors ${r.errors} (grader ${grader}, run #${r.runId})`];
	if (r.remaining > 0)
		lines.push(`  ${r.remaining} item(s) left for a later run${r.stoppedByBudget ? ' (stopped by --budget)' : ' (--limit)'}`);
	if (r.tally)
		lines.push(
			`  ${r.tally.requests} requests, ${r.tally.promptTokens} prompt + ${r.tally.completionTokens} completion tokens, est. $${r.tally.costUsd.toFixed(4)}`
		);
	lines.push(`  qualified hand-off counts filled for ${r.qualifiedConversations} conversation(s)`);
	return lines.join('\n');
}

export const gradeCommand: Command = {
	name: 'grade',
	summary: 'grade AI drafts, replies and hand-offs not graded yet, and store the grades',
	usage,
	async run(argv) {
		const { values } = parseFlags(
			argv,
			{
				...GRADER_FLAGS,
				since: { type: 'string' },
				limit: { type: 'string' },
				concurrency: { type: 'string' },
				budget: { type: 'string' },
				json: { type: 'boolean' }
			},
			usage
		);
		const graderName = graderFlag(values.grader);
		if (
			values.since !== undefined &&
			(!/^\d{4}-\d{2}-\d{2}$/.test(values.since) || Number.isNaN(Date.parse(`${values.since}T00:00:00Z`)))
		) {
			throw new UsageError(`--since must be a day YYYY-MM-DD, got "${values.since}"`);
		}
		let budgetUsd: number | undefined;
		if (values.budget !== undefined) {
			budgetUsd = Number(values.budget);
			if (!/^\d+(\.\d+)?$/.test(values.budget) || !Number.isFinite(budgetUsd))
				throw new UsageError(`--budget must be an amount in USD such as 0.50, got "${values.budget}"`);
		}
		const limit = values.limit === undefined ? undefined : intFlag('limit', values.limit, 0);
		const concurrency = intFlag('concurrency', values.concurrency, graderName === 'llm' ? 4 : 1);
		if (concurrency < 1) throw new UsageError('--concurrency must be at least 1');
		const grader = createGrader(graderName, { budgetUsd });
		let latest: GradingProgress | undefined;
		const progress = progressReporter(() => (latest ? describeGradingProgress(latest) : 'grading…'));
		const result = await withWarehouse(
			resolveDbPath(values.db),
			(warehouse) =>
				runGrading(warehouse, grader, {
					since: values.since,
					limit,
					concurrency,
					onProgress: (p) => {
						latest = p;
						progress.update(p.done === 1);
					}
				}),
			{ mustExist: true }
		);
		if (latest) progress.done();
		if (values.json) {
			console.log(JSON.stringify({ graded: result.graded, cached: result.cached, errors: result.errors, items: result.items }));
		} else console.log(summary(result, graderName));
		return 0;
	}
};
