// Uploads imported by the running dashboard. An upload is a job: files arrive in chunks
// (adapter-node caps a request body at 512 KB by default), each file's chunks one after the
// other at the offset the file has reached; then the job runs the regular import pipeline
// on the server's own warehouse — one job at a time, since each import merges in one write
// transaction — while the pipeline's progress is kept for polling. The run is recorded as
// 'running' before it reads anything, so a crash leaves a row the next start marks failed;
// an upload nobody finishes expires and its files are removed.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { NotFoundError, SupportLensError, UsageError } from '../errors';
import { importFiles, type ImportSummary } from '../ingest';
import { beginImportRun, failImportRun, failInterruptedRuns } from '../ingest/importRunLog';
import { makeOwnedTempDir, sweepStaleTempDirs } from '../ingest/ownedTempDirs';
import { publicErrorMessage } from '../ingest/publicErrorMessage';
import type { Warehouse } from '../warehouse';
import type { JobStatus, PublicJob } from '../../imports/types';
import { newJob, toPublic, type ImportJob, type TaskHandle } from './importJob';
import { recordedJob } from './recordedJob';
import { appendUploadChunk, createUploadFiles } from './uploadFiles';

export type { JobStatus, PublicJob, ImportJob, TaskHandle };
export { safeFileName, UploadOffsetError } from './uploadFiles';

const MAX_FILES = 50;
const KEEP_FINISHED = 20;
/** An upload with no chunk for this long is abandoned: forgotten and its files removed. */
export const UPLOAD_TTL_MS = 60 * 60_000;

export interface ImportJobsOptions {
	/** Holds uploads until imported; by default a temp folder named after this process, made on the first upload. */
	root?: string;
	ttlMs?: number;
	/** How often abandoned uploads are swept (0: only when a job is created or a chunk arrives). */
	sweepEveryMs?: number;
}

export class ImportJobs {
	private readonly jobs = new Map<string, ImportJob>();
	private chain: Promise<unknown> = Promise.resolve();
	private rootDir: string | undefined;
	private readonly ttlMs: number;

	constructor(
		/** The warehouse its jobs import into (tasks such as a sync open it through here too). */
		readonly warehouse: () => Promise<Warehouse>,
		options: ImportJobsOptions = {}
	) {
		this.rootDir = options.root;
		this.ttlMs = options.ttlMs ?? UPLOAD_TTL_MS;
		const every = options.sweepEveryMs ?? Math.min(this.ttlMs, 5 * 60_000);
		if (every > 0) setInterval(() => this.expireAbandoned(), every).unref();
	}

	private get root(): string {
		if (!this.rootDir) {
			const temp = makeOwnedTempDir('uploads');
			process.once('exit', () => fs.rmSync(temp, { recursive: true, force: true }));
			this.rootDir = temp;
		}
		return this.rootDir;
	}

	/**
	 * At server start: runs left 'running' by a process that died are marked failed with the
	 * reason, and temp folders of dead processes (uploads, staging) are removed.
	 */
	async recover(): Promise<{ failedRuns: number; removedFolders: string[] }> {
		const removedFolders = sweepStaleTempDirs();
		const warehouse = await this.warehouse();
		const failedRuns = await warehouse.withConnection((db) => failInterruptedRuns(db));
		return { failedRuns, removedFolders };
	}

	create(username: string, files: { name: string }[]): PublicJob {
		if (files.length === 0) throw new UsageError('choose at least one file to import');
		if (files.length > MAX_FILES) throw new UsageError(`at most ${MAX_FILES} files per upload`);
		const id = randomUUID();
		const job = newJob({
			id,
			status: 'uploading',
			username,
			kind: 'upload',
			label: null,
			files: createUploadFiles(path.join(this.root, id), files)
		});
		this.expireAbandoned();
		this.jobs.set(id, job);
		this.prune();
		return toPublic(job);
	}

	get(id: string): PublicJob | undefined {
		const job = this.jobs.get(id);
		return job && toPublic(job);
	}

	/**
	 * A job this process knows, or else what the warehouse recorded of it — an upload whose
	 * import was cut short by a restart still answers with its run's outcome.
	 */
	async lookUp(id: string): Promise<PublicJob | undefined> {
		const known = this.get(id);
		if (known) return known;
		return recordedJob(await this.warehouse(), id);
	}

