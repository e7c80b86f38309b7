// Reads a (possibly huge, pretty-printed) JSON document incrementally: the elements of a
// top-level array, or of a list key of a top-level object (`{"type":"conversation.list",
// "conversations":[…]}`), come out one at a time, so memory holds one element, never the file.
// A top-level object without such a key comes out whole (one conversation), up to a size cap.
import fs from 'node:fs';
import type { RecordLocation } from '../../types';

/** One element, or the whole top-level object, larger than this is refused (not held). */
export const MAX_ELEMENT_BYTES = 64 * 1024 * 1024;
const RAW_LIMIT = 2000;

export type DocumentElement =
	| { ok: true; value: unknown; location: RecordLocation; key: string | null }
	| { ok: false; location: RecordLocation; reason: string; raw?: string };

const QUOTE = 0x22,
	BACKSLASH = 0x5c,
	NEWLINE = 0x0a,
	COLON = 0x3a,
	COMMA = 0x2c;
const OPEN_OBJ = 0x7b,
	CLOSE_OBJ = 0x7d,
	OPEN_ARR = 0x5b,
	CLOSE_ARR = 0x5d;
const isSpace = (b: number) => b === 0x20 || b === NEWLINE || b === 0x0d || b === 0x09;

const sizeText = (bytes: number) => (bytes >= 1 << 20 ? `${bytes >> 20} MiB` : `${bytes} bytes`);

const strict = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');

function parse(bytes: Buffer, location: RecordLocation, key: string | null): DocumentElement {
	let text: string;
	try {
		text = strict.decode(bytes);
	} catch {
		return { ok: false, location, reason: 'invalid UTF-8', raw: lossy.decode(bytes.subarray(0, RAW_LIMIT)) };
	}
	try {
		return { ok: true, value: JSON.parse(text), location, key };
	} catch (error) {
		const why = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ');
		return { ok: false, location, reason: `bad JSON: ${why}`, raw: text.slice(0, RAW_LIMIT) };
	}
}

/**
 * Yields the records of one JSON document (or of several concatenated ones). `listKeys` names
 * the keys of a top-level object whose array value holds the records; `key` on each element
 * says which list it came from (null: a top-level array element or a whole top-level object).
 */
