// Reads a vendor JSON export file as a stream of parsed JSON values: JSON Lines (one value per
// line, streamed in bounded memory), or one pretty-printed JSON document (read whole, up to a
// size limit). Shared by the Zendesk and Intercom adapters.
import fs from 'node:fs';
import { readLines } from '../../readLines';
import type { RecordLocation } from '../../types';
import { unwrapEnvelope } from '../shared/streamEnvelope';

/** A pretty-printed (multi-line) JSON document is parsed whole; past this size it is refused. */
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;
const RAW_LIMIT = 2000;
/** What to do about one broken line of JSON Lines. */
const FIX_LINE = ' (fix or remove this line; the rest of the file loads)';

export type JsonRecord =
	/** `stream`: the Airbyte/Singer stream the value came in, when the line was such an envelope. */
	| { ok: true; value: unknown; location: RecordLocation; stream?: string }
	| { ok: false; location: RecordLocation; reason: string; raw?: string };

/** A first line that can only be the opening of a multi-line document, not a JSON Lines record. */
function opensDocument(firstLine: string): boolean {
	const t = firstLine.trim();
	return t === '{' || t === '[' || /[[{,]$/.test(t);
}

function errorText(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

async function* readDocument(file: string, alreadyCounted: number, onBytes: (n: number) => void): AsyncGenerator<JsonRecord> {
	const size = fs.statSync(file).size;
	const location = { file, record: 'document' };
	if (size > MAX_DOCUMENT_BYTES) {
		onBytes(size - alreadyCounted);
		yield {
			ok: false,
			location,
			reason: `a multi-line JSON document larger than ${MAX_DOCUMENT_BYTES >> 20} MiB is not read; export it as JSON Lines (one object per line)`
		};
		return;
	}
	const bytes = await fs.promises.readFile(file);
	onBytes(size - alreadyCounted);
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
	} catch {
		yield { ok: false, location, reason: 'invalid UTF-8 in a JSON document (the whole document is unreadable)' };
		return;
	}
	try {
		yield { ok: true, value: JSON.parse(text), location };
	} catch (error) {
		yield { ok: false, location, reason: `bad JSON: ${errorText(error)}`, raw: text.slice(0, RAW_LIMIT) };
	}
}

/**
 * Yields each JSON value of a file with its location; Airbyte and Singer record lines are
 * unwrapped to their vendor object (with the stream name), their control messages skipped. Lines that are not valid JSON or not
 * valid UTF-8 come back as `ok: false` with their line number; the other lines still load.
 */
export async function* readJsonRecords(file: string, onBytes: (n: number) => void): AsyncGenerator<JsonRecord> {
	let counted = 0;
	let sawFirst = false;
	for await (const line of readLines(file)) {
		counted += line.bytes;
		onBytes(line.bytes);
		const location = { file, line: line.line };
		if ('error' in line) {
			sawFirst = true;
			yield { ok: false, location, reason: line.error, raw: line.raw.slice(0, RAW_LIMIT) };
			continue;
		}
		const text = line.line === 1 ? line.text.replace(/^\uFEFF/, '') : line.text;
		if (text.trim() === '') continue;
		let value: unknown;
		try {
			value = JSON.parse(text);
		} catch (error) {
			if (!sawFirst && opensDocument(text)) {
				// Not JSON Lines: a pretty-printed document. Stop streaming lines and parse it whole.
				yield* readDocument(file, counted, onBytes);
				return;
			}
			sawFirst = true;
			yield { ok: false, location, reason: `bad JSON: ${errorText(error)}${FIX_LINE}`, raw: text.slice(0, RAW_LIMIT) };
			continue;
		}
		sawFirst = true;
		const envelope = unwrapEnvelope(value);
		if (envelope?.kind === 'control') continue;
		if (envelope) yield { ok: true, value: envelope.data, location, stream: envelope.stream };
		else yield { ok: true, value, location };
	}
}

export function isObject(value: unknown): value is Record<string, unknown> {
	return value !== null && typeof value === 'object' && !Array.isArray(value);
}
