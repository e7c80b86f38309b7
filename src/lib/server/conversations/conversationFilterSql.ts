// A ConversationFilter as one WHERE clause over conversation_facts (alias-free column names)
// with its bound parameters: the list, its count, the API and every export use this one.
import { factsFilter } from '../kpi/factsFilter';
import { resolveKpiSettings, settingsParams, type KpiSettings } from '../kpi/kpiSettings';
import { QUEUE_MOVES_SQL } from '../gaps/findReroutes';
import type { ConversationFilter } from './parseConversationFilter';

export interface FilterSql {
	/** `WHERE …` or ''. */
	where: string;
	params: Record<string, string | number>;
}

export function conversationFilterSql(filter: ConversationFilter, settings: Partial<KpiSettings> = {}): FilterSql {
	const params: Record<string, string | number> = settingsParams(resolveKpiSettings(settings));
	const conditions = factsFilter(filter.query, params);
	if (filter.drill) conditions.push(`(${filter.drill.where})`);
	if (filter.moved) {
		conditions.push(
			`(source, id) IN (SELECT source, conversation_id FROM (${QUEUE_MOVES_SQL}) WHERE from_queue = $moved_from AND to_queue = $moved_to)`
		);
		params.moved_from = filter.moved.from;
		params.moved_to = filter.moved.to;
	}
	if (filter.q) {
		conditions.push(`(source, id) IN (SELECT source, id FROM conversations WHERE id ILIKE $q ESCAPE '\\' OR subject ILIKE $q ESCAPE '\\')`);
		params.q = `%${filter.q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
	}
	return { where: conditions.length ? `WHERE ${conditions.join(' AND ')}` : '', params };
}
