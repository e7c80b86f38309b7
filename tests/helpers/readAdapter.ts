// Runs one import adapter over files and sorts what it yields: conversations (validated with
// the canonical schema), KB articles, rating records and quarantined records. For the adapters'
// own tests.
import { conversationSchema, kbArticleSchema, type Conversation, type KbArticle } from '../../src/lib/schema';
import type { AdapterRecord, FormatAdapter } from '../../src/lib/server/ingest/types';

export async function readAdapter(adapter: FormatAdapter, files: string[], aiAuthors: string[] = []) {
	const records: AdapterRecord[] = [];
	for await (const r of adapter.read(files, { aiAuthors, onBytes: () => {} })) records.push(r);
	const conversations = new Map<string, Conversation>();
	const articles = new Map<string, KbArticle>();
	for (const r of records) {
		if (r.kind === 'conversation') {
			const parsed = conversationSchema.safeParse(r.value);
			if (!parsed.success) throw new Error(`${JSON.stringify(r.location)}: ${parsed.error.message}`);
			conversations.set(parsed.data.id, parsed.data);
		} else if (r.kind === 'kb_article') {
			const parsed = kbArticleSchema.parse(r.value);
			articles.set(parsed.id, parsed);
		}
	}
	const ratings = records.filter((r): r is Extract<AdapterRecord, { kind: 'rating' }> => r.kind === 'rating');
	const invalid = records.filter((r): r is Extract<AdapterRecord, { kind: 'invalid' }> => r.kind === 'invalid');
	return { records, conversations, articles, ratings, invalid };
}
