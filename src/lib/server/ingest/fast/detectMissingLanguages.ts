// Language detection for the fast path's accepted lines that name no language: the same
// detectLanguage the zod path runs in flattenConversation, on the same text (the customer's
// messages in event order, then the subject), so both paths store the same language.
import type { DuckDBListValue } from '@duckdb/node-api';
import type { Conversation } from '../../../schema';
import type { WarehouseConnection } from '../../warehouse/WarehouseConnection';
import { detectLanguage } from '../detectLanguage';
import { missingLanguageSql, setDetectedLanguagesSql } from './canonicalLineSql';

/** Detected languages are written back this many at a time. */
const PER_UPDATE = 4096;

export async function detectMissingLanguages(db: WarehouseConnection, table: string): Promise<void> {
	const result = await db.raw.stream(missingLanguageSql(table));
	// Collected first: a statement run on the connection would end the open stream.
	const detected: { r: number; language: string }[] = [];
	for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
		for (const [r, subject, bodies] of chunk.getRows()) {
			const events = (bodies as DuckDBListValue).items.map((body) => ({ type: 'message', author: 'customer', body: String(body) }));
			// detectLanguage reads only the customer's messages and the subject.
			const conversation = { subject: subject === null ? undefined : String(subject), events } as unknown as Conversation;
			const language = detectLanguage(conversation);
			if (language !== undefined) detected.push({ r: Number(r), language });
		}
	}
	for (let i = 0; i < detected.length; i += PER_UPDATE) {
		await db.run(setDetectedLanguagesSql(table), [JSON.stringify(detected.slice(i, i + PER_UPDATE))]);
	}
}
