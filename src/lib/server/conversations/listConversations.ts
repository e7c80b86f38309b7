// The conversation list behind /conversations: newest first, filtered by a search over id
// and subject and by channel, paged. Bound parameters only.
import { z } from 'zod';
import type { WarehouseConnection } from '../warehouse';

export const PAGE_SIZE = 50;

export const listQuerySchema = z.object({
	q: z.string().trim().max(200).optional().catch(undefined),
	channel: z.string().trim().max(40).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1)
});
export type ListQuery = z.infer<typeof listQuerySchema>;

export interface ConversationListRow {
	source: string;
	id: string;
	created_at: Date;
	channel: string;
	language: string | null;
	intent: string | null;
	subject: string | null;
	[key: string]: unknown;
}

export async function listConversations(
	db: WarehouseConnection,
	query: ListQuery,
	limit = PAGE_SIZE
): Promise<{ rows: ConversationListRow[]; total: number }> {
	const q = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => '\\' + c)}%` : null;
	const channel = query.channel || null;
	const where = `(?::VARCHAR IS NULL OR id ILIKE ? ESCAPE '\\' OR subject ILIKE ? ESCAPE '\\') AND (?::VARCHAR IS NULL OR channel = ?)`;
	const params = [q, q, q, channel, channel];
	const total = (await db.one<{ n: number }>(`SELECT count(*) AS n FROM conversations WHERE ${where}`, params))?.n ?? 0;
	const rows = await db.all<ConversationListRow>(
		`SELECT source, id, created_at, channel, language, intent, subject FROM conversations WHERE ${where}
		 ORDER BY created_at DESC, source, id LIMIT ? OFFSET ?`,
		[...params, limit, (query.page - 1) * PAGE_SIZE]
	);
	return { rows, total };
}