export async function* streamJsonDocument(
	file: string,
	listKeys: readonly string[],
	onBytes: (n: number) => void,
	maxElementBytes = MAX_ELEMENT_BYTES,
	chunkBytes = 1 << 20
): AsyncGenerator<DocumentElement> {
	let depth = 0;
	let inString = false;
	let escaped = false;
	let line = 1;
	// The top-level value being read: its kind, and the list (depth + key) whose elements are records.
	let topIsObject = false;
	let listDepth = -1;
	let listKey: string | null = null;
	let listIndex = 0;
	// Key tracking inside a top-level object: the last string closed at depth 1, then its colon.
	let keyText = '';
	let keyDone = false;
	let pendingKey: string | null = null;
	// The element (or whole top-level object) being captured.
	let pieces: Buffer[] = [];
	let capturing = false;
	let captureStart = 0;
	let captureBytes = 0;
	let captureLine = 0;
	let oversized = false;
	let topValueCount = 0;
	let broken: string | null = null;

	const location = (): RecordLocation =>
		listDepth >= 0
			? { file, line: captureLine, record: `${listKey ?? ''}[${listIndex}]` }
			: { file, line: captureLine, record: topValueCount > 1 ? `document ${topValueCount}` : 'document' };

	function startCapture(at: number) {
		capturing = true;
		captureStart = at;
		captureBytes = 0;
		captureLine = line;
		oversized = false;
		pieces = [];
	}

	function keep(chunk: Buffer, end: number) {
		if (!capturing || oversized) return;
		captureBytes += end - captureStart;
		if (captureBytes > maxElementBytes) {
			oversized = true;
			pieces = [];
			return;
		}
		pieces.push(chunk.subarray(captureStart, end));
	}

	function finishCapture(chunk: Buffer, end: number): DocumentElement | null {
		keep(chunk, end);
		capturing = false;
		const loc = location();
		if (oversized) {
			return { ok: false, location: loc, reason: `a record larger than ${sizeText(maxElementBytes)} is not read` };
		}
		const bytes = Buffer.concat(pieces);
		pieces = [];
		if (bytes.every(isSpace)) return null; // `[]` or a trailing comma: nothing there
		return parse(bytes, loc, listKey);
	}

	const stream = fs.createReadStream(file, { highWaterMark: chunkBytes });
	let first = true;
	for await (const raw of stream as AsyncIterable<Buffer>) {
		let chunk = raw;
		if (first) {
			first = false;
			if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
		}
		onBytes(raw.length);
		const out: DocumentElement[] = [];
		const n = chunk.length;
		for (let i = 0; i < n; i++) {
			const b = chunk[i];
			if (b === NEWLINE) line++;
			if (inString) {
				if (escaped) escaped = false;
				else if (b === BACKSLASH) escaped = true;
				else if (b === QUOTE) {
					inString = false;
					if (depth === 1 && topIsObject) keyDone = true;
				} else if (depth === 1 && topIsObject && keyText.length < 64) keyText += String.fromCharCode(b);
				continue;
			}
			if (isSpace(b)) continue;
			// In a record list, the first non-space byte after `[` or `,` starts an element.
			if (listDepth >= 0 && depth === listDepth && !capturing && b !== CLOSE_ARR && b !== COMMA) startCapture(i);
			if (depth === 0 && !capturing) {
				topValueCount++;
				startCapture(i); // the top-level value is kept whole unless it turns out to be a list
				topIsObject = b === OPEN_OBJ;
			}
			if (b === QUOTE) {
				inString = true;
				if (depth === 1 && topIsObject) {
					keyText = '';
					keyDone = false;
				}
			} else if (b === COLON) {
				if (depth === 1 && topIsObject && keyDone) pendingKey = keyText;
			} else if (b === OPEN_OBJ || b === OPEN_ARR) {
				depth++;
				if (b === OPEN_ARR && depth === 1 && listDepth < 0) {
					// A top-level array: its elements are the records.
					capturing = false;
					pieces = [];
					listDepth = 1;
					listKey = null;
					listIndex = 0;
				} else if (b === OPEN_ARR && depth === 2 && topIsObject && pendingKey !== null && listKeys.includes(pendingKey)) {
					// A list of records inside the top-level object: stop keeping the object itself.
					capturing = false;
					pieces = [];
					listDepth = 2;
					listKey = pendingKey;
					listIndex = 0;
				}
				pendingKey = null;
			} else if (b === CLOSE_OBJ || b === CLOSE_ARR) {
				if (listDepth >= 0 && depth === listDepth) {
					if (b !== CLOSE_ARR) {
						broken = `unexpected "}" in a list at line ${line}; the rest of the file cannot be read`;
						break;
					}
					if (capturing) {
						const element = finishCapture(chunk, i);
						if (element) out.push(element);
						listIndex++;
					}
					listDepth = -1;
					listKey = null;
				}
				depth--;
				if (depth < 0) {
					broken = `unexpected "${String.fromCharCode(b)}" at line ${line}; the rest of the file cannot be read`;
					break;
				}
				if (depth === 0 && capturing) {
					// A whole top-level value that held no record list: one record.
					const element = finishCapture(chunk, i + 1);
					if (element) out.push(element);
				}
				if (depth === 0) topIsObject = false;
			} else if (b === COMMA) {
				if (listDepth >= 0 && depth === listDepth && capturing) {
					const element = finishCapture(chunk, i);
					if (element) out.push(element);
					listIndex++;
				}
			} else if (depth === 0) {
				// A bare scalar at the top level: read it up to the next space as one (invalid) record.
				let j = i;
				while (j < n && !isSpace(chunk[j])) j++;
				const element = finishCapture(chunk, j);
				if (element) out.push(element);
				i = j - 1;
			}
		}
		if (broken) {
			yield* out;
			stream.destroy();
			yield { ok: false, location: { file, line, record: 'document' }, reason: broken };
			return;
		}
		if (capturing) {
			keep(chunk, n);
			captureStart = 0;
		}
		yield* out;
	}
	if (inString || depth > 0 || capturing) {
		const where = listDepth >= 0 ? `${listKey ?? ''}[${listIndex}]` : 'the document';
		yield {
			ok: false,
			location: { file, line: capturing ? captureLine : line, record: listDepth >= 0 ? `${listKey ?? ''}[${listIndex}]` : 'document' },
			reason: `the file ends inside ${where} (an unterminated string or unbalanced brackets)`,
			raw: capturing && !oversized ? lossy.decode(Buffer.concat(pieces).subarray(0, RAW_LIMIT)) : undefined
		};
	}
}
