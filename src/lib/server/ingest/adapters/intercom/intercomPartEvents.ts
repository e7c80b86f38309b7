// An Intercom conversation's parts as canonical events: messages (the AI's with their answer
// type and confidence), notes, assignments (the AI's to a team is a hand-off that takes its
// note and last words along), status changes and reopens. Unknown part types fail the record.
import { formatIssues, type ConversationInput, type Status } from '../../../../schema';
import type { IntercomContext } from './buildIntercomConversation';
import { htmlToText } from './htmlToText';
import type { IntercomAuthors } from './intercomAuthors';
import { IntercomRecordError } from './IntercomRecordError';
import { intercomPartSchema, type IntercomConversation, type IntercomPart } from './intercomSchemas';
import { requiredIntercomTime } from './intercomTimestamp';

type EventInput = NonNullable<ConversationInput['events']>[number];
type MessageEvent = Extract<EventInput, { type: 'message' }>;
type TimedPart = { part: IntercomPart; at: string; ai: boolean };

/** Part types that are one canonical event (or two: an assignment or a note that also reopens). */
const MESSAGE_PARTS = new Set(['comment', 'quick_reply']);
const ASSIGNMENT_PARTS = new Set(['assignment', 'default_assignment', 'away_mode_assignment', 'assign_and_reopen', 'assign_and_unsnooze']);
const STATUS_PARTS: Record<string, Status> = {
	open: 'open',
	close: 'solved',
	snoozed: 'pending',
	unsnoozed: 'open',
	timer_unsnooze: 'open'
};
const REOPENING_PARTS = new Set(['assign_and_reopen', 'assign_and_unsnooze', 'note_and_reopen']);
/** Documented part types with no canonical meaning (attributes, participants, ratings, SLAs…). */
const IGNORED_PARTS = new Set([
	'conversation_rating_changed',
	'conversation_rating_remark_added',
	'attribute_collected',
	'participant_added',
	'participant_removed',
	'conversation_attribute_updated_by_admin',
	'conversation_attribute_updated_by_workflow',
	'conversation_attribute_updated_by_user',
	'ticket_attribute_updated_by_admin',
	'ticket_state_updated_by_admin',
	'title_changed',
	'priority_changed',
	'language_detection_details',
	'sla_applied',
	'sla_removed',
	'custom_action_started',
	'custom_action_finished',
	'operator_workflow_event',
	'channel_and_reply_time_expectation',
	'conversation_tags_updated',
	'conversation_sentiment_changed',
	'read_receipt',
	'email_forwarded',
	'event'
]);
/** An AI comment and note posted this close before its assignment are the hand-off's words. */
const HANDOFF_WINDOW_SECONDS = 5;
const ANSWER_TYPES = new Set(['answered', 'clarifying', 'fallback']);

export interface PartEvents {
	/** Parts the conversation has (0: a list-endpoint conversation, rebuilt from statistics). */
	partCount: number;
	/** The AI's messages, in order, with the part each came from. */
	aiMessages: { event: MessageEvent; part: IntercomPart }[];
	/** The first hand-off's time. */
	handoffAt: string | undefined;
}

/**
 * The AI's note and its last words to the customer, posted just before it hands the
 * conversation to a team, belong to the hand-off rather than the transcript.
 */
function handoffWords(parts: TimedPart[], i: number, body: string): { note?: string; told?: string; consumed: Set<IntercomPart> } {
	let note = body || undefined;
	let told: string | undefined;
	const consumed = new Set<IntercomPart>();
	const moment = Date.parse(parts[i].at) / 1000;
	for (let j = i - 1; j >= 0; j--) {
		const prev = parts[j];
		if (!prev.ai || moment - Date.parse(prev.at) / 1000 > HANDOFF_WINDOW_SECONDS) break;
		if (prev.part.part_type === 'note' && note === undefined) {
			note = htmlToText(prev.part.body ?? '');
			consumed.add(prev.part);
		} else if (MESSAGE_PARTS.has(prev.part.part_type) && told === undefined && prev.part.is_ai_answer !== true && !prev.part.answer_type) {
			told = htmlToText(prev.part.body ?? '');
			consumed.add(prev.part);
		} else break;
	}
	return { note, told, consumed };
}

