// Agreement between a grader's verdicts and a reference (human reviewers, or planted labels):
// raw agreement, Cohen's kappa, and precision/recall with "bad" as the positive class (what a
// QA grader exists to catch).
import type { AgreementStats } from '../../grading/types';

export type { AgreementStats };

export type Label = 'good' | 'bad';

const round = (x: number) => Math.round(x * 10000) / 10000;

export function agreementStats(pairs: Iterable<{ grader: Label; reference: Label }>): AgreementStats {
	const c = { tp: 0, fp: 0, fn: 0, tn: 0 };
	for (const { grader, reference } of pairs) {
		if (grader === 'bad' && reference === 'bad') c.tp++;
		else if (grader === 'bad') c.fp++;
		else if (reference === 'bad') c.fn++;
		else c.tn++;
	}
	const n = c.tp + c.fp + c.fn + c.tn;
	if (n === 0) return { n, agreement: null, kappa: null, precision: null, recall: null, confusion: c };
	const observed = (c.tp + c.tn) / n;
	// Chance agreement from each side's marginal rates.
	const graderBad = (c.tp + c.fp) / n;
	const referenceBad = (c.tp + c.fn) / n;
	const expected = graderBad * referenceBad + (1 - graderBad) * (1 - referenceBad);
	const kappa = expected === 1 ? (observed === 1 ? 1 : 0) : (observed - expected) / (1 - expected);
	return {
		n,
		agreement: round(observed),
		kappa: round(kappa),
		precision: c.tp + c.fp === 0 ? null : round(c.tp / (c.tp + c.fp)),
		recall: c.tp + c.fn === 0 ? null : round(c.tp / (c.tp + c.fn)),
		confusion: c
	};
}
