// Picks the adapter for a file from its first 64 KiB.
import fs from 'node:fs';
import { ADAPTERS } from './adapters';
import type { FileSample, FormatAdapter } from './types';

const SAMPLE_BYTES = 64 * 1024;

export function readSample(file: string): FileSample {
	const fd = fs.openSync(file, 'r');
	try {
		const buf = Buffer.alloc(SAMPLE_BYTES);
		const n = fs.readSync(fd, buf, 0, SAMPLE_BYTES, 0);
		return { path: file, head: new TextDecoder('utf-8').decode(buf.subarray(0, n)).replace(/^\uFEFF/, '') };
	} finally {
		fs.closeSync(fd);
	}
}

export function detectFormat(file: string, adapters: FormatAdapter[] = ADAPTERS): FormatAdapter | undefined {
	const sample = readSample(file);
	if (sample.head.trim() === '') return undefined;
	return adapters.find((adapter) => {
		try {
			return adapter.detect(sample);
		} catch {
			return false;
		}
	});
}
