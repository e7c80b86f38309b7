// Intercom ticket objects (`GET /tickets/{id}`, API 2.10+) read as conversations: the ticket's
// title and description, its contacts, assignees, Fin participation (`ai_agent_participated`,
// `ai_agent`) and `ticket_parts` become the fields and parts buildIntercomConversation knows.
// A ticket shares its id with the conversation behind it, so the two merge by id.
import { isObject } from '../zendesk/readJsonRecords';

/** Ticket state → the part that conversation history would hold for it. */
const STATE_PART: Record<string, string> = {
	submitted: 'open',
	in_progress: 'open',
	waiting_on_customer: 'snoozed',
	resolved: 'close'
};

/** Ticket part types with no canonical meaning (attribute edits, links, sharing). */
const IGNORED = /^ticket_(attribute|type)_|^(linked_|ticket_shared|ticket_unshared|custom_action)/;

export function isIntercomTicket(value: Record<string, unknown>): boolean {
	return value.type === 'ticket' || ('ticket_parts' in value && 'ticket_attributes' in value);
}

function convertPart(part: unknown): unknown | undefined {
	if (!isObject(part) || typeof part.part_type !== 'string') return part; // the builder reports it
	const type = part.part_type;
	if (/^ticket_state_updated_by_/.test(type)) {
		const state = typeof part.ticket_state === 'string' ? part.ticket_state : '';
		if (state === part.previous_ticket_state || !STATE_PART[state]) return undefined; // no change
		return { ...part, part_type: STATE_PART[state] };
	}
	return IGNORED.test(type) ? undefined : part;
}

/** The ticket in the shape of an Intercom conversation object. */
export function ticketAsConversation(ticket: Record<string, unknown>): Record<string, unknown> {
	const attributes = isObject(ticket.ticket_attributes) ? ticket.ticket_attributes : {};
	const title = typeof attributes._default_title_ === 'string' ? attributes._default_title_ : undefined;
	const description = typeof attributes._default_description_ === 'string' ? attributes._default_description_ : undefined;
	const contacts = isObject(ticket.contacts) && Array.isArray(ticket.contacts.contacts) ? ticket.contacts.contacts : [];
	const firstContact = contacts.find(isObject);
	const parts = isObject(ticket.ticket_parts) && Array.isArray(ticket.ticket_parts.ticket_parts) ? ticket.ticket_parts.ticket_parts : [];
	const state = typeof ticket.ticket_state === 'string' ? ticket.ticket_state : undefined;
	const typeName = isObject(ticket.ticket_type) && typeof ticket.ticket_type.name === 'string' ? ticket.ticket_type.name : undefined;
	const zero = (v: unknown) => (v === '0' || v === 0 ? null : v);
	return {
		...ticket,
		type: 'conversation',
		title: title ?? ticket.title,
		state: state === 'resolved' ? 'closed' : state === 'waiting_on_customer' ? 'snoozed' : 'open',
		admin_assignee_id: zero(ticket.admin_assignee_id),
		team_assignee_id: zero(ticket.team_assignee_id),
		custom_attributes: {
			...(isObject(ticket.custom_attributes) ? ticket.custom_attributes : {}),
			...(typeName ? { Intent: typeName } : {})
		},
		source: {
			type: 'conversation',
			...(description !== undefined ? { body: description } : {}),
			...(firstContact ? { author: { type: 'user', id: firstContact.id } } : {})
		},
		conversation_parts: { conversation_parts: parts.map(convertPart).filter((p) => p !== undefined) }
	};
}
