// `agreement`: how often a grader's draft verdicts match what human reviewers did with the
// same drafts (and, with --manifest, the generator's planted labels): agreement, Cohen's
// kappa, precision and recall, "bad" being the positive class.
import { UsageError } from '../../src/lib/server/errors';
import { computeAgreement, DEFAULT_EDIT_THRESHOLD, type AgreementReport } from '../../src/lib/server/grading/computeAgreement';
import { resolveDbPath, withWarehouse } from '../../src/lib/server/warehouse';
import { parseFlags, type Command } from '../command';
import { GRADER_FLAGS, graderFlag } from './sharedFlags';

const usage = 'agreement [--db PATH] [--grader rules|llm] [--edit-threshold 0..1] [--pass-score 0..100] [--manifest PATH] [--json]';

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)}%`);

function describe(r: AgreementReport): string {
	const lines = [
		`${r.grader} grader vs human review of ${r.n} drafts (bad = edited ≥ ${r.edit_threshold} or rejected; a grade is good when ${r.pass_rule})`,
		`  agreement ${pct(r.agreement)} · kappa ${r.kappa ?? '–'} · precision ${pct(r.precision)} · recall ${pct(r.recall)} (positive: bad)`,
		`  left out: ${r.skipped.escalated} escalated, ${r.skipped.ungraded} not graded by ${r.grader}`
	];
	if (r.planted) {
		for (const kind of ['drafts', 'handoffs'] as const) {
			const s = r.planted[kind];
			lines.push(
				`  planted ${kind} (${s.n}): agreement ${pct(s.agreement)} · kappa ${s.kappa ?? '–'} · precision ${pct(s.precision)} · recall ${pct(s.recall)}`
			);
		}
	}
	return lines.join('\n');
}

function numberFlag(name: string, value: string | undefined, min: number, max: number): number | undefined {
	if (value === undefined) return undefined;
	const n = Number(value);
	if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max)
		throw new UsageError(`--${name} must be a number from ${min} to ${max}, got "${value}"`);
	return n;
}

export const agreementCommand: Command = {
	name: 'agreement',
	summary: "compare a grader's draft verdicts with human reviews: agreement, Cohen's kappa, precision, recall",
	usage,
	async run(argv) {
		const { values } = parseFlags(
			argv,
			{
				...GRADER_FLAGS,
				'edit-threshold': { type: 'string' },
				'pass-score': { type: 'string' },
				manifest: { type: 'string' },
				json: { type: 'boolean' }
			},
			usage
		);
		const grader = graderFlag(values.grader);
		const editThreshold = numberFlag('edit-threshold', values['edit-threshold'], 0, 1) ?? DEFAULT_EDIT_THRESHOLD;
		const passScore = numberFlag('pass-score', values['pass-score'], 0, 100);
		const report = await withWarehouse(
			resolveDbPath(values.db),
			(w) => computeAgreement(w.db, { grader, editThreshold, passScore }, values.manifest),
			{ mustExist: true }
		);
		console.log(values.json ? JSON.stringify(report) : describe(report));
	}
};
