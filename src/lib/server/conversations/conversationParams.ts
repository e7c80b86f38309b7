// The {source}/{id} route parameters of a conversation, checked before any query runs.
import { error } from '@sveltejs/kit';
import { z } from 'zod';

const part = z.string().trim().min(1).max(300);
const paramsSchema = z.object({ source: part, id: part });

export function conversationParams(params: Record<string, string>): { source: string; id: string } {
	const parsed = paramsSchema.safeParse(params);
	if (!parsed.success) error(400, 'a conversation is addressed as /conversations/{source}/{id}');
	return parsed.data;
}

/** The page URL of a conversation, for links from any table. */
export function conversationHref(source: string, id: string): string {
	return `/conversations/${encodeURIComponent(source)}/${encodeURIComponent(id)}`;
}
