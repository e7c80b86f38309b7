// Uploads and the admin pages against the built server (`node build`) on a temp warehouse: only
// admins open the import pages and their CSVs; an upload in chunks is imported with its
// quarantine CSV; the dashboard keeps answering while an upload imports; and the CLI's one-line
// answer while the server holds the warehouse.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	cleanup,
	ensureBuiltCopy,
	loginCookie,
	prepareWarehouse,
	startServer,
	type PreparedWarehouse,
	type RunningServer
} from '../e2e/harness';
import { runCli } from '../helpers/runCli';

const FIXTURE = path.resolve(import.meta.dirname, '../e2e/fixtures/core_conversations.jsonl');
const UPLOAD = path.resolve(import.meta.dirname, '../e2e/fixtures/upload_conversations.jsonl');
let build: string;
let wh: PreparedWarehouse;
let server: RunningServer;
const cookies: Record<string, string> = {};

beforeAll(async () => {
	build = ensureBuiltCopy();
	wh = await prepareWarehouse({ samples: false, fixtures: [FIXTURE] });
	server = await startServer(build, wh.dbPath);
	for (const [role, user] of Object.entries(wh.users)) cookies[role] = await loginCookie(server.url, user);
});

afterAll(async () => {
	await server?.stop();
	cleanup(build, wh?.dir);
});

const get = (p: string, cookie?: string) => fetch(server.url + p, { headers: cookie ? { Cookie: cookie } : {}, redirect: 'manual' });

describe('admin pages', () => {
	const adminUrls = ['/imports', '/imports/history.csv', '/imports/quarantine.csv', '/imports/1/quarantine.csv', '/users', '/api/imports'];

	it('only admin may open imports, their CSVs and users', async () => {
		for (const role of ['exec', 'kb_owner', 'manager']) {
			for (const url of adminUrls) expect([role, url, (await get(url, cookies[role])).status]).toEqual([role, url, 403]);
		}
		for (const url of adminUrls) expect([url, (await get(url, cookies.admin)).status]).toEqual([url, 200]);
	});

	it('an upload through the API is imported and lands in the history with its quarantine CSV', async () => {
		const admin = { Cookie: cookies.admin, 'Content-Type': 'application/json' };
		const noType = await fetch(`${server.url}/api/imports`, { method: 'POST', headers: admin, body: '{"files":[{"name":"y.jsonl"}]}' });
		const lost = await fetch(`${server.url}/api/imports/${(await noType.json()).id}/files/0?offset=0`, {
			method: 'PUT',
			headers: { Cookie: cookies.admin },
			body: new Uint8Array([97, 98, 99])
		});
		expect([lost.status, (await lost.json()).message]).toEqual([400, 'send each chunk with Content-Type: application/octet-stream']);
		const manager = await fetch(`${server.url}/api/imports`, {
			method: 'POST',
			headers: { ...admin, Cookie: cookies.manager },
			body: '{"files":[{"name":"x.jsonl"}]}'
		});
		expect(manager.status).toBe(403);
		const job = await (
			await fetch(`${server.url}/api/imports`, {
				method: 'POST',
				headers: admin,
				body: JSON.stringify({ files: [{ name: 'upload_conversations.jsonl' }] })
			})
		).json();
		const bytes = fs.readFileSync(UPLOAD);
		const half = Math.floor(bytes.length / 2);
		for (const [offset, chunk] of [
			[0, bytes.subarray(0, half)],
			[half, bytes.subarray(half)]
		] as const) {
			const put = await fetch(`${server.url}/api/imports/${job.id}/files/0?offset=${offset}`, {
				method: 'PUT',
				headers: { Cookie: cookies.admin, 'Content-Type': 'application/octet-stream' },
				body: chunk
			});
			expect([put.status, put.status === 200 ? '' : await put.text()]).toEqual([200, '']);
		}
		expect((await fetch(`${server.url}/api/imports/${job.id}/start`, { method: 'POST', headers: { Cookie: cookies.admin } })).status).toBe(
			202
		);
		let state = job;
		while (state.status !== 'done' && state.status !== 'failed') {
			await new Promise((r) => setTimeout(r, 100));
			state = await (await get(`/api/imports/${job.id}`, cookies.admin)).json();
		}
		expect(state).toMatchObject({ status: 'done', summary: { loaded: 40, quarantined: 2 } });
		const csv = await (await get(`/imports/${state.summary.runId}/quarantine.csv`, cookies.admin)).text();
		const lines = csv.trim().split('\n');
		expect(lines[0]).toBe('file,line,record,reason,raw_bytes,raw'); // text() drops the BOM
		expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
			'upload_conversations.jsonl,41',
			'upload_conversations.jsonl,42'
		]);
		const page = await (await get('/imports', cookies.admin)).text();
		expect(page).toContain('upload_conversations.jsonl');
	});
});

