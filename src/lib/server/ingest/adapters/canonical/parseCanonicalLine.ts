// Classifies one line of our JSON Lines format: a KB article when it has a title and no
// created_at/events, otherwise a conversation. Pure, so staging workers can run it. A bad
// line is passed on whole: staging keeps its start and its full length.
import type { AdapterRecord, RecordLocation } from '../../types';

function looksLikeKbArticle(value: Record<string, unknown>): boolean {
	return 'title' in value && !('created_at' in value) && !('events' in value);
}

export function parseCanonicalLine(text: string, location: RecordLocation): AdapterRecord {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		const why = error instanceof Error ? error.message : String(error);
		return { kind: 'invalid', location, reason: `bad JSON: ${why}`, raw: text };
	}
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		return { kind: 'invalid', location, reason: 'expected a JSON object', raw: text };
	}
	return { kind: looksLikeKbArticle(value as Record<string, unknown>) ? 'kb_article' : 'conversation', location, value };
}
