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
import { importFiles, type ImportProgress, type ImportSummary } from '../ingest';
import { beginImportRun, failImportRun, failInterruptedRuns } from '../ingest/importRunLog';
import { makeOwnedTempDir, sweepStaleTempDirs } from '../ingest/ownedTempDirs';
import { publicErrorMessage } from '../ingest/publicErrorMessage';
import type { Warehouse } from '../warehouse';
import type { JobStatus, PublicJob } from '../../imports/types';

export type { JobStatus, PublicJob };

export interface JobFile {
	name: string;
	bytes: number;
	path: string;
	/** The chunk being written: the next one waits for it, then checks its offset. */
	writing: Promise<unknown>;
}

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

export interface ImportJob {
	id: string;
	status: JobStatus;
	username: string;
	/** What runs: an upload's files, or a task such as "sync zendesk". */
	kind: 'upload' | 'task';
	/** A task's name ("sync zendesk"); null for uploads. */
	label: string | null;
	/** A task's own progress line (e.g. records fetched, rate, ETA); null for uploads. */
	detail: string | null;
	createdAt: string;
	files: JobFile[];
	progress: ImportProgress | null;
	summary: ImportSummary | null;
	error: string | null;
	/** The import run recorded for it, once it started. */
	runId: number | null;
	/** When a chunk last arrived (or the job was made): an upload idle past the TTL expires. */
	touchedAt: number;
}

/** How a queued task reports while it runs. */
export interface TaskHandle {
	progress(p: ImportProgress | null): void;
	detail(text: string): void;
}

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
		const dir = path.join(this.root, id);
		const seen = new Set<string>();
		const jobFiles = files.map((f, i) => {
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
		const job: ImportJob = {
			id,
			status: 'uploading',
			username,
			kind: 'upload',
			label: null,
			detail: null,
			createdAt: new Date().toISOString(),
			files: jobFiles,
			progress: null,
			summary: null,
			error: null,
			runId: null,
			touchedAt: Date.now()
		};
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
		const warehouse = await this.warehouse();
		const run = await warehouse.withConnection((db) =>
			db.one<{ id: number; status: JobStatus; error: string | null; files: string[]; started_at: Date }>(
				`SELECT id, status, error, files, started_at FROM import_runs WHERE job_id = ? ORDER BY id DESC LIMIT 1`,
				[id]
			)
		);
		if (!run) return undefined;
		return {
			id,
			status: run.status,
			username: '',
			kind: 'upload',
			label: null,
			detail: null,
			createdAt: run.started_at.toISOString(),
			files: run.files.map((name) => ({ name, bytes: 0 })),
			progress: null,
			summary: null,
			error: run.error,
			runId: run.id
		};
	}

	list(): PublicJob[] {
		return [...this.jobs.values()].reverse().map(toPublic);
	}

	/**
	 * Appends one chunk to a file of an uploading job. Chunks of one file are written one at a
	 * time, and each must start where the file ends (`offset` = its bytes so far), else
	 * UploadOffsetError: two requests for the same offset can't both land.
	 */
	async appendChunk(id: string, index: number, offset: number, chunk: Uint8Array): Promise<number> {
		const job = this.mustGet(id);
		const file = job.files[index];
		if (!file) throw new UsageError(`upload ${id} has no file #${index}`);
		const write = file.writing.then(async () => {
			if (job.status !== 'uploading') throw new UsageError(`upload ${id} is already ${job.status}`);
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
		const job: ImportJob = {
			id: randomUUID(),
			status: 'queued',
			username,
			kind: 'task',
			label,
			detail: null,
			createdAt: new Date().toISOString(),
			files: [],
			progress: null,
			summary: null,
			error: null,
			runId: null,
			touchedAt: Date.now()
		};
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

function toPublic(job: ImportJob): PublicJob {
	const { touchedAt: _, ...rest } = job;
	return { ...rest, files: job.files.map((f) => ({ name: f.name, bytes: f.bytes })) };
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
