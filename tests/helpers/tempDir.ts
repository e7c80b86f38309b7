// A fresh temp folder per test file, removed afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function makeTempDir(prefix = 'supportlens-test-'): { dir: string; cleanup: () => void } {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
	return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export function writeJsonl(file: string, lines: (object | string)[]): string {
	fs.writeFileSync(file, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n');
	return file;
}
