// Expands the paths given to an import into readable files: a folder means every file in it
// (recursively, hidden files skipped). A path that can't be read stops the import up front.
import fs from 'node:fs';
import path from 'node:path';
import { UnreadableFileError } from '../errors';

export interface InputFile {
	path: string;
	bytes: number;
	/** True when the user named the file; false when it was found inside a named folder. */
	named: boolean;
}

function walk(dir: string, out: InputFile[]): void {
	for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
		if (entry.name.startsWith('.')) continue;
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) walk(full, out);
		else if (entry.isFile()) out.push({ path: full, bytes: fs.statSync(full).size, named: false });
	}
}

export function resolveInputFiles(paths: string[]): InputFile[] {
	const out: InputFile[] = [];
	for (const given of paths) {
		const full = path.resolve(given);
		let stat: fs.Stats;
		try {
			stat = fs.statSync(full);
			fs.accessSync(full, fs.constants.R_OK);
		} catch (error) {
			const code = (error as NodeJS.ErrnoException).code;
			const why = code === 'ENOENT' ? 'no such file or folder' : code === 'EACCES' ? 'permission denied' : code;
			throw new UnreadableFileError(`cannot read ${given}: ${why}`);
		}
		if (stat.isDirectory()) {
			const before = out.length;
			walk(full, out);
			if (out.length === before) throw new UnreadableFileError(`cannot read ${given}: the folder holds no files`);
		} else {
			out.push({ path: full, bytes: stat.size, named: true });
		}
	}
	return out;
}
