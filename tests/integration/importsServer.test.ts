// Uploads against the built server (`node build`) on a temp warehouse: an import cut short by
// a server crash is in the history as failed with its reason after a restart, its job still
// answers, and the temp folders it left are swept; chunks racing for one offset can't both
// land; a record too large for DuckDB is quarantined without any server path in what users see.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { crashBeforeCommitEnv } from '../helpers/crashBeforeCommit';
import {
	cleanup,
	ensureBuiltCopy,
	loginCookie,
	prepareWarehouse,
	startServer,
	type PreparedWarehouse,
	type RunningServer
} from '../e2e/harness';

const UPLOAD = path.resolve(import.meta.dirname, '../e2e/fixtures/upload_conversations.jsonl');
let build: string;
let wh: PreparedWarehouse;
let tmp: string;
const servers: RunningServer[] = [];

beforeAll(async () => {
	build = ensureBuiltCopy();
	wh = await prepareWarehouse({ samples: false });
	tmp = path.join(wh.dir, 'tmp');
	fs.mkdirSync(tmp);
});
afterAll(async () => {
	for (const server of servers) await server.stop();
	cleanup(build, wh?.dir);
});

/** Starts a server on the test warehouse (stopping any earlier one: one process holds the file). */
async function serve(env: Record<string, string> = {}) {
	for (const running of servers) await running.stop();
	const server = await startServer(build, wh.dbPath, { TMPDIR: tmp, ...env });
	servers.push(server);
	return { server, cookie: await loginCookie(server.url, wh.users.admin) };
}

async function upload(url: string, cookie: string, name: string, bytes: Buffer): Promise<string> {
	const created = await fetch(`${url}/api/imports`, {
		method: 'POST',
		headers: { Cookie: cookie, 'Content-Type': 'application/json' },
		body: JSON.stringify({ files: [{ name }] })
	});
	const { id } = await created.json();
	const chunk = 480 * 1024;
	for (let offset = 0; offset < bytes.length; offset += chunk) {
		const put = await putChunk(url, cookie, id, offset, bytes.subarray(offset, offset + chunk));
		expect(put.status).toBe(200);
	}
	expect((await fetch(`${url}/api/imports/${id}/start`, { method: 'POST', headers: { Cookie: cookie } })).status).toBe(202);
	return id;
}

const putChunk = (url: string, cookie: string, id: string, offset: number, body: Buffer) =>
	fetch(`${url}/api/imports/${id}/files/0?offset=${offset}`, {
		method: 'PUT',
		headers: { Cookie: cookie, 'Content-Type': 'application/octet-stream' },
		body: new Uint8Array(body)
	});

