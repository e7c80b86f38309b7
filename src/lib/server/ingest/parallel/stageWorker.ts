// Staging worker: validates and flattens batches of records off the importing thread.
import { parentPort } from 'node:worker_threads';
import { stageRecord } from '../stageRecord';
import type { AdapterRecord } from '../types';

interface Job {
	id: number;
	batch: AdapterRecord[];
	firstOrd: number;
}

parentPort!.on('message', ({ id, batch, firstOrd }: Job) => {
	try {
		parentPort!.postMessage({ id, staged: batch.map((record, i) => stageRecord(record, firstOrd + i)) });
	} catch (error) {
		parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
	}
});
