// The dashboard link that lists the conversations behind an alert: the conversation list
// filtered by the KPI's condition, the ISO week and the alert's breakdown value.
import { KPI_DEFINITIONS, type KpiKey } from '../kpi';
import type { AlertScope } from './alertTypes';

const KIND = new Map(KPI_DEFINITIONS.map((d) => [d.key, d.kind]));

/**
 * A path with its query, e.g. /conversations?kpi=reopen_rate&cond=numerator&week=2026-W42&channel=chat.
 * Rates list their numerator (the reopened, the escalated, the contained…); counts and times
 * list the week's conversations in the scope.
 */
export function drilldownLink(kpi: KpiKey, week: string, scope: AlertScope): string {
	const q = new URLSearchParams({ kpi });
	if (KIND.get(kpi) === 'rate' || kpi === 'ai_involved') q.set('cond', 'numerator');
	q.set('week', week);
	if (scope.dimension !== 'all' && scope.value !== null) q.set(scope.dimension, scope.value);
	return `/conversations?${q}`;
}
