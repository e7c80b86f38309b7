// Our own JSON Lines format: one canonical conversation or one KB article per line.
// A line is a KB article when it has a title and no created_at/events; otherwise a conversation.
import { readLines } from '../../readLines';
import type { AdapterRecord, FileSample, FormatAdapter } from '../../types';

const RAW_LIMIT = 2000;

function looksLikeKbArticle(value: Record<string, unknown>): boolean {
	return 'title' in value && !('created_at' in value) && !('events' in value);
}

export const canonicalAdapter: FormatAdapter = {
	format: 'canonical',

	detect({ head }: FileSample) {
		const first = head.split('\n').find((l) => l.trim().length > 0)?.trim() ?? '';
		if (!first.startsWith('{')) return false;
		// Vendor exports are JSON too; ours are recognised by canonical keys on the first line.
		return /"(events|created_at)"\s*:/.test(first) || (/"title"\s*:/.test(first) && /"body"\s*:/.test(first));
	},

	async *read(files, options): AsyncGenerator<AdapterRecord> {
		for (const file of files) {
			for await (const line of readLines(file)) {
				options.onBytes(line.bytes);
				const location = { file, line: line.line };
				if ('error' in line) {
					yield { kind: 'invalid', location, reason: line.error, raw: line.raw.slice(0, RAW_LIMIT) };
					continue;
				}
				if (line.text.trim() === '') continue;
				let value: unknown;
				try {
					value = JSON.parse(line.text);
				} catch (error) {
					const why = error instanceof Error ? error.message : String(error);
					yield { kind: 'invalid', location, reason: `bad JSON: ${why}`, raw: line.text.slice(0, RAW_LIMIT) };
					continue;
				}
				if (value === null || typeof value !== 'object' || Array.isArray(value)) {
					yield { kind: 'invalid', location, reason: 'expected a JSON object', raw: line.text.slice(0, RAW_LIMIT) };
					continue;
				}
				const kind = looksLikeKbArticle(value as Record<string, unknown>) ? 'kb_article' : 'conversation';
				yield { kind, location, value };
			}
		}
	}
};
