// Reads `cluster --in FILE.jsonl`: one {"id": …, "text": "…"} per line; blank lines skipped.
// A bad line stops the run with the file, line number and what is wrong.
import fs from 'node:fs';
import { SupportLensError, UnreadableFileError } from '../errors';

export class ClusterInputError extends SupportLensError {}

export interface ClusterInputItem {
	id: string;
	text: string;
}

export function readClusterInput(file: string): ClusterInputItem[] {
	let content: string;
	try {
		content = fs.readFileSync(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new UnreadableFileError(
			`cannot read ${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message}`
		);
	}
	const items: ClusterInputItem[] = [];
	const ids = new Set<string>();
	content.split(/\r?\n/).forEach((line, index) => {
		const at = `${file}:${index + 1}`;
		if (!line.trim()) return;
		let value: unknown;
		try {
			value = JSON.parse(line);
		} catch {
			throw new ClusterInputError(`${at}: not valid JSON`);
		}
		if (!value || typeof value !== 'object' || Array.isArray(value))
			throw new ClusterInputError(`${at}: expected an object like {"id": "…", "text": "…"}`);
		const { id, text } = value as Record<string, unknown>;
		if (typeof id !== 'string' && typeof id !== 'number') throw new ClusterInputError(`${at}: "id" must be a string or number`);
		if (typeof text !== 'string') throw new ClusterInputError(`${at}: "text" must be a string`);
		if (ids.has(String(id))) throw new ClusterInputError(`${at}: duplicate id "${id}"`);
		ids.add(String(id));
		items.push({ id: String(id), text });
	});
	return items;
}
