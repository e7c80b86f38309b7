// A conversation's events (after its opening message) as Intercom conversation parts, with what
// the conversation object's statistics and state need: closes, reopens, assignments, the last
// agent and team, whether Fin handed off, and the articles Fin cited in its answers.
import { admin, FIN, html, TEAM_IDS, unix } from './intercomValues';

type Ev = Record<string, unknown> & { id: string; at: string; type: string };

/** The AI's hand-off parts must come more than this long after its previous message, or the reader folds that message into the hand-off. */
const HANDOFF_GAP_S = 6;

export interface IntercomPartList {
	parts: Record<string, unknown>[];
	/** Generator event id → the part id the reader will give its event. */
	eventIds: Map<string, string>;
	state: 'open' | 'closed' | 'snoozed';
	lastAgent: unknown;
	teamAssignee: string | null;
	handedOff: boolean;
	cited: Set<string>;
	firstCloseAt: number | null;
	lastCloseAt: number | null;
	reopens: number;
	assignments: number;
	firstAssignmentAt: number | null;
	lastAssignmentAt: number | null;
	firstAdminReplyAt: number | null;
}

export function intercomParts(conversationId: string, events: Ev[], opening: Ev, contact: object): IntercomPartList {
	const out: IntercomPartList = {
		parts: [],
		eventIds: new Map(),
		state: 'open',
		lastAgent: undefined,
		teamAssignee: null,
		handedOff: false,
		cited: new Set(),
		firstCloseAt: null,
		lastCloseAt: null,
		reopens: 0,
		assignments: 0,
		firstAssignmentAt: null,
		lastAssignmentAt: null,
		firstAdminReplyAt: null
	};
	const { eventIds } = out;
	let partNo = 0;
	const part = (fields: Record<string, unknown>, at: number): string => {
		const id = `${conversationId}${String(++partNo).padStart(3, '0')}`;
		out.parts.push({
			type: 'conversation_part',
			id,
			part_type: fields.part_type,
			body: null,
			created_at: at,
			updated_at: at,
			notified_at: at,
			assigned_to: null,
			attachments: [],
			external_id: null,
			redacted: false,
			...fields
		});
		return id;
	};

	let lastAiAt = -Infinity;
	for (const e of events) {
		if (e === opening) continue;
		let at = unix(e.at);
		switch (e.type) {
			case 'message': {
				if (e.author === 'customer') eventIds.set(e.id, part({ part_type: 'comment', body: html(String(e.body)), author: contact }, at));
				else if (e.author === 'ai') {
					eventIds.set(
						e.id,
						part(
							{
								part_type: 'comment',
								body: html(String(e.body)),
								author: FIN,
								from_ai_agent: true,
								is_ai_answer: e.answer_type === 'answered'
							},
							at
						)
					);
					lastAiAt = at;
					if (e.answer_type === 'answered') for (const id of (e.kb_article_ids as string[] | undefined) ?? []) out.cited.add(id);
				} else {
					eventIds.set(e.id, part({ part_type: 'comment', body: html(String(e.body)), author: admin(e.agent_id) }, at));
					out.lastAgent = e.agent_id;
					out.firstAdminReplyAt ??= at;
				}
				break;
			}
			case 'note':
				eventIds.set(
					e.id,
					part(
						{ part_type: 'note', body: html(String(e.body)), author: e.agent_id ? admin(e.agent_id) : admin(out.lastAgent ?? 'a-1') },
						at
					)
				);
				break;
			case 'handoff': {
				// Fin's words to the customer, its internal note, then the assignment to the team.
				at = Math.max(at, lastAiAt + HANDOFF_GAP_S);
				if (e.customer_message)
					part({ part_type: 'comment', body: html(String(e.customer_message)), author: FIN, from_ai_agent: true, is_ai_answer: false }, at);
				if (e.note) part({ part_type: 'note', body: html(String(e.note)), author: FIN, from_ai_agent: true }, at);
				eventIds.set(
					e.id,
					part(
						{
							part_type: 'assignment',
							author: FIN,
							from_ai_agent: true,
							assigned_to: { type: 'team', id: TEAM_IDS.get(String(e.to_queue)) }
						},
						at
					)
				);
				lastAiAt = at;
				out.handedOff = true;
				out.teamAssignee = TEAM_IDS.get(String(e.to_queue)) ?? null;
				break;
			}
			case 'assignment': {
				const who = e.agent_id ? admin(e.agent_id) : admin(out.lastAgent ?? 'a-1');
				eventIds.set(
					e.id,
					part({ part_type: 'assignment', author: who, assigned_to: { type: 'team', id: TEAM_IDS.get(String(e.queue)) } }, at)
				);
				out.teamAssignee = TEAM_IDS.get(String(e.queue)) ?? null;
				if (e.agent_id) out.lastAgent = e.agent_id;
				out.assignments++;
				out.firstAssignmentAt ??= at;
				out.lastAssignmentAt = at;
				break;
			}
			case 'status': {
				const status = String(e.status);
				const by = out.lastAgent ? admin(out.lastAgent) : FIN;
				if (status === 'solved' || status === 'closed') {
					if (out.state === 'closed') break; // closed after solved: Intercom has one closed state
					eventIds.set(e.id, part({ part_type: 'close', author: by }, at));
					out.state = 'closed';
					out.firstCloseAt ??= at;
					out.lastCloseAt = at;
				} else if (status === 'open') {
					if (out.state === 'closed') out.reopens++;
					eventIds.set(e.id, part({ part_type: 'open', author: by }, at));
					out.state = 'open';
				} else if (status === 'pending') {
					if (out.state === 'closed') out.reopens++;
					eventIds.set(e.id, part({ part_type: 'snoozed', author: by }, at));
					out.state = 'snoozed';
				}
				// "new" has no Intercom part: a conversation is open from its first message.
				break;
			}
			default:
				throw new Error(`intercom output: a ${e.type} event cannot be written (this format gets no drafts)`);
		}
	}
	return out;
}
