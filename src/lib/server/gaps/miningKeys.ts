// The string keys the miner joins on: one conversation, and one question (an event) in it.
// NUL separates the parts because no id or source can contain it.

export const conversationKey = (source: string, conversationId: string) => `${source}\u0000${conversationId}`;

export const eventKey = (q: { source: string; conversation_id: string; event_id: string }) =>
	`${q.source}\u0000${q.conversation_id}\u0000${q.event_id}`;
