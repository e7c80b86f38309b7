// One dashboard import job as the server keeps it (an upload's files or a queued task such as a
// sync), and the public view of it that pages poll.
import type { ImportProgress } from '../ingest';
import type { PublicJob } from '../../imports/types';

export interface JobFile {
	name: string;
	bytes: number;
	path: string;
	/** The chunk being written: the next one waits for it, then checks its offset. */
	writing: Promise<unknown>;
}

/** The public view plus what only the server keeps: the files' paths and when a chunk last came. */
export interface ImportJob extends Omit<PublicJob, 'files'> {
	files: JobFile[];
	/** When a chunk last arrived (or the job was made): an upload idle past the TTL expires. */
	touchedAt: number;
}

/** How a queued task reports while it runs. */
export interface TaskHandle {
	progress(p: ImportProgress | null): void;
	detail(text: string): void;
}

/** A job as made: nothing run yet. */
export function newJob(fields: Pick<ImportJob, 'id' | 'status' | 'username' | 'kind' | 'label' | 'files'>): ImportJob {
	return {
		...fields,
		detail: null,
		createdAt: new Date().toISOString(),
		progress: null,
		summary: null,
		error: null,
		runId: null,
		touchedAt: Date.now()
	};
}

export function toPublic(job: ImportJob): PublicJob {
	const { touchedAt: _, ...rest } = job;
	return { ...rest, files: job.files.map((f) => ({ name: f.name, bytes: f.bytes })) };
}
