// Plain-JS entry for staging workers. Worker threads don't inherit tsx's loader on Node 20,
// so a TypeScript entry (CLI, bench, tests run through tsx) is loaded through tsx's API.
import { workerData } from 'node:worker_threads';

if (workerData.entry.endsWith('.ts')) {
	const { tsImport } = await import('tsx/esm/api');
	await tsImport(workerData.entry, import.meta.url);
} else {
	await import(workerData.entry);
}