describe('while an upload imports', () => {
	it('the dashboard keeps answering: every page and API request during the import succeeds', async () => {
		const sample = path.resolve(import.meta.dirname, '../../data/samples/canonical/conversations.jsonl');
		if (!fs.existsSync(sample)) return; // the generator's sample is not committed yet
		const bytes = fs.readFileSync(sample);
		const job = await (
			await fetch(`${server.url}/api/imports`, {
				method: 'POST',
				headers: { Cookie: cookies.admin, 'Content-Type': 'application/json' },
				body: JSON.stringify({ files: [{ name: 'conversations.jsonl' }] })
			})
		).json();
		const CHUNK = 480 * 1024;
		for (let offset = 0; offset < bytes.length; offset += CHUNK) {
			const put = await fetch(`${server.url}/api/imports/${job.id}/files/0?offset=${offset}`, {
				method: 'PUT',
				headers: { Cookie: cookies.admin, 'Content-Type': 'application/octet-stream' },
				body: bytes.subarray(offset, offset + CHUNK)
			});
			expect(put.status).toBe(200);
		}
		await fetch(`${server.url}/api/imports/${job.id}/start`, { method: 'POST', headers: { Cookie: cookies.admin } });
		const statuses: number[] = [];
		let duringImport = 0;
		let state = job;
		while (state.status !== 'done' && state.status !== 'failed') {
			const results = await Promise.all(
				['/conversations', '/api/conversations/canonical/core-1', '/imports', '/conversations/canonical/core-1'].map((u) =>
					get(u, cookies.admin)
				)
			);
			statuses.push(...results.map((r) => r.status));
			state = await (await get(`/api/imports/${job.id}`, cookies.admin)).json();
			if (state.status === 'running') duringImport += results.length;
		}
		expect(state.status).toBe('done');
		expect(state.summary.loaded).toBeGreaterThan(1000);
		expect(duringImport).toBeGreaterThan(0);
		expect(statuses.filter((s) => s !== 200)).toEqual([]);
	});
});

describe('the CLI while the server holds the warehouse', () => {
	it('ingest says in one line which dashboard holds it and where to upload instead', () => {
		const result = runCli(['ingest', FIXTURE, '--db', wh.dbPath]);
		expect(result.code).toBe(1);
		expect(result.stderr.trim().split('\n')).toEqual([
			`supportlens: the dashboard at ${server.url} holds the warehouse ${wh.dbPath}; upload the files on its Imports page (${server.url}/imports), or stop it (PID ${server.process.pid}) and run this again`
		]);
	});

	it('kpis points to the Overview and GET /api/kpis, worded in the same one place', () => {
		const result = runCli(['kpis', '--db', wh.dbPath]);
		expect(result.code).toBe(1);
		expect(result.stderr.trim()).toBe(
			`supportlens: the dashboard at ${server.url} holds the warehouse ${wh.dbPath}; read the same figures on its Overview page or from ${server.url}/api/kpis, or stop it (PID ${server.process.pid}) and run this again`
		);
	});

	it('users add points to the Users page instead', () => {
		const result = runCli(['users', 'add', 'late', '--role', 'exec', '--db', wh.dbPath]);
		expect(result.code).toBe(1);
		expect(result.stderr.trim()).toMatch(
			new RegExp(
				`^supportlens: the dashboard at ${server.url} holds the warehouse .*; manage users on its Users page \\(${server.url}/users\\), or stop it`
			)
		);
	});
});
