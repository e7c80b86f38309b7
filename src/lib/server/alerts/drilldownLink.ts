// The dashboard link that lists the conversations behind an alert: the conversation list
// filtered by the KPI's condition, the ISO week and the alert's breakdown value.
import { conversationListHref, NONE_VALUE } from '../../drilldown/conversationListHref';
import type { KpiKey } from '../kpi';
import type { AlertScope } from '../../alerts/types';

/**
 * e.g. /conversations?kpi=reopen_rate&cond=numerator&week=2026-W42&channel=chat: rates list
 * their numerator (the reopened, the escalated, the contained…), counts what they count and
 * times the conversations they were measured on. An unknown breakdown value is "(none)".
 */
export function drilldownLink(kpi: KpiKey, week: string, scope: AlertScope): string {
	return conversationListHref({ kpi, week, ...(scope.dimension === 'all' ? {} : { [scope.dimension]: scope.value ?? NONE_VALUE }) });
}
