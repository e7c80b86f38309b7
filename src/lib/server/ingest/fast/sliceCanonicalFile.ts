// Cuts a large JSON Lines file into slices of whole lines on disk, one at a time, so the fast
// path parses and merges a bounded amount at once: bytes are copied as they are (no decoding),
// cut only after a newline, and each slice says which line of the file its first line is.
import fs from 'node:fs';
import path from 'node:path';

export interface FileSlice {
	/** The slice's own file (removed when the consumer asks for the next slice). */
	path: string;
	/** Lines of the original file before this slice: its line k is line firstLine + k there. */
	firstLine: number;
	/** Lines in the slice (a last line without newline counts). */
	lines: number;
	bytes: number;
}

const NEWLINE = 0x0a;

function countNewlines(buf: Buffer): number {
	let n = 0;
	for (let i = buf.indexOf(NEWLINE); i !== -1; i = buf.indexOf(NEWLINE, i + 1)) n++;
	return n;
}

/**
 * Yields `file` as consecutive slices of at least `sliceBytes` (but whole lines: a slice ends
 * at the first newline after that size, or at the end of the file), written into `dir`. The
 * slice file is deleted when the next is asked for, and when the loop stops early. Lines in
 * `blank` (1-based, ascending) are written empty; `bytes` counts the file's bytes as they were.
 */
export async function* sliceCanonicalFile(
	file: string,
	dir: string,
	sliceBytes: number,
	blank: readonly number[] = []
): AsyncGenerator<FileSlice> {
	const stream = fs.createReadStream(file, { highWaterMark: 4 << 20 });
	let index = 0;
	let firstLine = 0;
	// The slice being written, if any (a cast: the closures below assign it).
	let current = null as { path: string; fd: number; bytes: number; newlines: number; endsWithNewline: boolean } | null;
	const open = () => {
		const slicePath = path.join(dir, `slice-${index++}.jsonl`);
		current = { path: slicePath, fd: fs.openSync(slicePath, 'w'), bytes: 0, newlines: 0, endsWithNewline: true };
		return current;
	};
	let nextBlank = 0;
	/** The piece without the text of the lines in `blank` (their newlines stay, so later lines keep their numbers). */
	const blanked = (piece: Buffer, line: number, newlines: number): Buffer => {
		while (nextBlank < blank.length && blank[nextBlank] < line) nextBlank++;
		if (nextBlank >= blank.length || blank[nextBlank] > line + newlines) return piece;
		const kept: Buffer[] = [];
		for (let start = 0; start < piece.length; line++) {
			const nl = piece.indexOf(NEWLINE, start);
			const end = nl === -1 ? piece.length : nl;
			while (nextBlank < blank.length && blank[nextBlank] < line) nextBlank++;
			if (blank[nextBlank] !== line) kept.push(piece.subarray(start, end));
			if (nl === -1) break;
			kept.push(piece.subarray(nl, nl + 1));
			start = nl + 1;
		}
		return Buffer.concat(kept);
	};
	const write = (piece: Buffer) => {
		const c = current ?? open();
		const newlines = countNewlines(piece);
		fs.writeSync(c.fd, blanked(piece, firstLine + c.newlines + 1, newlines));
		c.bytes += piece.length;
		c.newlines += newlines;
		c.endsWithNewline = piece[piece.length - 1] === NEWLINE;
	};
	const close = (): FileSlice => {
		const c = current!;
		current = null;
		fs.closeSync(c.fd);
		const slice = { path: c.path, firstLine, lines: c.newlines + (c.endsWithNewline ? 0 : 1), bytes: c.bytes };
		firstLine += slice.lines;
		return slice;
	};
	let last: string | null = null;
	try {
		for await (const chunk of stream as AsyncIterable<Buffer>) {
			let rest = chunk;
			while (rest.length) {
				const room = sliceBytes - (current?.bytes ?? 0);
				// Until the slice is full, take the whole chunk; after, up to the next newline.
				const cut = room > rest.length ? -1 : rest.indexOf(NEWLINE, Math.max(0, room - 1));
				if (cut === -1) {
					write(rest);
					break;
				}
				write(rest.subarray(0, cut + 1));
				rest = rest.subarray(cut + 1);
				const slice = close();
				last = slice.path;
				yield slice;
				fs.rmSync(slice.path, { force: true });
				last = null;
			}
		}
		if (current && current.bytes > 0) {
			const slice = close();
			last = slice.path;
			yield slice;
		}
	} finally {
		stream.destroy();
		if (current) {
			fs.closeSync(current.fd);
			fs.rmSync(current.path, { force: true });
		}
		if (last) fs.rmSync(last, { force: true });
	}
}
