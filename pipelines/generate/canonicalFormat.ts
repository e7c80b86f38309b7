// The canonical JSON Lines output: `canonical/conversations.jsonl`, read back unchanged.
import fs from 'node:fs';
import path from 'node:path';
import { ChunkedWriter } from './ChunkedWriter';
import type { CanonicalRecord, ReadBack, SampleFormat } from './SampleFormat';

const same = (id: string) => id;

export function canonicalFormat(outDir: string): SampleFormat {
	fs.mkdirSync(path.join(outDir, 'canonical'), { recursive: true });
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