async function finished(url: string, cookie: string, id: string) {
	for (let i = 0; i < 1200; i++) {
		const job = await (await fetch(`${url}/api/imports/${id}`, { headers: { Cookie: cookie } })).json();
		if (job.status === 'done' || job.status === 'failed') return job;
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error(`upload ${id} did not finish`);
}

describe('a server crash during an upload import', () => {
	it('leaves a failed run with its reason, a job that still answers, and no temp folders after the restart', async () => {
		const { server, cookie } = await serve(crashBeforeCommitEnv());
		const pid = server.process.pid!;
		const id = await upload(server.url, cookie, 'upload_conversations.jsonl', fs.readFileSync(UPLOAD));
		for (let i = 0; i < 600 && server.process.exitCode === null && server.process.signalCode === null; i++)
			await new Promise((r) => setTimeout(r, 100));
		expect(server.process.signalCode).toBe('SIGKILL'); // killed itself mid-merge, before COMMIT
		const left = fs.readdirSync(tmp).filter((n) => n.includes(`-p${pid}-`));
		expect(left.map((n) => n.replace(/-p\d+-.*/, '')).sort()).toEqual(['supportlens-import', 'supportlens-uploads']);

		const again = await serve();
		expect(fs.readdirSync(tmp).filter((n) => n.includes(`-p${pid}-`))).toEqual([]);
		const job = await (await fetch(`${again.server.url}/api/imports/${id}`, { headers: { Cookie: again.cookie } })).json();
		expect(job).toMatchObject({ id, status: 'failed', files: [{ name: 'upload_conversations.jsonl' }] });
		expect(job.error).toBe('the server stopped during this import; nothing from it was saved — upload the files again');

		const page = await (await fetch(`${again.server.url}/imports`, { headers: { Cookie: again.cookie } })).text();
		expect(page).toMatch(/<tr data-status="failed">[\s\S]*?upload_conversations\.jsonl/);
		expect(page).toContain('the server stopped during this import');
		const history = await (await fetch(`${again.server.url}/imports/history.csv`, { headers: { Cookie: again.cookie } })).text();
		expect(history.split('\n')[0]).toContain('status,error');
		expect(history).toMatch(/,failed,the server stopped during this import/);

		// The same upload then goes through.
		const retry = await finished(
			again.server.url,
			again.cookie,
			await upload(again.server.url, again.cookie, 'upload_conversations.jsonl', fs.readFileSync(UPLOAD))
		);
		expect(retry).toMatchObject({ status: 'done', summary: { loaded: 40, quarantined: 2 } });
	});
});

describe('uploads on the running server', () => {
	let server: RunningServer;
	let cookie: string;
	beforeAll(async () => {
		({ server, cookie } = await serve());
	});

	it('of five PUTs racing for offset 0, one lands and four get 409 with the offset to resume from', async () => {
		const created = await fetch(`${server.url}/api/imports`, {
			method: 'POST',
			headers: { Cookie: cookie, 'Content-Type': 'application/json' },
			body: '{"files":[{"name":"race.jsonl"}]}'
		});
		const { id } = await created.json();
		const bytes = fs.readFileSync(UPLOAD);
		const answers = await Promise.all(Array.from({ length: 5 }, () => putChunk(server.url, cookie, id, 0, bytes)));
		expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409]);
		for (const a of answers.filter((a) => a.status === 409)) expect(await a.json()).toMatchObject({ expected: bytes.length });
		expect((await fetch(`${server.url}/api/imports/${id}`, { headers: { Cookie: cookie } }).then((r) => r.json())).files).toEqual([
			{ name: 'race.jsonl', bytes: bytes.length }
		]);
	});

	it('a record of 40 MB (over the 16 MB limit) is quarantined with its line and the rest loads; nothing shown names a server path', async () => {
		const conversation = (id: string, body: string) =>
			JSON.stringify({
				id,
				created_at: '2026-10-05T21:00:00Z',
				events: [{ id: `${id}-1`, at: '2026-10-05T21:01:00Z', type: 'message', author: 'customer', body }]
			});
		const file = Buffer.from(
			[conversation('fine-1', 'hello'), conversation('enormous', 'y'.repeat(40 * 1024 * 1024)), conversation('fine-2', 'bye')].join('\n') +
				'\n'
		);
		const job = await finished(server.url, cookie, await upload(server.url, cookie, 'big.jsonl', file));
		expect(job).toMatchObject({ status: 'done', error: null, summary: { loaded: 2, quarantined: 1 } });
		const csv = await (await fetch(`${server.url}/imports/${job.summary.runId}/quarantine.csv`, { headers: { Cookie: cookie } })).text();
		const [header, row] = csv.trim().split('\n');
		expect(header).toBe('file,line,record,reason,raw_bytes,raw');
		expect(row).toMatch(/^big\.jsonl,2,,"too large: .* 40\.0 MB once stored, over the 16\.0 MB per-record limit",\d{8},/);
		expect(row.length).toBeLessThan(2300); // 2 KB of the line, not 17 MB
		const page = await (await fetch(`${server.url}/imports`, { headers: { Cookie: cookie } })).text();
		expect(page).not.toContain(tmp);
		expect(page).not.toMatch(/supportlens-(import|uploads)-p\d+/);
	});
});
