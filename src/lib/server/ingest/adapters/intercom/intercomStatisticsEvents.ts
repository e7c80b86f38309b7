// A conversation from the list endpoint has no parts: its assignment, closes and reopens are
// rebuilt from `statistics` and the current state.
import type { ConversationInput } from '../../../../schema';
import type { IntercomContext } from './buildIntercomConversation';
import type { IntercomConversation } from './intercomSchemas';
import { intercomTimestamp } from './intercomTimestamp';

type EventInput = NonNullable<ConversationInput['events']>[number];

/**
 * A conversation from the list endpoint has no parts: its assignment, closes and reopens are
 * rebuilt from `statistics` and the current state. A reopen's exact time is not in the
 * statistics; it is placed one second after the first close.
 */
export function intercomStatisticsEvents(conv: IntercomConversation, created: string, ctx: IntercomContext): EventInput[] {
	const stats = conv.statistics;
	const events: EventInput[] = [];
	const at = (value: unknown) => intercomTimestamp(value) ?? undefined;
	const team = conv.team_assignee_id && conv.team_assignee_id !== '0' ? conv.team_assignee_id : undefined;
	const admin = conv.admin_assignee_id && conv.admin_assignee_id !== '0' ? conv.admin_assignee_id : undefined;
	if (team || admin) {
		events.push({
			id: `${conv.id}-assignment`,
			at: at(stats?.last_assignment_at) ?? at(stats?.first_assignment_at) ?? created,
			type: 'assignment',
			...(team ? { queue: ctx.teams.get(team) ?? team } : {}),
			...(admin ? { agent_id: admin } : {})
		});
	}
	const firstClose = at(stats?.first_close_at);
	const lastClose = at(stats?.last_close_at);
	if (firstClose) {
		events.push({ id: `${conv.id}-close-1`, at: firstClose, type: 'status', status: 'solved' });
		if ((stats?.count_reopens ?? 0) > 0) {
			const reopen = new Date(Date.parse(firstClose) + 1000).toISOString();
			events.push({ id: `${conv.id}-reopen`, at: reopen, type: 'status', status: 'open' });
			if (lastClose && lastClose > reopen) events.push({ id: `${conv.id}-close-2`, at: lastClose, type: 'status', status: 'solved' });
		}
	}
	const state = conv.state ?? (conv.open === false ? 'closed' : conv.open ? 'open' : undefined);
	const updated = at(conv.updated_at) ?? created;
	if (state === 'closed' && !firstClose) events.push({ id: `${conv.id}-state`, at: updated, type: 'status', status: 'solved' });
	else if (state === 'snoozed') events.push({ id: `${conv.id}-state`, at: updated, type: 'status', status: 'pending' });
	else if (state === 'open' && firstClose) events.push({ id: `${conv.id}-state`, at: updated, type: 'status', status: 'open' });
	return events;
}
