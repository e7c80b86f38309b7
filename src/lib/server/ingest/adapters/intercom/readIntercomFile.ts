// Reads one Intercom export file as a stream of JSON values with their locations: JSON Lines
// (one conversation, or one API page, per line) line by line, or a pretty-printed JSON
// document (`conversation.list`, an array, one conversation) element by element.
import fs from 'node:fs';
import { readJsonRecords, type JsonRecord } from '../zendesk/readJsonRecords';
import { streamJsonDocument } from './streamJsonDocument';

/** The keys of Intercom list objects whose arrays hold the records. */
export const LIST_KEYS = ['conversations', 'teams', 'admins', 'data'] as const;

/** True when the file is a JSON document to stream element by element, not JSON Lines. */
export function isDocument(head: string): boolean {
	const newline = head.indexOf('\n');
	const first = (newline === -1 ? head : head.slice(0, newline)).trim();
	if (first === '') return false;
	try {
		JSON.parse(first);
		return false; // a whole value on the first line: JSON Lines
	} catch {
		// A first line longer than the sample: a minified list streams by element; a single
		// conversation per line stays JSON Lines.
		if (newline === -1) return first.startsWith('[') || /^\{\s*"type"\s*:\s*"[a-z_]+\.list"/.test(first);
		return first === '{' || first === '[' || /[[{,]$/.test(first);
	}
}

const HEAD_BYTES = 64 * 1024;

function readHead(file: string): string {
	const fd = fs.openSync(file, 'r');
	try {
		const buf = Buffer.alloc(HEAD_BYTES);
		const n = fs.readSync(fd, buf, 0, HEAD_BYTES, 0);
		return new TextDecoder('utf-8').decode(buf.subarray(0, n)).replace(/^\uFEFF/, '');
	} finally {
		fs.closeSync(fd);
	}
}

export async function* readIntercomFile(file: string, onBytes: (n: number) => void): AsyncGenerator<JsonRecord & { key?: string | null }> {
	const head = readHead(file).replace(/^\s+/, '');
	if (!isDocument(head)) {
		yield* readJsonRecords(file, onBytes);
		return;
	}
	yield* streamJsonDocument(file, LIST_KEYS, onBytes);
}
