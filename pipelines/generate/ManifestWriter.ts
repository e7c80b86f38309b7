// Writes manifest.json without holding its long lists in memory: list items (labelled
// questions, planted draft and hand-off labels) go to hidden temp files as they are made, and
// the manifest is assembled from the small fields plus those files at the end.
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ChunkedWriter } from './ChunkedWriter';
import { OutputFolderError } from './OutputFolderError';

export class ManifestWriter {
	private readonly lists = new Map<string, { writer: ChunkedWriter; count: number }>();

	constructor(
		private readonly outDir: string,
		listKeys: readonly string[]
	) {
		for (const key of listKeys) {
			// Dot-files: the import skips hidden files, should one survive a crash.
			this.lists.set(key, { writer: new ChunkedWriter(path.join(outDir, `.manifest-${key}.tmp`)), count: 0 });
		}
	}

	async add(key: string, item: object): Promise<void> {
		const list = this.lists.get(key);
		if (!list) throw new Error(`manifest list "${key}" was not declared`);
		await list.writer.write(`${list.count === 0 ? '\n    ' : ',\n    '}${JSON.stringify(item)}`);
		list.count++;
	}

	count(key: string): number {
		return this.lists.get(key)?.count ?? 0;
	}

	/** Writes manifest.json: `fields` first (pretty-printed), then every list, one item a line. */
	async finish(fields: Record<string, unknown>): Promise<string> {
		const file = path.join(this.outDir, 'manifest.json');
		const head = JSON.stringify(fields, null, 2).replace(/\n\}$/, '');
		let fd: number;
		try {
			fd = fs.openSync(file, 'w');
		} catch (error) {
			throw OutputFolderError.from(file, error);
		}
		const out = fs.createWriteStream('', { fd, encoding: 'utf8' });
		out.write(head);
		for (const [key, list] of this.lists) {
			await list.writer.close();
			out.write(`,\n  ${JSON.stringify(key)}: [`);
			await pipeline(fs.createReadStream(list.writer.file), out, { end: false });
			out.write(list.count ? '\n  ]' : ']');
			fs.rmSync(list.writer.file, { force: true });
		}
		await new Promise<void>((resolve, reject) => {
			out.once('error', reject);
			out.end('\n}\n', () => resolve());
		});
		return file;
	}

	/** Removes the temp files after a failure. */
	async abort(): Promise<void> {
		for (const list of this.lists.values()) {
			await list.writer.close().catch(() => {});
			fs.rmSync(list.writer.file, { force: true });
		}
	}
}
