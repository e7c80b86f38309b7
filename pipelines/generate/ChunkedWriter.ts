// Appends text to one output file in large chunks and waits for the disk when the stream's
// buffer is full, so a million-conversation run stays in bounded memory.
import fs from 'node:fs';
import { once } from 'node:events';
import { OutputFolderError } from './OutputFolderError';

const CHUNK = 256 * 1024;

export class ChunkedWriter {
	private readonly stream: fs.WriteStream;
	private buffer: string[] = [];
	private size = 0;
	bytes = 0;

	private failure: Error | undefined;

	constructor(readonly file: string) {
		// Opened synchronously so that an unwritable path fails here, with its reason.
		let fd: number;
		try {
			fd = fs.openSync(file, 'w');
		} catch (error) {
			throw OutputFolderError.from(file, error);
		}
		this.stream = fs.createWriteStream('', { fd, encoding: 'utf8' });
		this.stream.on('error', (error) => (this.failure ??= OutputFolderError.from(file, error)));
	}

	async write(text: string): Promise<void> {
		this.buffer.push(text);
		this.size += text.length;
		if (this.size >= CHUNK) await this.flush();
	}

	async flush(): Promise<void> {
		if (this.size === 0) return;
		const chunk = this.buffer.join('');
		this.buffer = [];
		this.size = 0;
		this.bytes += Buffer.byteLength(chunk);
		if (this.failure) throw this.failure;
		if (!this.stream.write(chunk)) {
			// `once` rejects when the stream errors instead of draining.
			await once(this.stream, 'drain').catch((error) => {
				throw OutputFolderError.from(this.file, error);
			});
		}
	}

	async close(): Promise<void> {
		if (this.stream.closed) return;
		await this.flush();
		await new Promise<void>((resolve, reject) => {
			if (this.failure) return reject(this.failure);
			this.stream.once('error', (error) => reject(OutputFolderError.from(this.file, error)));
			this.stream.end(() => resolve());
		});
		if (this.failure) throw this.failure;
	}
}
