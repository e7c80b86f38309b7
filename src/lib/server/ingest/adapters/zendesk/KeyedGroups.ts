// Groups records by a key (a ticket id, a conversation id) in bounded memory: small imports
// group in a Map; large ones are hash-partitioned into temporary JSON Lines bucket files and
// grouped one bucket at a time (a grace hash join). Shared by the Zendesk and CSV adapters.
import { once } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { makeOwnedTempDir } from '../../ownedTempDirs';
import { readLines } from '../../readLines';

/** Inputs up to this size group in memory; above it, in buckets of about BUCKET_BYTES each. */
export const IN_MEMORY_BYTES = 64 * 1024 * 1024;
const BUCKET_BYTES = 32 * 1024 * 1024;
const MAX_BUCKETS = 256;

function hashKey(key: string): number {
	let h = 2166136261;
	for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
	return h >>> 0;
}

export class KeyedGroups<T> {
	private readonly memory = new Map<string, T[]>();
	private readonly dir?: string;
	private readonly streams: fs.WriteStream[] = [];

	/** `inputBytes` is the size of what will be added; `inMemoryBytes` overrides the threshold (tests). */
	constructor(inputBytes: number, inMemoryBytes = IN_MEMORY_BYTES) {
		if (inputBytes <= inMemoryBytes) return;
		const buckets = Math.min(MAX_BUCKETS, Math.max(2, Math.ceil(inputBytes / Math.min(BUCKET_BYTES, inMemoryBytes))));
		this.dir = makeOwnedTempDir('group');
		for (let i = 0; i < buckets; i++) this.streams.push(fs.createWriteStream(path.join(this.dir, `${i}.jsonl`)));
	}

	get spilled(): boolean {
		return this.dir !== undefined;
	}

	async add(key: string, value: T): Promise<void> {
		if (!this.dir) {
			const list = this.memory.get(key);
			if (list) list.push(value);
			else this.memory.set(key, [value]);
			return;
		}
		const stream = this.streams[hashKey(key) % this.streams.length];
		if (!stream.write(JSON.stringify([key, value]) + '\n')) await once(stream, 'drain');
	}

	/** Every key with its values in the order added; keys in first-added order within a bucket. */
	async *groups(): AsyncGenerator<[string, T[]]> {
		try {
			if (!this.dir) {
				yield* this.memory.entries();
				return;
			}
			await Promise.all(
				this.streams.map((s) => new Promise<void>((resolve, reject) => s.end((e?: Error | null) => (e ? reject(e) : resolve()))))
			);
			for (let i = 0; i < this.streams.length; i++) {
				const file = path.join(this.dir, `${i}.jsonl`);
				const bucket = new Map<string, T[]>();
				for await (const line of readLines(file)) {
					if ('error' in line || line.text === '') continue; // we wrote it: always valid UTF-8
					const [key, value] = JSON.parse(line.text) as [string, T];
					const list = bucket.get(key);
					if (list) list.push(value);
					else bucket.set(key, [value]);
				}
				yield* bucket.entries();
				fs.rmSync(file, { force: true });
			}
		} finally {
			this.dispose();
		}
	}

	dispose(): void {
		this.memory.clear();
		for (const s of this.streams) s.destroy();
		if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
	}
}
