// Zendesk's legacy ticket export (`GET /api/v2/exports/tickets`): flat rows with string
// numbers, local times like `2012-09-07 09:42:13 -0800`, capitalised statuses and a
// `field_headers` map. Each row becomes the API's ticket and metric-set shapes, so the rest of
// the adapter reads it like any ticket without audits.
import { idText, numberValue, vendorTime } from '../shared/vendorValues';

/** `via` as the legacy export spells it → the API's `via.channel`. */
const VIA: Record<string, string> = {
	'web service': 'api',
	'web form': 'web',
	mail: 'email',
	email: 'email',
	chat: 'chat',
	'phone call': 'voice',
	voicemail: 'voice',
	voice: 'voice',
	twitter: 'twitter',
	facebook: 'facebook',
	sms: 'sms',
	'mobile sdk': 'mobile_sdk'
};

const SATISFACTION: Record<string, string> = { good: 'good', bad: 'bad', 'good with comment': 'good', 'bad with comment': 'bad' };

export function isLegacyExportRow(value: Record<string, unknown>): boolean {
	return 'generated_timestamp' in value && ('req_id' in value || 'field_headers' in value || 'status' in value);
}

const dash = (v: unknown) => (typeof v === 'string' && v.trim() !== '' && v.trim() !== '-' ? v.trim() : undefined);
const time = (v: unknown) => vendorTime(v) ?? (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** One legacy row → `{ ticket, metricSet }` in the API's shapes (times normalised to ISO). */
export function legacyExportRow(
	row: Record<string, unknown>,
	fieldTitles: Record<string, string>
): { ticket: Record<string, unknown>; metricSet: Record<string, unknown> } {
	const id = idText(row.id);
	const status = dash(row.status)?.toLowerCase();
	const satisfaction = SATISFACTION[dash(row.satisfaction_score)?.toLowerCase() ?? ''];
	const customFields = Object.entries(row)
		.filter(([k]) => k.startsWith('field_') && fieldTitles[k])
		.map(([k, v]) => ({ id: k.slice('field_'.length), value: v }));
	const ticket: Record<string, unknown> = {
		id,
		created_at: time(row.created_at),
		updated_at: time(row.updated_at),
		subject: dash(row.subject),
		status,
		priority: dash(row.priority)?.toLowerCase(),
		tags: dash(row.current_tags)?.split(/\s+/),
		requester_id: idText(row.req_id),
		assignee_id: idText(row.assignee_id),
		group_id: idText(row.group_id),
		via: { channel: VIA[dash(row.via)?.toLowerCase() ?? ''] ?? dash(row.via)?.toLowerCase().replace(/\s+/g, '_') },
		custom_fields: customFields,
		...(satisfaction ? { satisfaction_rating: { score: satisfaction } } : {})
	};
	const reply = numberValue(row.first_reply_time_in_minutes);
	const metricSet: Record<string, unknown> = {
		ticket_id: id,
		solved_at: time(row.solved_at) ?? null,
		initially_assigned_at: time(row.initially_assigned_at) ?? null,
		assigned_at: time(row.assigned_at) ?? null,
		reply_time_in_minutes: { calendar: reply ?? null }
	};
	return { ticket, metricSet };
}
