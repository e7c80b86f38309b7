import { describe, expect, it } from 'vitest';
import type { PublicJob } from './types';
import { followImport, uploadFiles } from './uploadClient';

const job = (over: Partial<PublicJob> = {}): PublicJob => ({
	id: 'j1',
	status: 'uploading',
	username: 'admin',
	kind: 'upload',
	label: null,
	detail: null,
	createdAt: '2026-10-05T10:00:00Z',
	files: [],
	progress: null,
	summary: null,
	error: null,
	runId: null,
	...over
});
const reply = (status: number, body: unknown) =>
	new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** An in-memory stand-in for the upload API that keeps each file's bytes and checks offsets like the server. */
function uploadApi(options: { alreadyHeld?: number; refuse?: string } = {}) {
	const held: number[] = options.alreadyHeld === undefined ? [] : [options.alreadyHeld];
	const calls: string[] = [];
	const fetchFn = (async (url: string, init: RequestInit) => {
		calls.push(`${init.method} ${url}`);
		if (url === '/api/imports') return reply(201, job());
		const put = /files\/(\d+)\?offset=(\d+)$/.exec(url);
		if (put) {
			const [index, offset] = [Number(put[1]), Number(put[2])];
			const size = (init.body as Blob).size;
			if (options.refuse) return reply(400, { message: options.refuse });
			held[index] ??= 0;
			if (offset !== held[index]) return reply(409, { message: 'wrong offset', expected: held[index] });
			held[index] += size;
			return reply(200, { bytes: held[index] });
		}
		if (url.endsWith('/start')) return reply(202, job({ status: 'queued' }));
		return reply(404, { message: 'no such thing' });
	}) as typeof fetch;
	return { fetchFn, held, calls };
}

describe('uploadFiles', () => {
	it('sends each file in chunks at increasing offsets and starts the import', async () => {
		const api = uploadApi();
		let sent = 0;
		const started = await uploadFiles([new File(['a'.repeat(25)], 'a.jsonl'), new File(['b'.repeat(7)], 'b.jsonl')], {
			fetchFn: api.fetchFn,
			chunkBytes: 10,
			onSent: (n) => (sent += n)
		});
		expect(started.status).toBe('queued');
		expect(api.held).toEqual([25, 7]);
		expect(sent).toBe(32);
		expect(api.calls).toEqual([
			'POST /api/imports',
			'PUT /api/imports/j1/files/0?offset=0',
			'PUT /api/imports/j1/files/0?offset=10',
			'PUT /api/imports/j1/files/0?offset=20',
			'PUT /api/imports/j1/files/1?offset=0',
			'POST /api/imports/j1/start'
		]);
	});

	it('resumes from the offset the server holds when a chunk already landed (409)', async () => {
		const api = uploadApi({ alreadyHeld: 10 });
		let sent = 0;
		await uploadFiles([new File(['x'.repeat(25)], 'x.jsonl')], { fetchFn: api.fetchFn, chunkBytes: 10, onSent: (n) => (sent += n) });
		expect(api.held).toEqual([25]);
		expect(sent).toBe(25);
		expect(api.calls.filter((c) => c.startsWith('PUT'))).toEqual([
			'PUT /api/imports/j1/files/0?offset=0',
			'PUT /api/imports/j1/files/0?offset=10',
			'PUT /api/imports/j1/files/0?offset=20'
		]);
	});

	it("throws the server's message when a chunk is refused", async () => {
		const api = uploadApi({ refuse: 'upload j1 is already running' });
		await expect(uploadFiles([new File(['x'.repeat(12)], 'x.jsonl')], { fetchFn: api.fetchFn, chunkBytes: 5 })).rejects.toThrow(
			'upload j1 is already running'
		);
	});
});

describe('followImport', () => {
	it('polls until the import is done or failed, reporting each state', async () => {
		const states = [job({ status: 'running' }), job({ status: 'done', runId: 3 })];
		const seen: string[] = [];
		const fetchFn = (async () => reply(200, states.shift())) as unknown as typeof fetch;
		const ended = await followImport(job({ status: 'queued' }), (j) => seen.push(j.status), { fetchFn, wait: async () => {} });
		expect(seen).toEqual(['running', 'done']);
		expect(ended.runId).toBe(3);
	});
});
