// Browser-safe shapes of an upload import as the Imports page sees it (progress, outcome,
// the job without server paths): the server's ingest and upload modules build them.

export interface ImportProgress {
	phase: 'reading' | 'loading' | 'done';
	/** Records read so far (valid and quarantined). */
	records: number;
	quarantined: number;
	bytesRead: number;
	totalBytes: number;
	elapsedMs: number;
}

export interface MergeCounts {
	loaded: number;
	updated: number;
	unchanged: number;
	/** Older copies: superseded within this import, or older than the stored copy. */
	skipped_older: number;
	kb_loaded: number;
	kb_updated: number;
	kb_unchanged: number;
	/** Rating records read (satisfaction_ratings pages, Help Scout ratings): stored apart from their conversations. */
	ratings_read: number;
	/** Conversations whose CSAT a stored rating set or changed in this import. */
	ratings_applied: number;
	quarantined: number;
}

export interface ImportSummary extends MergeCounts {
	runId: number;
	files: string[];
	formats: string[];
	/** Files inside a given folder that no adapter recognised, passed over. */
	skipped_files: string[];
}

export type JobStatus = 'uploading' | 'queued' | 'running' | 'done' | 'failed';

/** What the browser sees of an import job, an upload or a sync (no server paths). */
export interface PublicJob {
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
	files: { name: string; bytes: number }[];
	progress: ImportProgress | null;
	summary: ImportSummary | null;
	error: string | null;
	/** The import run recorded for it, once it started. */
	runId: number | null;
}

/** The help desks `sync` can pull from. */
export const SYNC_SOURCES = ['zendesk', 'intercom', 'freshdesk', 'helpscout'] as const;
export type SyncSource = (typeof SYNC_SOURCES)[number];

/** One help desk on the Imports page's "Sync now" panel. */
export interface SyncPanelSource {
	source: SyncSource;
	lastSyncedAt: Date | null;
	job: PublicJob | null;
}
