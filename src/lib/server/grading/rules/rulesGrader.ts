// The `rules` grader: deterministic, offline, the default.
import type { Grader } from '../Grader';
import type { Criteria } from '../gradeSchema';
import type { GradingItem } from '../GradingItem';
import { gradeDraftByRules } from './gradeDraftByRules';
import { gradeHandoffByRules } from './gradeHandoffByRules';

export function gradeByRules(item: GradingItem): Criteria {
	return item.kind === 'handoff' ? gradeHandoffByRules(item) : gradeDraftByRules(item);
}

export const rulesGrader: Grader = {
	name: 'rules',
	model: null,
	async grade(item) {
		return { criteria: gradeByRules(item) };
	}
};
