// Creates a folder and its missing parents one level at a time. (Node 20's recursive mkdirSync
// loops forever under some virtual file systems such as /proc; this fails with a reason.)
import fs from 'node:fs';
import path from 'node:path';
import { OutputFolderError } from './OutputFolderError';

export function ensureFolder(dir: string, shownAs = dir): void {
	const full = path.resolve(dir);
	const missing: string[] = [];
	let at = full;
	while (!fs.existsSync(at)) {
		missing.unshift(at);
		const parent = path.dirname(at);
		if (parent === at) break;
		at = parent;
	}
	try {
		for (const folder of missing) fs.mkdirSync(folder);
		if (!fs.statSync(full).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
		fs.accessSync(full, fs.constants.W_OK);
	} catch (error) {
		throw OutputFolderError.from(shownAs, error);
	}
}
