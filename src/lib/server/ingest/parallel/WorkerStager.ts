// A pool of staging workers for large imports from the command line. Each batch goes to the
// least busy worker; a crashed worker fails the import (nothing is committed).
import { Worker } from 'node:worker_threads';
import type { RecordStager } from '../RecordStager';
import type { StagedRecord } from '../stageRecord';
import type { AdapterRecord } from '../types';

interface Pending {
	resolve: (staged: StagedRecord[]) => void;
	reject: (error: Error) => void;
}

interface PoolWorker {
	worker: Worker;
	busy: number;
}

export class WorkerStager implements RecordStager {
	readonly maxInFlight: number;
	private readonly pending = new Map<number, Pending & { owner: PoolWorker }>();
	private nextId = 0;
	private failure: Error | null = null;
	private closed = false;

	private constructor(private readonly pool: PoolWorker[]) {
		this.maxInFlight = pool.length * 2;
		for (const member of pool) {
			member.worker.on('message', (message: { id: number; staged?: StagedRecord[]; error?: string }) => {
				const job = this.pending.get(message.id);
				if (!job) return;
				this.pending.delete(message.id);
				job.owner.busy--;
				if (message.error) job.reject(new Error(`staging worker: ${message.error}`));
				else job.resolve(message.staged!);
			});
			member.worker.on('error', (error) => this.fail(new Error(`staging worker crashed: ${error.message}`)));
			member.worker.on('exit', (code) => {
				if (code !== 0) this.fail(new Error(`staging worker exited with code ${code}`));
			});
		}
	}

	/** Starts `size` workers running the TypeScript or built JavaScript staging entry. */
	static start(size: number): WorkerStager {
		const here = import.meta.url;
		const entry = new URL(here.endsWith('.ts') ? './stageWorker.ts' : './stageWorker.js', here).href;
		const boot = new URL('./stageWorkerBoot.mjs', here);
		const pool = Array.from({ length: size }, () => ({ worker: new Worker(boot, { workerData: { entry } }), busy: 0 }));
		return new WorkerStager(pool);
	}

	stage(batch: AdapterRecord[], firstOrd: number): Promise<StagedRecord[]> {
		if (this.failure) return Promise.reject(this.failure);
		const owner = this.pool.reduce((a, b) => (b.busy < a.busy ? b : a));
		const id = this.nextId++;
		owner.busy++;
		return new Promise((resolve, reject) => {
			this.pending.set(id, { resolve, reject, owner });
			owner.worker.postMessage({ id, batch, firstOrd });
		});
	}

	private fail(error: Error): void {
		this.failure ??= error;
		for (const job of this.pending.values()) job.reject(error);
		this.pending.clear();
	}

	/** Idempotent. */
	async close(): Promise<void> {
		if (this.closed) return;
		this.closed = true;
		this.failure ??= new Error('staging pool closed');
		await Promise.all(this.pool.map((m) => m.worker.terminate()));
	}
}
