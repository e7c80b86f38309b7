// Splits one parsed Zendesk JSON value (an export page, a show endpoint's object, a legacy
// export page, a bare record, a sync tool's stream record, or an array of these) into items
// that say what they hold.
import type { RecordLocation } from '../../types';
import { isLegacyExportRow } from './legacyTicketExport';
import { isObject } from './readJsonRecords';

export type ZendeskItemKind =
	| 'ticket'
	| 'audit'
	| 'metric_set'
	| 'user'
	| 'group'
	| 'ticket_field'
	| 'rating'
	| 'article'
	| 'legacy'
	| 'request'
	| 'comment'
	| 'ignored'
	| 'unknown';

/** Export page keys → what each array holds (plural: list endpoints; singular: show endpoints). */
const PAGE_KEYS: Record<string, ZendeskItemKind> = {
	tickets: 'ticket',
	ticket: 'ticket',
	audits: 'audit',
	audit: 'audit',
	metric_sets: 'metric_set',
	ticket_metrics: 'metric_set',
	ticket_metric: 'metric_set',
	users: 'user',
	user: 'user',
	groups: 'group',
	group: 'group',
	ticket_fields: 'ticket_field',
	ticket_field: 'ticket_field',
	satisfaction_ratings: 'rating',
	satisfaction_rating: 'rating',
	articles: 'article',
	article: 'article',
	translations: 'article',
	translation: 'article',
	requests: 'request',
	request: 'request'
};

/** Airbyte/Singer stream → object kind; other streams (organizations, brands, …) have no canonical meaning. */
const STREAMS: Record<string, ZendeskItemKind> = {
	tickets: 'ticket',
	ticket_audits: 'audit',
	ticket_metrics: 'metric_set',
	satisfaction_ratings: 'rating',
	users: 'user',
	groups: 'group',
	ticket_fields: 'ticket_field',
	articles: 'article',
	article_translations: 'article',
	ticket_comments: 'comment'
};

function kindOf(value: Record<string, unknown>): ZendeskItemKind {
	if ('ticket_id' in value && Array.isArray(value.events)) return 'audit';
	if ('ticket_id' in value && ('reopens' in value || 'replies' in value || 'solved_at' in value)) return 'metric_set';
	if ('requester_id' in value || 'via' in value || ('subject' in value && 'status' in value)) return 'ticket';
	return 'unknown';
}

function isPage(value: Record<string, unknown>): boolean {
	return Object.keys(value).some((k) => k in PAGE_KEYS && (Array.isArray(value[k]) || (isObject(value[k]) && !k.endsWith('s'))));
}

export function* explodeZendeskJson(
	value: unknown,
	location: RecordLocation,
	stream?: string
): Generator<{ kind: ZendeskItemKind; value: unknown; location: RecordLocation }> {
	if (stream !== undefined) {
		yield { kind: STREAMS[stream] ?? 'ignored', value, location };
		return;
	}
	if (Array.isArray(value)) {
		for (let i = 0; i < value.length; i++) yield* explodeZendeskJson(value[i], { ...location, record: `[${i}]` });
		return;
	}
	if (!isObject(value)) {
		yield { kind: 'unknown', value, location };
		return;
	}
	if (Array.isArray(value.results) && (isObject(value.field_headers) || value.results.some((r) => isObject(r) && isLegacyExportRow(r)))) {
		// The legacy exports/tickets page: {"results": […], "field_headers": {…}, …}
		const headers = isObject(value.field_headers) ? value.field_headers : {};
		for (let i = 0; i < value.results.length; i++) {
			yield { kind: 'legacy', value: { row: value.results[i], headers }, location: { ...location, record: `results[${i}]` } };
		}
		return;
	}
	if (isLegacyExportRow(value)) {
		yield { kind: 'legacy', value: { row: value, headers: {} }, location };
		return;
	}
	if (isPage(value)) {
		for (const [key, kind] of Object.entries(PAGE_KEYS)) {
			const held = value[key];
			if (Array.isArray(held)) {
				for (let i = 0; i < held.length; i++) yield { kind, value: held[i], location: { ...location, record: `${key}[${i}]` } };
			} else if (isObject(held) && !key.endsWith('s')) {
				yield { kind, value: held, location: { ...location, record: key } };
			}
		}
		return;
	}
	yield { kind: kindOf(value), value, location };
}
