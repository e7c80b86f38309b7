// Validated rows of one import, written as JSON Lines to a temp folder so that memory stays
// bounded however large the export; DuckDB's read_json then loads them in bulk.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { makeOwnedTempDir } from './ownedTempDirs';

const KINDS = ['conversations', 'events', 'kb_articles', 'ratings', 'quarantine'] as const;
export type StagingKind = (typeof KINDS)[number];

export class StagingFiles {
	readonly counts: Record<StagingKind, number> = { conversations: 0, events: 0, kb_articles: 0, ratings: 0, quarantine: 0 };
	private readonly streams: Record<StagingKind, fs.WriteStream>;
	private readonly buffers: Record<StagingKind, string[]> = { conversations: [], events: [], kb_articles: [], ratings: [], quarantine: [] };

	private constructor(readonly dir: string) {
		this.streams = Object.fromEntries(
			KINDS.map((k) => [k, fs.createWriteStream(path.join(dir, `${k}.jsonl`), { highWaterMark: 1 << 20 })])
		) as Record<StagingKind, fs.WriteStream>;
	}

	static create(parent = os.tmpdir()): StagingFiles {
		return new StagingFiles(makeOwnedTempDir('import', parent));
	}

	path(kind: StagingKind): string {
		return path.join(this.dir, `${kind}.jsonl`);
	}

	/** Queues one row serialised as a line of JSON; await `flushIfFull` regularly (backpressure). */
	addLine(kind: StagingKind, line: string): void {
		this.buffers[kind].push(line);
		this.counts[kind]++;
	}

	async flushIfFull(limit = 2000): Promise<void> {
		for (const kind of KINDS) if (this.buffers[kind].length >= limit) await this.flush(kind);
	}

	private async flush(kind: StagingKind): Promise<void> {
		const lines = this.buffers[kind];
		if (!lines.length) return;
		this.buffers[kind] = [];
		if (!this.streams[kind].write(lines.join('\n') + '\n')) await once(this.streams[kind], 'drain');
	}

	/** Flushes and closes every file; the files stay until `remove`. */
	async finish(): Promise<void> {
		for (const kind of KINDS) {
			await this.flush(kind);
			const stream = this.streams[kind];
			stream.end();
			if (!stream.closed) await once(stream, 'close');
		}
	}

	remove(): void {
		for (const stream of Object.values(this.streams)) stream.destroy();
		fs.rmSync(this.dir, { recursive: true, force: true });
	}
}
