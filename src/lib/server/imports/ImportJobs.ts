// Uploads imported by the running dashboard. An upload is a job: files arrive in chunks
// (adapter-node caps a request body at 512 KB by default), then the job runs the regular
// import pipeline on the server's own warehouse — one job at a time, since each import
// merges in one write transaction — while the pipeline's progress is kept for polling.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SupportLensError, UsageError } from '../errors';
import { importFiles, type ImportProgress, type ImportSummary } from '../ingest';
import type { Warehouse } from '../warehouse';

export type JobStatus = 'uploading' | 'queued' | 'running' | 'done' | 'failed';

export interface JobFile {
	name: string;
	bytes: number;
	path: string;
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
}

/** How a queued task reports while it runs. */
export interface TaskHandle {
	progress(p: ImportProgress | null): void;
	detail(text: string): void;
}

/** What the browser sees of a job (no server paths). */
export type PublicJob = Omit<ImportJob, 'files'> & { files: { name: string; bytes: number }[] };

const MAX_FILES = 50;
const KEEP_FINISHED = 20;

export class ImportJobs {
	private readonly jobs = new Map<string, ImportJob>();
	private chain: Promise<unknown> = Promise.resolve();

	private rootDir: string | undefined;

	/** `root` holds uploads until imported; by default a temp folder, made on the first upload
	 * and removed when the process exits. */
	constructor(
		private readonly warehouse: () => Promise<Warehouse>,
		root?: string
	) {
		this.rootDir = root;
	}

	private get root(): string {
		if (!this.rootDir) {
			const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'supportlens-uploads-'));
			process.once('exit', () => fs.rmSync(temp, { recursive: true, force: true }));
			this.rootDir = temp;
		}
		return this.rootDir;
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
			return { name: display, bytes: 0, path: file };
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
			error: null
		};
		this.jobs.set(id, job);
		this.prune();
		return toPublic(job);
	}

	get(id: string): PublicJob | undefined {
		const job = this.jobs.get(id);
		return job && toPublic(job);
	}

	list(): PublicJob[] {
		return [...this.jobs.values()].reverse().map(toPublic);
	}

	/** Appends one chunk to a file of an uploading job; `offset` must be the bytes received so far. */
	async appendChunk(id: string, index: number, offset: number, chunk: Uint8Array): Promise<number> {
		const job = this.mustGet(id);
		if (job.status !== 'uploading') throw new UsageError(`upload ${id} is already ${job.status}`);
		const file = job.files[index];
		if (!file) throw new UsageError(`upload ${id} has no file #${index}`);
		if (offset !== file.bytes) throw new UsageError(`file #${index} has ${file.bytes} bytes so far, not ${offset}`);
		await fs.promises.appendFile(file.path, chunk);
		file.bytes += chunk.byteLength;
		return file.bytes;
	}

	/** Queues the job's import; resolves at once. Poll `get(id)` for progress. */
	start(id: string): PublicJob {
		const job = this.mustGet(id);
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
			error: null
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
				job.error = error instanceof SupportLensError ? error.message : `${label} stopped unexpectedly: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
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
		try {
			const warehouse = await this.warehouse();
			job.summary = await importFiles(
				warehouse,
				job.files.map((f) => f.path),
				{
					origin: 'upload',
					displayNames,
					onProgress: (p) => {
						job.progress = { ...p };
					}
				}
			);
			job.status = 'done';
		} catch (error) {
			job.status = 'failed';
			job.error =
				error instanceof SupportLensError
					? redactPaths(error.message, displayNames)
					: `the import stopped unexpectedly: ${redactPaths(error instanceof Error ? error.message.split('\n')[0] : String(error), displayNames)}`;
			if (!(error instanceof SupportLensError)) console.error(error);
		} finally {
			fs.rmSync(path.join(this.root, job.id), { recursive: true, force: true });
		}
	}

	private mustGet(id: string): ImportJob {
		const job = this.jobs.get(id);
		if (!job) throw new UsageError(`no upload ${id}`);
		return job;
	}

	/** Forgets old finished jobs (their outcome stays in import_runs). */
	private prune(): void {
		const finished = [...this.jobs.values()].filter((j) => j.status === 'done' || j.status === 'failed');
		for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(job.id);
	}
}

function toPublic(job: ImportJob): PublicJob {
	return { ...job, files: job.files.map((f) => ({ name: f.name, bytes: f.bytes })) };
}

/** A file name without folders or odd characters, keeping its extension. */
export function safeFileName(name: string): string {
	const base = name.split(/[\\/]/).pop() ?? '';
	const clean = base.replace(/[^\p{L}\p{N}._ -]+/gu, '_').replace(/^\.+/, '').trim().slice(-120);
	return clean || 'upload';
}

/** Error messages name the user's file, never the server's temp path. */
function redactPaths(message: string, displayNames: Record<string, string>): string {
	let out = message;
	for (const [p, name] of Object.entries(displayNames)) out = out.split(p).join(name);
	return out;
}
