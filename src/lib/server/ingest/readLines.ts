// Streams a file line by line in bounded memory, decoding each line as strict UTF-8 so that
// one line of broken bytes is reported on its own instead of corrupting its neighbours.
import fs from 'node:fs';

export type Line = { line: number; text: string; bytes: number } | { line: number; error: string; raw: string; bytes: number };

const decoder = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');
const NEWLINE = 0x0a;

function decode(lineNo: number, buf: Buffer): Line {
	const bytes = buf.length + 1;
	let end = buf.length;
	if (end > 0 && buf[end - 1] === 0x0d) end--;
	const slice = buf.subarray(0, end);
	try {
		return { line: lineNo, text: decoder.decode(slice), bytes };
	} catch {
		return { line: lineNo, error: 'invalid UTF-8', raw: lossy.decode(slice), bytes };
	}
}

/** Yields every line with its 1-based number; `bytes` includes the newline, for progress. */
export async function* readLines(file: string, highWaterMark = 1 << 20): AsyncGenerator<Line> {
	const stream = fs.createReadStream(file, { highWaterMark });
	let pending: Buffer[] = [];
	let lineNo = 0;
	for await (const chunk of stream as AsyncIterable<Buffer>) {
		let start = 0;
		let nl = chunk.indexOf(NEWLINE, start);
		while (nl !== -1) {
			const piece = chunk.subarray(start, nl);
			const buf = pending.length ? Buffer.concat([...pending, piece]) : piece;
			pending = [];
			yield decode(++lineNo, buf);
			start = nl + 1;
			nl = chunk.indexOf(NEWLINE, start);
		}
		if (start < chunk.length) pending.push(chunk.subarray(start));
	}
	if (pending.length) {
		const buf = Buffer.concat(pending);
		yield { ...decode(lineNo + 1, buf), bytes: buf.length };
	}
}
