// Titles (and safe links) of the KB articles a conversation's AI answers and drafts cite,
// so the timeline names them instead of showing bare ids.
import type { WarehouseConnection } from '../warehouse';
import type { KbRef } from '../../conversations/types';

export type { KbRef };

export async function kbArticleTitles(db: WarehouseConnection, ids: string[]): Promise<Record<string, KbRef>> {
	const unique = [...new Set(ids)].slice(0, 500);
	if (unique.length === 0) return {};
	// One bound placeholder per id: the values never enter the SQL text.
	const rows = await db.all<{ id: string; title: string; url: string | null }>(
		`SELECT id, title, url FROM kb_articles WHERE id IN (${unique.map(() => '?').join(', ')})`,
		unique
	);
	return Object.fromEntries(rows.map((r) => [r.id, { title: r.title, url: r.url && /^https?:\/\//i.test(r.url) ? r.url : null }]));
}
