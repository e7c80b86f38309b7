// Whether a file's first bytes look like a Zendesk export: an API page or record, a show
// endpoint's object, the legacy ticket export, Help Center articles, or a sync tool's Zendesk stream.
import type { FileSample } from '../../types';
import { envelopeVendor } from '../shared/streamEnvelope';

const API_URL = /"url"\s*:\s*"https?:\/\/[a-z0-9-]+\.zendesk\.com\/api\/v2\//i;
const PAGE_ARRAY = /"(tickets|audits|metric_sets|ticket_metrics|ticket_fields|satisfaction_ratings)"\s*:\s*\[/;
/** A show endpoint's single object, or a Help Center / requests page: `{"ticket": {…}}`, `{"articles": [{…"html_url"`. */
const SHOW_OBJECT =
	/^\s*\{\s*"(ticket|audit|ticket_metric|satisfaction_rating|user|group|request|requests|users|groups|article|translations)"\s*:\s*[[{]/;
const LEGACY = /"generated_timestamp"\s*:[^,]+,\s*"req_name"|"results"\s*:\s*\[\s*\{\s*"generated_timestamp"/;
const HELP_CENTER = /"articles"\s*:\s*\[[^\]]*"html_url"\s*:\s*"[^"]*\/hc\//;

export function detectZendesk({ head }: FileSample): boolean {
	if (/^\s*\{\s*"(stream|type)"\s*:/.test(head) && envelopeVendor(head) !== undefined) return envelopeVendor(head) === 'zendesk';
	if (PAGE_ARRAY.test(head) || API_URL.test(head) || LEGACY.test(head) || HELP_CENTER.test(head)) return true;
	if (SHOW_OBJECT.test(head) && !/"(mailboxId|conversation_parts|responder_id)"/.test(head)) return true;
	const first =
		head
			.split('\n')
			.find((l) => l.trim() !== '')
			?.trim() ?? '';
	if (!first.startsWith('{')) return false;
	// A JSON Lines record: an audit (ticket_id + events) or a ticket (requester_id + via).
	return (
		(/"ticket_id"\s*:/.test(first) && /"events"\s*:\s*\[/.test(first)) || (/"requester_id"\s*:/.test(first) && /"via"\s*:\s*\{/.test(first))
	);
}
