// Our own JSON Lines format: one canonical conversation or one KB article per line.
// Lines are classified and parsed by parseCanonicalLine where they are staged.
import { readLines } from '../../readLines';
import type { AdapterRecord, FileSample, FormatAdapter } from '../../types';

const VENDOR_SHAPED =
	/^\{\s*"(stream|type)"\s*:\s*"|"type"\s*:\s*"(conversation|ticket|contact|admin|team|conversation_part|ticket_part|[a-z_]+\.list)"|"(conversation_parts|ticket_parts|ticket_attributes)"\s*:|"created_at"\s*:\s*\d/;

export const canonicalAdapter: FormatAdapter = {
	format: 'canonical',

	detect({ head }: FileSample) {
		const first =
			head
				.split('\n')
				.find((l) => l.trim().length > 0)
				?.trim() ?? '';
		if (!first.startsWith('{')) return false;
		// Vendor exports are JSON too; ours are recognised by canonical keys on the first line,
		// and never by a vendor's: an object `type` (Intercom's conversation, ticket, contact…),
		// parts, a Unix-time created_at, or a sync tool's record envelope.
		if (VENDOR_SHAPED.test(first)) return false;
		return /"(events|created_at)"\s*:/.test(first) || (/"title"\s*:/.test(first) && /"body"\s*:/.test(first));
	},

	async *read(files, options): AsyncGenerator<AdapterRecord> {
		for (const file of files) {
			for await (const line of readLines(file)) {
				options.onBytes(line.bytes);
				const location = { file, line: line.line };
				if ('error' in line) {
					yield { kind: 'invalid', location, reason: line.error, raw: line.raw };
					continue;
				}
				if (line.text.trim() === '') continue;
				// Parsed where it is staged, so staging workers share the JSON.parse cost.
				yield { kind: 'canonical_line', location, text: line.text };
			}
		}
	}
};
