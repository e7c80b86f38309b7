// An upload's files on disk: safe names in a folder per job, and chunks appended one at a time
// at the offset each file has reached (adapter-node caps a request body, so files arrive in chunks).
import fs from 'node:fs';
import path from 'node:path';
import { SupportLensError, UsageError } from '../errors';
import type { ImportJob, JobFile } from './importJob';

/** A chunk sent at an offset other than the bytes the file has: the client must resume from `expected`. */
export class UploadOffsetError extends SupportLensError {
	override readonly httpStatus = 409;
	constructor(
		readonly expected: number,
		index: number,
		offset: number
	) {
		super(`file #${index} has ${expected} bytes so far, not ${offset}: send the chunk at offset ${expected}`);
	}
}

/** Empty files for an upload in `dir`, each in a sub-folder; names that repeat are told apart on screen. */
export function createUploadFiles(dir: string, files: { name: string }[]): JobFile[] {
	const seen = new Set<string>();
	return files.map((f, i) => {
		const name = safeFileName(f.name);
		// Keep the original name (adapters detect some formats by it); a sub-folder per
		// file keeps two uploads called the same from colliding.
		const file = path.join(dir, String(i), name);
		fs.mkdirSync(path.dirname(file), { recursive: true });
		fs.writeFileSync(file, '');
		const display = seen.has(name) ? `${name} (${i + 1})` : name;
		seen.add(name);
		return { name: display, bytes: 0, path: file, writing: Promise.resolve() };
	});
}

/**
 * Appends one chunk to file #index of an uploading job. Chunks of one file are written one at
 * a time, and each must start where the file ends (`offset` = its bytes so far), else
 * UploadOffsetError: two requests for the same offset can't both land.
 */
export async function appendUploadChunk(job: ImportJob, index: number, offset: number, chunk: Uint8Array): Promise<number> {
	const file = job.files[index];
	if (!file) throw new UsageError(`upload ${job.id} has no file #${index}`);
	const write = file.writing.then(async () => {
		if (job.status !== 'uploading') throw new UsageError(`upload ${job.id} is already ${job.status}`);
		if (offset !== file.bytes) throw new UploadOffsetError(file.bytes, index, offset);
		job.touchedAt = Date.now();
		await fs.promises.appendFile(file.path, chunk);
		file.bytes += chunk.byteLength;
		job.touchedAt = Date.now();
		return file.bytes;
	});
	file.writing = write.catch(() => {});
	return write;
}

/** A file name without folders or odd characters, keeping its extension. */
export function safeFileName(name: string): string {
	const base = name.split(/[\\/]/).pop() ?? '';
	const clean = base
		.replace(/[^\p{L}\p{N}._ -]+/gu, '_')
		.replace(/^\.+/, '')
		.trim()
		.slice(-120);
	return clean || 'upload';
}
