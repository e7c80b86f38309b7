// The canonical JSON Lines output: `canonical/conversations.jsonl`, read back unchanged.
import path from 'node:path';
import { ChunkedWriter } from './ChunkedWriter';
import { ensureFolder } from './ensureFolder';
import type { CanonicalRecord, ReadBack, SampleFormat } from './SampleFormat';

const same = (id: string) => id;

export function canonicalFormat(outDir: string): SampleFormat {
	ensureFolder(path.join(outDir, 'canonical'));
	const writer = new ChunkedWriter(path.join(outDir, 'canonical', 'conversations.jsonl'));
	return {
		source: 'canonical',
		humanOnly: false,
		needsCustomerId: false,
		noDrafts: false,
		conversationId: (n) => `c-${String(n).padStart(6, '0')}`,
		customerId: (n) => `cust-${String(n).padStart(5, '0')}`,
		async write(conversation: CanonicalRecord): Promise<ReadBack> {
			await writer.write(JSON.stringify(conversation) + '\n');
			return { conversation, eventId: same };
		},
		close: () => writer.close()
	};
}
