// An import through the running dashboard, as the Imports page does it: the file uploaded in
// chunks through the upload API, the import started, and its job polled until it ends, so a
// bench can measure the dashboard while the import runs.
import fs from 'node:fs';
import path from 'node:path';

const CHUNK = 256 * 1024; // under adapter-node's default 512 KB body limit

export interface ServerImport {
	/** The job is queued or running. */
	running(): boolean;
	/** Waits for the import to end: the finished job, or an error saying how it failed. */
	result(): Promise<Record<string, unknown>>;
}

/** Uploads `file` in chunks and starts its import; returns the job id. */
async function uploadAndStart(url: string, cookie: string, file: string): Promise<string> {
	const headers = { Cookie: cookie, Origin: url };
	const created = await fetch(`${url}/api/imports`, {
		method: 'POST',
		headers: { ...headers, 'Content-Type': 'application/json' },
		body: JSON.stringify({ files: [{ name: path.basename(file) }] })
	});
	if (created.status !== 201) throw new Error(`upload create: HTTP ${created.status} ${await created.text()}`);
	const job = (await created.json()) as { id: string };
	const data = fs.readFileSync(file);
	for (let offset = 0; offset < data.length; offset += CHUNK) {
		const r = await fetch(`${url}/api/imports/${job.id}/files/0?offset=${offset}`, {
			method: 'PUT',
			headers: { ...headers, 'Content-Type': 'application/octet-stream' },
			body: data.subarray(offset, offset + CHUNK)
		});
		if (r.status !== 200) throw new Error(`upload chunk at ${offset}: HTTP ${r.status} ${await r.text()}`);
	}
	const started = await fetch(`${url}/api/imports/${job.id}/start`, { method: 'POST', headers });
	if (started.status !== 202) throw new Error(`upload start: HTTP ${started.status} ${await started.text()}`);
	return job.id;
}

export async function startServerImport(url: string, cookie: string, file: string): Promise<ServerImport> {
	const jobId = await uploadAndStart(url, cookie, file);
	let status = 'queued';
	let job: Record<string, unknown> = {};
	let failure: unknown;
	const running = () => status === 'queued' || status === 'running';
	// Errors are kept for result(): a poll failing while the clients run must not go unhandled.
	const poller = (async () => {
		while (running()) {
			await new Promise((r) => setTimeout(r, 250));
			const r = await fetch(`${url}/api/imports/${jobId}`, { headers: { Cookie: cookie } });
			job = (await r.json()) as Record<string, unknown>;
			status = String(job.status);
		}
	})().catch((error) => {
		failure = error;
		status = 'failed';
	});
	return {
		running,
		async result() {
			await poller;
			if (failure) throw failure;
			if (status !== 'done') throw new Error(`the import through the server ${status}: ${String(job.error)}`);
			return job;
		}
	};
}