/** Appends the parts' events to `events` (which holds the opening message; `aiSpoke`: the AI wrote it). */
export function intercomPartEvents(
	conv: IntercomConversation,
	ctx: IntercomContext,
	authors: IntercomAuthors,
	events: EventInput[],
	aiSpoke: boolean
): PartEvents {
	const { isCustomer, agentId } = authors;
	const rawParts = Array.isArray(conv.conversation_parts) ? conv.conversation_parts : (conv.conversation_parts?.conversation_parts ?? []);
	const parts: TimedPart[] = rawParts.map((raw, i) => {
		const parsed = intercomPartSchema.safeParse(raw);
		if (!parsed.success) throw new IntercomRecordError(`conversation_parts[${i}]: ${formatIssues(parsed.error)}`);
		const part = parsed.data;
		const at = requiredIntercomTime(part.created_at, `part ${part.id} created_at`);
		return { part, at, ai: part.from_ai_agent === true || authors.isAi(part.author) };
	});

	const aiMessages: PartEvents['aiMessages'] = [];
	let handoffAt: string | undefined;
	for (let i = 0; i < parts.length; i++) {
		const { part, at, ai } = parts[i];
		const type = part.part_type;
		const body = htmlToText(part.body ?? '');
		if (MESSAGE_PARTS.has(type)) {
			if (ai) {
				const event: MessageEvent = { id: part.id, at, type: 'message', author: 'ai', body };
				if (part.answer_type && ANSWER_TYPES.has(part.answer_type)) event.answer_type = part.answer_type as 'answered';
				else if (part.is_ai_answer === true) event.answer_type = 'answered';
				if (typeof part.confidence === 'number') event.confidence = part.confidence;
				events.push(event);
				aiMessages.push({ event, part });
				aiSpoke = true;
			} else if (isCustomer(part.author)) events.push({ id: part.id, at, type: 'message', author: 'customer', body });
			else events.push({ id: part.id, at, type: 'message', author: 'agent', body, ...agentId(part.author) });
		} else if (type === 'note' || type === 'note_and_reopen') {
			events.push(
				ai
					? { id: part.id, at, type: 'note', author: 'ai', body }
					: { id: part.id, at, type: 'note', author: 'agent', body, ...agentId(part.author) }
			);
		} else if (ASSIGNMENT_PARTS.has(type)) {
			const target = part.assigned_to;
			const targetId = target?.id ?? undefined;
			if (target?.type === 'team' && targetId && ai && aiSpoke) {
				const { note, told, consumed } = handoffWords(parts, i, body);
				for (const p of consumed) {
					const k = events.findIndex((e) => e.id === p.id);
					if (k >= 0) events.splice(k, 1);
					const m = aiMessages.findIndex((x) => x.part === p);
					if (m >= 0) aiMessages.splice(m, 1);
				}
				const state = conv.ai_agent?.resolution_state;
				events.push({
					id: part.id,
					at,
					type: 'handoff',
					author: 'ai',
					to_queue: ctx.teams.get(targetId) ?? targetId,
					...(state ? { reason: state } : {}),
					...(note ? { note } : {}),
					...(told ? { customer_message: told } : {})
				});
				handoffAt ??= at;
			} else {
				if (target?.type === 'team' && targetId) {
					events.push({ id: part.id, at, type: 'assignment', queue: ctx.teams.get(targetId) ?? targetId });
				} else if (target?.type === 'admin' && targetId) {
					events.push({ id: part.id, at, type: 'assignment', agent_id: targetId });
				}
				// Assigned to nobody (or a bot): no queue or agent to record. A body on an
				// assignment is the teammate's internal note to the assignee.
				if (body) {
					const author = ai ? ({ author: 'ai' } as const) : ({ author: 'agent', ...agentId(part.author) } as const);
					events.push({ id: `${part.id}-note`, at, type: 'note', body, ...author });
				}
			}
		} else if (type in STATUS_PARTS) {
			events.push({ id: part.id, at, type: 'status', status: STATUS_PARTS[type] });
		} else if (!IGNORED_PARTS.has(type)) {
			throw new IntercomRecordError(`part ${part.id}: unknown part_type ${JSON.stringify(type)}`);
		}
		if (REOPENING_PARTS.has(type)) events.push({ id: `${part.id}-open`, at, type: 'status', status: 'open' });
	}
	return { partCount: parts.length, aiMessages, handoffAt };
}
