// Appends text to one output file in large chunks and waits for the disk when the stream's
// buffer is full, so a million-conversation run stays in bounded memory.
import fs from 'node:fs';
import { once } from 'node:events';

const CHUNK = 256 * 1024;

export class ChunkedWriter {
	private readonly stream: fs.WriteStream;
	private buffer: string[] = [];
	private size = 0;
	bytes = 0;

	constructor(readonly file: string) {
		this.stream = fs.createWriteStream(file, { encoding: 'utf8' });
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
		if (!this.stream.write(chunk)) await once(this.stream, 'drain');
	}

	async close(): Promise<void> {
		await this.flush();
		await new Promise<void>((resolve, reject) => {
			this.stream.once('error', reject);
			this.stream.end(() => resolve());
		});
	}
}