	list(): PublicJob[] {
		return [...this.jobs.values()].reverse().map(toPublic);
	}

	/** Appends one chunk to file #index of an uploading job (see appendUploadChunk). */
	async appendChunk(id: string, index: number, offset: number, chunk: Uint8Array): Promise<number> {
		return appendUploadChunk(this.mustGet(id), index, offset, chunk);
	}

	/** Forgets uploads that got no chunk within the TTL and never started, and removes their files. */
	expireAbandoned(now = Date.now()): string[] {
		const expired: string[] = [];
		for (const job of this.jobs.values()) {
			if (job.status !== 'uploading' || now - job.touchedAt < this.ttlMs) continue;
			this.jobs.delete(job.id);
			job.status = 'failed';
			job.error = 'the upload expired before it was complete';
			if (this.rootDir) fs.rmSync(path.join(this.rootDir, job.id), { recursive: true, force: true });
			expired.push(job.id);
		}
		return expired;
	}

	/** Queues the job's import once its chunks are written; resolves at once. Poll `get(id)` for progress. */
	async start(id: string): Promise<PublicJob> {
		const job = this.mustGet(id);
		if (job.status === 'uploading') await Promise.all(job.files.map((f) => f.writing));
		if (job.status !== 'uploading') throw new UsageError(`upload ${id} is already ${job.status}`);
		job.status = 'queued';
		this.chain = this.chain.then(() => this.run(job));
		return toPublic(job);
	}

	/**
	 * Queues work that imports through the pipeline by itself (a vendor sync) behind the
	 * uploads, so imports still merge one at a time. `run` reports through the handle and
	 * returns the import's summary, or null when there was nothing to import.
	 */
	enqueue(username: string, label: string, run: (job: TaskHandle) => Promise<ImportSummary | null>): PublicJob {
		const job = newJob({ id: randomUUID(), status: 'queued', username, kind: 'task', label, files: [] });
		this.jobs.set(job.id, job);
		this.prune();
		const handle: TaskHandle = {
			progress: (p) => {
				job.progress = p ? { ...p } : null;
			},
			detail: (text) => {
				job.detail = text;
			}
		};
		this.chain = this.chain.then(async () => {
			job.status = 'running';
			try {
				job.summary = await run(handle);
				job.status = 'done';
			} catch (error) {
				job.status = 'failed';
				job.error =
					error instanceof SupportLensError
						? error.message
						: `${label} stopped unexpectedly: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
				if (!(error instanceof SupportLensError)) console.error(error);
			}
		});
		return toPublic(job);
	}

	/** Resolves when every queued job has finished (tests, shutdown). */
	idle(): Promise<void> {
		return this.chain.then(() => undefined);
	}

	private async run(job: ImportJob): Promise<void> {
		job.status = 'running';
		const displayNames = Object.fromEntries(job.files.map((f) => [f.path, f.name]));
		let warehouse: Warehouse | undefined;
		try {
			warehouse = await this.warehouse();
			job.runId = await beginImportRun(warehouse, { origin: 'upload', files: job.files.map((f) => f.name), jobId: job.id });
			job.summary = await importFiles(
				warehouse,
				job.files.map((f) => f.path),
				{
					origin: 'upload',
					displayNames,
					runId: job.runId,
					onProgress: (p) => {
						job.progress = { ...p };
					}
				}
			);
			job.status = 'done';
		} catch (error) {
			job.status = 'failed';
			job.error = publicErrorMessage(error, displayNames);
			if (!(error instanceof SupportLensError)) console.error(error);
			// A failure before any record was read (an unknown format) ends the run here.
			if (warehouse && job.runId !== null) await failImportRun(warehouse, job.runId, job.error).catch(() => {});
		} finally {
			fs.rmSync(path.join(this.root, job.id), { recursive: true, force: true });
		}
	}

	private mustGet(id: string): ImportJob {
		const job = this.jobs.get(id);
		if (!job) throw new NotFoundError(`no upload ${id}`);
		return job;
	}

	/** Forgets old finished jobs (their outcome stays in import_runs). */
	private prune(): void {
		const finished = [...this.jobs.values()].filter((j) => j.status === 'done' || j.status === 'failed');
		for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(job.id);
	}
}
