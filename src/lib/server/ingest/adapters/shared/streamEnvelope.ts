// Sync tools' record envelopes: Airbyte record files (`{"stream","data","emitted_at"}` lines,
// or the protocol's `{"type":"RECORD","record":{…}}` messages) and Singer streams
// (`{"type":"RECORD","stream","record"}`). Unwraps a record to its vendor object and stream
// name, and says which vendor's connector wrote a file, from its stream names and objects.

export type EnvelopeVendor = 'zendesk' | 'intercom' | 'freshdesk';

export type Unwrapped =
	| { kind: 'record'; stream: string; data: unknown }
	/** A Singer/Airbyte control message (SCHEMA, STATE, LOG, …): nothing to load. */
	| { kind: 'control' };

const CONTROL = new Set(['SCHEMA', 'STATE', 'LOG', 'TRACE', 'SPEC', 'CATALOG', 'CONNECTION_STATUS', 'ACTIVATE_VERSION', 'CONTROL']);

function isObject(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The record inside an envelope, a control message, or undefined when `value` is no envelope. */
export function unwrapEnvelope(value: unknown): Unwrapped | undefined {
	if (!isObject(value)) return undefined;
	if (typeof value.stream === 'string' && 'data' in value && ('emitted_at' in value || Object.keys(value).length <= 4)) {
		return { kind: 'record', stream: value.stream, data: value.data };
	}
	if (typeof value.type !== 'string') return undefined;
	if (value.type === 'RECORD') {
		if (typeof value.stream === 'string' && 'record' in value) return { kind: 'record', stream: value.stream, data: value.record };
		if (isObject(value.record)) return unwrapEnvelope(value.record);
		return undefined;
	}
	return CONTROL.has(value.type) && Object.keys(value).length <= 6 ? { kind: 'control' } : undefined;
}

/** Streams only one vendor's connector emits. */
const STREAMS: Record<EnvelopeVendor, string[]> = {
	zendesk: [
		'ticket_audits',
		'ticket_metrics',
		'ticket_metric_events',
		'ticket_comments',
		'organizations',
		'brands',
		'macros',
		'ticket_forms',
		'articles',
		'article_translations'
	],
	intercom: [
		'conversation_parts',
		'admins',
		'teams',
		'activity_logs',
		'company_segments',
		'contact_attributes',
		'company_attributes',
		'segments'
	],
	freshdesk: [
		'agents',
		'solution_articles',
		'solution_folders',
		'solution_categories',
		'time_entries',
		'canned_responses',
		'business_hours',
		'email_configs',
		'surveys',
		'skills',
		'products'
	]
};

/** Object shapes only one vendor sends. */
const SHAPES: Record<EnvelopeVendor, RegExp[]> = {
	zendesk: [/"via"\s*:\s*\{/, /zendesk\.com\/api\/v2\//, /"ticket_id"\s*:[^,]+,\s*"[^"]*"\s*:[^{]*"events"\s*:\s*\[/],
	intercom: [/"type"\s*:\s*"(conversation|admin|team|contact|ticket|conversation_part)"/, /"conversation_parts"\s*:/, /"ticket_parts"\s*:/],
	freshdesk: [/"fr_escalated"\s*:/, /"responder_id"\s*:/, /"ticket_scope"\s*:/, /"incoming"\s*:\s*(true|false)/, /"description_text"\s*:/]
};

/** The vendor whose connector wrote this file, judged from its first lines; undefined if none. */
export function envelopeVendor(head: string): EnvelopeVendor | undefined {
	const lines = head.split('\n').filter((l) => l.trim() !== '');
	const first = lines[0]?.trim() ?? '';
	if (!first.startsWith('{')) return undefined;
	let opened = false;
	const score: Record<EnvelopeVendor, number> = { zendesk: 0, intercom: 0, freshdesk: 0 };
	// The last line of a 64 KiB sample may be cut: judge only whole lines.
	const whole = /\n\s*$/.test(head) ? lines : lines.slice(0, Math.max(1, lines.length - 1));
	for (const line of whole) {
		let parsed: unknown;
		try {
			parsed = JSON.parse(line);
		} catch {
			continue;
		}
		const u = unwrapEnvelope(parsed);
		if (!u) continue;
		opened = true;
		if (u.kind !== 'record') continue;
		const text = JSON.stringify(u.data) ?? '';
		for (const vendor of Object.keys(STREAMS) as EnvelopeVendor[]) {
			if (STREAMS[vendor].includes(u.stream)) score[vendor] += 2;
			if (SHAPES[vendor].some((re) => re.test(text))) score[vendor] += 1;
		}
	}
	if (!opened) return undefined;
	const best = (Object.keys(score) as EnvelopeVendor[]).sort((a, b) => score[b] - score[a])[0];
	return score[best] > 0 ? best : undefined;
}
