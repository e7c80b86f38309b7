// Imports canonical conversations and KB articles held in memory: for tests, the generator
// and the bench. Same validation and merge as a file import.
import type { ConversationInput, KbArticle } from '../../schema';
import type { Warehouse } from '../warehouse';
import { importRecords, type ImportSummary, type RecordImportOptions } from './importRecords';
import type { AdapterRecord } from './types';

export async function importConversations(
	warehouse: Warehouse,
	conversations: Iterable<ConversationInput | unknown>,
	options: RecordImportOptions & { kbArticles?: Iterable<KbArticle | unknown> } = {}
): Promise<ImportSummary> {
	function* records(): Generator<AdapterRecord> {
		let i = 0;
		for (const value of conversations) yield { kind: 'conversation', location: { file: '(memory)', record: String(i++) }, value };
		let k = 0;
		for (const value of options.kbArticles ?? []) yield { kind: 'kb_article', location: { file: '(memory)', record: `kb ${k++}` }, value };
	}
	return importRecords(warehouse, records(), { origin: 'test', ...options });
}
