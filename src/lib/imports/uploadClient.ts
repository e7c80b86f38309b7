// The browser side of an upload import (the Imports page): opens a job, sends each file in
// chunks, resuming from the server's offset when a retried chunk already landed, starts the
// import, then polls the job until it ends. Plain functions over `fetch`, so a test can hand
// them its own.
import type { PublicJob } from './types';

/** Under adapter-node's default 512 KB body limit, so uploads need no server config. */
export const UPLOAD_CHUNK_BYTES = 480 * 1024;

type Fetch = typeof fetch;

/** A JSON API call; a non-2xx answer throws the server's one-line message. */
export async function apiRequest<T>(url: string, init: RequestInit, fetchFn: Fetch = fetch): Promise<T> {
	const response = await fetchFn(url, init);
	const body = await response.json().catch(() => ({}));
	if (!response.ok) throw new Error(body.message ?? `HTTP ${response.status}`);
	return body as T;
}

export interface UploadHooks {
	/** The job as the server opened it, before any byte is sent. */
	onCreated?: (job: PublicJob) => void;
	/** Bytes the server now holds beyond what was reported before. */
	onSent?: (bytes: number) => void;
	fetchFn?: Fetch;
	chunkBytes?: number;
}

/** Uploads the files as one job and starts its import; returns the started (queued) job. */
export async function uploadFiles(files: File[], hooks: UploadHooks = {}): Promise<PublicJob> {
	const fetchFn = hooks.fetchFn ?? fetch;
	const chunkBytes = hooks.chunkBytes ?? UPLOAD_CHUNK_BYTES;
	const job = await apiRequest<PublicJob>(
		'/api/imports',
		{
			method: 'POST',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ files: files.map((f) => ({ name: f.name })) })
		},
		fetchFn
	);
	hooks.onCreated?.(job);
	for (const [index, file] of files.entries()) {
		let offset = 0;
		while (offset < file.size) {
			const chunk = file.slice(offset, offset + chunkBytes);
			const response = await fetchFn(`/api/imports/${job.id}/files/${index}?offset=${offset}`, {
				method: 'PUT',
				headers: { 'Content-Type': 'application/octet-stream' },
				body: chunk
			});
			const body = await response.json().catch(() => ({}));
			// The server holds a different length (a retried chunk already landed): go on from there.
			if (response.status === 409 && Number.isSafeInteger(body.expected) && body.expected <= file.size) {
				hooks.onSent?.(body.expected - offset);
				offset = body.expected;
				continue;
			}
			if (!response.ok) throw new Error(body.message ?? `HTTP ${response.status}`);
			hooks.onSent?.(chunk.size);
			offset += chunk.size;
		}
	}
	return apiRequest<PublicJob>(`/api/imports/${job.id}/start`, { method: 'POST' }, fetchFn);
}

/** Polls a queued or running import until it ends, reporting each state; returns the last. */
export async function followImport(
	started: PublicJob,
	onUpdate: (job: PublicJob) => void,
	options: { fetchFn?: Fetch; wait?: () => Promise<void> } = {}
): Promise<PublicJob> {
	const wait = options.wait ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 400)));
	let job = started;
	while (job.status === 'queued' || job.status === 'running') {
		await wait();
		job = await apiRequest<PublicJob>(`/api/imports/${job.id}`, { method: 'GET' }, options.fetchFn);
		onUpdate(job);
	}
	return job;
}
