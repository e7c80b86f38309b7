// The {source}/{id} route parameters of a conversation, checked before any query runs.
import { z } from 'zod';
import { UsageError } from '../errors';

const part = z.string().trim().min(1).max(300);
const paramsSchema = z.object({ source: part, id: part });

export function conversationParams(params: Record<string, string>): { source: string; id: string } {
	const parsed = paramsSchema.safeParse(params);
	if (!parsed.success) {
		throw new UsageError('a conversation is addressed as /conversations/{source}/{id}', {
			field: String(parsed.error.issues[0]?.path[0] ?? 'id')
		});
	}
	return parsed.data;
}
