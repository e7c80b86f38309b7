// Embeds texts through the warehouse cache (gap_embeddings, keyed by sha1 of the text and the
// embedder's model key): texts seen before with the same model are read back, not embedded.
import { createHash } from 'node:crypto';
import { listValue } from '@duckdb/node-api';
import type { WarehouseConnection } from '../warehouse';
import { bulkInsert } from './bulkInsert';
import type { Embedder } from './embedders/Embedder';

export function textHash(text: string): string {
	return createHash('sha1').update(text).digest('hex');
}

function toVector(bytes: Uint8Array): Float32Array {
	// Copy: the Buffer may be a view into a larger, unaligned pool.
	const copy = new Uint8Array(bytes.byteLength);
	copy.set(bytes);
	return new Float32Array(copy.buffer);
}

export interface CachedEmbedResult {
	vectors: Float32Array[];
	/** Texts that were not in the cache and went through the embedder. */
	embedded: number;
}

/** Returns one vector per text (in order), embedding only distinct texts the cache lacks. */
export async function embedWithCache(
	db: WarehouseConnection,
	embedder: Embedder,
	texts: string[],
	onProgress?: (done: number, total: number) => void
): Promise<CachedEmbedResult> {
	const hashes = texts.map(textHash);
	const byHash = new Map<string, Float32Array>();
	const wanted = [...new Set(hashes)];
	// Read back in chunks of bound parameters (no string-built SQL).
	for (let i = 0; i < wanted.length; i += 1000) {
		const chunk = wanted.slice(i, i + 1000);
		const reader = await db.raw.runAndReadAll(
			`SELECT text_hash, vector FROM gap_embeddings WHERE model = ? AND text_hash IN (SELECT unnest(?::VARCHAR[]))`,
			[embedder.model, listValue(chunk)]
		);
		for (const row of reader.getRowObjectsJS()) byHash.set(row.text_hash as string, toVector(row.vector as Uint8Array));
	}
	const missingHashes = wanted.filter((h) => !byHash.has(h));
	const firstText = new Map<string, string>();
	hashes.forEach((h, i) => firstText.has(h) || firstText.set(h, texts[i]));
	const fresh = await embedder.embed(
		missingHashes.map((h) => firstText.get(h)!),
		onProgress
	);
	missingHashes.forEach((h, i) => byHash.set(h, fresh[i]));
	await bulkInsert(
		db,
		'gap_embeddings',
		[
			{ name: 'text_hash', type: 'VARCHAR' },
			{ name: 'model', type: 'VARCHAR' },
			{ name: 'vector', type: 'VARCHAR', expr: 'from_base64(vector)' }
		],
		missingHashes.map((h) => {
			const v = byHash.get(h)!;
			return { text_hash: h, model: embedder.model, vector: Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString('base64') };
		})
	);
	return { vectors: hashes.map((h) => byHash.get(h)!), embedded: missingHashes.length };
}

/** Drops cached vectors of fitted lexical vocabularies other than `keepModel`: they can't be hit again. */
export async function pruneLexicalCache(db: WarehouseConnection, keepModel: string): Promise<void> {
	await db.run(`DELETE FROM gap_embeddings WHERE model LIKE 'lexical-%' AND model <> ?`, [keepModel]);
}
