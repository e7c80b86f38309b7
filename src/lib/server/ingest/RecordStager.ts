// Where adapter records are validated and flattened: in the importing thread (`inlineStager`)
// or in a pool of worker threads (parallel/WorkerStager). Results come back in batch order.
import type { AdapterRecord } from './types';
import { stageRecord, type StagedRecord } from './stageRecord';

export interface RecordStager {
	/** How many batches may be in flight before the importer waits for the oldest. */
	readonly maxInFlight: number;
	/** Stages a batch whose records are numbered from `firstOrd` on. */
	stage(batch: AdapterRecord[], firstOrd: number): Promise<StagedRecord[]>;
	close(): Promise<void>;
}

export const inlineStager: RecordStager = {
	maxInFlight: 0,
	async stage(batch, firstOrd) {
		return batch.map((record, i) => stageRecord(record, firstOrd + i));
	},
	async close() {}
};
