// Upload jobs on a real warehouse: chunks reassemble into the file, the import runs through
// the regular pipeline with progress, and failures name the user's file, not a temp path.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportJobs, safeFileName, UPLOAD_TTL_MS, UploadOffsetError } from '../../src/lib/server/imports/ImportJobs';
import { importHistory, quarantinedRecords } from '../../src/lib/server/imports/importHistory';
import { Warehouse } from '../../src/lib/server/warehouse';
import { makeTempDir } from '../helpers/tempDir';

const FIXTURE = path.resolve(import.meta.dirname, '../e2e/fixtures/upload_conversations.jsonl');
const { dir, cleanup } = makeTempDir();
let warehouse: Warehouse;
let jobs: ImportJobs;

beforeAll(async () => {
	warehouse = await Warehouse.open(path.join(dir, 'jobs.duckdb'));
	fs.mkdirSync(path.join(dir, 'uploads'));
	jobs = new ImportJobs(async () => warehouse, { root: path.join(dir, 'uploads'), sweepEveryMs: 0 });
});
afterAll(() => {
	warehouse?.close();
	cleanup();
});

describe('ImportJobs', () => {
	it('imports a file uploaded in chunks and records progress, history and quarantine', async () => {
		const bytes = fs.readFileSync(FIXTURE);
		const job = jobs.create('admin', [{ name: 'C:\\exports\\upload_conversations.jsonl' }]);
		expect(job.files).toEqual([{ name: 'upload_conversations.jsonl', bytes: 0 }]);
		for (let offset = 0; offset < bytes.length; offset += 1000) {
			await jobs.appendChunk(job.id, 0, offset, bytes.subarray(offset, offset + 1000));
		}
		await expect(jobs.appendChunk(job.id, 0, 5, bytes.subarray(0, 10))).rejects.toThrow(
			/has \d+ bytes so far, not 5: send the chunk at offset \d+/
		);
		await jobs.start(job.id);
		await jobs.idle();
		const done = jobs.get(job.id)!;
		expect(done.status).toBe('done');
		expect(done.summary).toMatchObject({ loaded: 40, updated: 0, quarantined: 2 });
		expect(done.progress).toMatchObject({ records: 42, quarantined: 2 });
		expect(done.progress!.bytesRead).toBe(bytes.length);

		const [run] = await importHistory(warehouse.db);
		expect(run).toMatchObject({ origin: 'upload', files: ['upload_conversations.jsonl'], loaded: 40, quarantined: 2 });
		const bad = await quarantinedRecords(warehouse.db, run.id);
		expect(bad.map((r) => [r.file, r.line])).toEqual([
			['upload_conversations.jsonl', 41],
			['upload_conversations.jsonl', 42]
		]);
		expect(bad[0].reason).toMatch(/created_at/);
		expect(fs.readdirSync(path.join(dir, 'uploads'))).toEqual([]); // temp files removed
	});

	it('the same upload again changes nothing', async () => {
		const job = jobs.create('admin', [{ name: 'again.jsonl' }]);
		await jobs.appendChunk(job.id, 0, 0, fs.readFileSync(FIXTURE));
		await jobs.start(job.id);
		await jobs.idle();
		expect(jobs.get(job.id)!.summary).toMatchObject({ loaded: 0, updated: 0, unchanged: 40 });
	});

	it('a file no adapter recognises fails with a message naming the uploaded file only', async () => {
		const job = jobs.create('admin', [{ name: 'notes.txt' }]);
		await jobs.appendChunk(job.id, 0, 0, Buffer.from('just some words\n'));
		await jobs.start(job.id);
		await jobs.idle();
		const failed = jobs.get(job.id)!;
		expect(failed.status).toBe('failed');
		expect(failed.error).toMatch(/notes\.txt/);
		expect(failed.error).not.toContain(dir);
	});

	it('refuses chunks after start, a second start, and empty uploads', async () => {
		expect(() => jobs.create('admin', [])).toThrow(/at least one file/);
		const job = jobs.create('admin', [{ name: 'x.jsonl' }]);
		await jobs.start(job.id);
		await expect(jobs.start(job.id)).rejects.toThrow(/already/);
		await expect(jobs.appendChunk(job.id, 0, 0, Buffer.from('{}'))).rejects.toThrow(/already/);
		await jobs.idle();
	});

	it('file names lose folders and odd characters but keep their extension', () => {
		expect(safeFileName('../../etc/passwd')).toBe('passwd');
		expect(safeFileName('tickets <1>.json')).toBe('tickets _1_.json');
		expect(safeFileName('..')).toBe('upload');
	});

	it('of several chunks sent at the same offset at once, one lands and the others are refused with the offset to resume from', async () => {
		const job = jobs.create('admin', [{ name: 'race.jsonl' }]);
		const chunk = fs.readFileSync(FIXTURE).subarray(0, 1000);
		const results = await Promise.allSettled(Array.from({ length: 5 }, () => jobs.appendChunk(job.id, 0, 0, chunk)));
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason);
		expect(refused).toHaveLength(4);
		for (const error of refused) {
			expect(error).toBeInstanceOf(UploadOffsetError);
			expect(error.expected).toBe(1000);
		}
		expect(jobs.get(job.id)!.files[0].bytes).toBe(1000);
		expect(fs.statSync(path.join(dir, 'uploads', job.id, '0', 'race.jsonl')).size).toBe(1000);
	});

	it('an upload left unfinished past the TTL is forgotten and its files removed; a started one is not', async () => {
		const abandoned = jobs.create('admin', [{ name: 'half.jsonl' }]);
		await jobs.appendChunk(abandoned.id, 0, 0, Buffer.from('{"id":'));
		const later = Date.now() + UPLOAD_TTL_MS + 1;
		expect(jobs.expireAbandoned(Date.now())).toEqual([]);
		const expired = jobs.expireAbandoned(later);
		expect(expired).toContain(abandoned.id);
		// Only uploads that never started: finished jobs stay listed.
		expect(jobs.list().filter((j) => expired.includes(j.id))).toEqual([]);
		expect(jobs.list().some((j) => j.status === 'done')).toBe(true);
		expect(jobs.get(abandoned.id)).toBeUndefined();
		expect(fs.existsSync(path.join(dir, 'uploads', abandoned.id))).toBe(false);
		await expect(jobs.appendChunk(abandoned.id, 0, 6, Buffer.from('"x"}'))).rejects.toThrow(/no upload/);
	});

	it('a failed upload is in the history with its reason, and its job answers from the warehouse once this process forgot it', async () => {
		const job = jobs.create('admin', [{ name: 'readme.txt' }]);
		await jobs.appendChunk(job.id, 0, 0, Buffer.from('nothing to import here\n'));
		await jobs.start(job.id);
		await jobs.idle();
		const [run] = await importHistory(warehouse.db);
		expect(run).toMatchObject({ origin: 'upload', status: 'failed', files: ['readme.txt'] });
		expect(run.error).toMatch(/cannot tell the format of readme\.txt/);
		expect(run.error).not.toContain(dir);
		// A fresh ImportJobs (a restarted server) knows the job only through its run.
		const restarted = new ImportJobs(async () => warehouse, { root: path.join(dir, 'uploads'), sweepEveryMs: 0 });
		expect(await restarted.lookUp(job.id)).toMatchObject({ id: job.id, status: 'failed', runId: run.id, error: run.error });
		expect(await restarted.lookUp('no-such-job')).toBeUndefined();
	});
});
