// The dashboard's sync jobs and the bounded retries, in-process on a real warehouse against
// the Intercom replay: "Sync now" queues one job per source and reports its progress line;
// a vendor that keeps failing stops the sync after the retries, imports nothing, and the
// next sync resumes from what was fetched.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncEndpointError } from '../../../src/lib/server/errors';
import { ImportJobs } from '../../../src/lib/server/imports/ImportJobs';
import { startSyncJob } from '../../../src/lib/server/imports/startSyncJob';
import { runSync } from '../../../src/lib/server/sync';
import { Warehouse } from '../../../src/lib/server/warehouse';
import { intercomEnv, startIntercomReplay } from '../../helpers/replay/intercomReplay';
import type { ReplayServer } from '../../helpers/replay/replayServer';
import { makeTempDir } from '../../helpers/tempDir';

const { dir, cleanup } = makeTempDir();
let server: ReplayServer;
let env: Record<string, string>;

beforeAll(async () => {
	({ server } = await startIntercomReplay());
	env = { ...intercomEnv(server), SUPPORTLENS_SYNC_RETRY_BASE_MS: '5', SUPPORTLENS_SYNC_MAX_RETRIES: '3' };
});
afterAll(async () => {
	await server?.close();
	cleanup();
});

const conversations = async (w: Warehouse) => Number((await w.db.one<{ n: number }>('SELECT count(*) AS n FROM conversations'))!.n);

describe('sync jobs in the dashboard queue', () => {
	it('queues one sync per source, reports progress, and ends with the import summary', async () => {
		const warehouse = await Warehouse.open(path.join(dir, 'jobs.duckdb'));
		try {
			const jobs = new ImportJobs(async () => warehouse, { root: path.join(dir, 'uploads') });
			const job = startSyncJob('admin', 'intercom', { jobs, warehouse: async () => warehouse, env });
			expect(job).toMatchObject({ kind: 'task', label: 'sync intercom', status: 'queued' });
			// Asked again while it is queued: the same job, not a second sync.
			expect(startSyncJob('admin', 'intercom', { jobs, warehouse: async () => warehouse, env }).id).toBe(job.id);
			await jobs.idle();
			const done = jobs.get(job.id)!;
			expect(done.status, done.error ?? '').toBe('done');
			expect(done.detail).toMatch(/^intercom: \d+ records fetched$/);
			expect(done.summary).toMatchObject({ loaded: 5 });
			expect(await conversations(warehouse)).toBe(5);

			const again = startSyncJob('admin', 'intercom', { jobs, warehouse: async () => warehouse, env });
			expect(again.id).not.toBe(job.id);
			await jobs.idle();
			expect(jobs.get(again.id)).toMatchObject({
				status: 'done',
				summary: null,
				detail: expect.stringMatching(/^intercom: nothing changed since /)
			});
		} finally {
			warehouse.close();
		}
	});

	it('an unconfigured source is refused at once, naming the variable', () => {
		const jobs = new ImportJobs(async () => {
			throw new Error('not opened');
		});
		expect(() => startSyncJob('admin', 'freshdesk', { jobs, env: {} })).toThrow(/to sync freshdesk, set FRESHDESK_API_KEY/);
	});
});

describe('a vendor that keeps failing', () => {
	it('stops after the bounded retries, imports nothing, and the next sync resumes', async () => {
		const dbPath = path.join(dir, 'failing.duckdb');
		const warehouse = await Warehouse.open(dbPath);
		try {
			// Conversations fail for good after the first search page was staged.
			server.faults.push({ when: (r) => r.method === 'GET' && r.path === '/conversations/2000003', status: 503, times: 100 });
			const asked = server.count((r) => r.path === '/conversations/2000003');
			const error = await runSync(warehouse, 'intercom', { env }).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(SyncEndpointError);
			expect((error as Error).message).toMatch(
				/^intercom answered 503 for 127\.0\.0\.1:\d+\/conversations\/2000003 4 times; try again later$/
			);
			expect(server.count((r) => r.path === '/conversations/2000003') - asked).toBe(4); // 1 + 3 retries
			expect(await conversations(warehouse)).toBe(0);
			const state = JSON.parse(fs.readFileSync(path.join(`${dbPath}.sync`, 'intercom', 'state.json'), 'utf8'));
			expect(state.streams.conversations.records).toBe(2); // the first page's two conversations are kept

			server.faults.length = 0;
			const result = await runSync(warehouse, 'intercom', { env });
			expect(result.resumed).toBe(true);
			expect(await conversations(warehouse)).toBe(5);
		} finally {
			warehouse.close();
		}
	});
});
