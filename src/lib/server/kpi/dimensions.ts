// The dimensions every KPI can be broken down and filtered by, and the conversation_facts
// expression behind each: the only identifiers a KPI query ever splices into SQL.
export const DIMENSIONS = ['week', 'channel', 'queue', 'language', 'intent', 'tier'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Group / filter expression per dimension. Weeks are shown as their Monday, YYYY-MM-DD. */
export const DIMENSION_SQL: Record<Dimension, string> = {
	week: "strftime(week, '%Y-%m-%d')",
	channel: 'channel',
	queue: 'queue',
	language: 'language',
	intent: 'intent',
	tier: 'tier'
};

/** The filter value that matches conversations where a dimension is unknown (e.g. never assigned a queue). */
export { NONE_VALUE as NO_VALUE } from '../../drilldown/conversationListHref';

export function isDimension(value: string): value is Dimension {
	return (DIMENSIONS as readonly string[]).includes(value);
}
