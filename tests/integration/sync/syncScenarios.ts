// The end-to-end story every vendor's sync must pass, run through the real command line in a
// child process against the vendor's replay server: a first sync through a 429 and a 500, a
// second sync that finds nothing, an incremental sync that fetches only what changed, a sync
// killed mid-way that resumes and loses nothing, a refused token and an unknown account in
// one line each — and the credentials never in the output, the warehouse or the staging files.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Warehouse } from '../../../src/lib/server/warehouse';
import type { ReplayRequest, ReplayServer } from '../../helpers/replay/replayServer';
import { spawnCli } from '../../helpers/runCli';
import { makeTempDir } from '../../helpers/tempDir';

export interface VendorHarness {
	source: 'zendesk' | 'intercom' | 'freshdesk' | 'helpscout';
	/** A fresh account on a fresh replay server. */
	start(): Promise<{ server: ReplayServer; env: Record<string, string>; change(): void }>;
	/** Secrets that must never leave the process. */
	secrets: string[];
	/** The env var holding the main secret, to break it for the 401 case. */
	secretVar: string;
	/** The base-URL variable (points the sync at the replay server). */
	baseUrlVar: string;
	/** A request for the first page of the main stream (gets the 429). */
	firstMainPage(r: ReplayRequest): boolean;
	/** A request for a later page of the main stream (held for the kill). */
	laterMainPage(r: ReplayRequest): boolean;
	/** Some per-item request of the first sync (gets the 500). */
	itemRequest(r: ReplayRequest): boolean;
	/** Per-item requests (audits, conversation reads…), counted to see an incremental sync fetch only what changed. */
	perItem(r: ReplayRequest): boolean;
	/** What the first sync loads, and how many items `change()` touches. */
	expected: { conversations: number; kbArticles: number; changed: number };
}

const SYNC_ENV = { SUPPORTLENS_SYNC_RETRY_BASE_MS: '20', SUPPORTLENS_SYNC_MAX_RETRIES: '3', SUPPORTLENS_DB: '' };

async function counts(db: string) {
	const w = await Warehouse.open(db, { mustExist: true });
	try {
		const one = async (sql: string) => Number((await w.db.one<{ n: number }>(sql))!.n);
		return {
			conversations: await one('SELECT count(*) AS n FROM conversations'),
			events: await one('SELECT count(*) AS n FROM events'),
			kb: await one('SELECT count(*) AS n FROM kb_articles'),
			quarantined: await one('SELECT count(*) AS n FROM quarantine'),
			runs: await one("SELECT count(*) AS n FROM import_runs WHERE origin = 'sync'"),
			state: await w.db.one<{ cursor: string; import_run_id: number | null }>(
				'SELECT cursor::VARCHAR AS cursor, import_run_id FROM sync_state'
			),
			reasons: (await w.db.all<{ reason: string }>('SELECT reason FROM quarantine')).map((r) => r.reason)
		};
	} finally {
		w.close();
	}
}

function filesUnder(dir: string): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((e) => e.isFile())
		.map((e) => path.join(e.parentPath, e.name));
}

export function syncScenarios(h: VendorHarness): void {
	describe(`sync ${h.source} end to end`, () => {
		const { dir, cleanup } = makeTempDir(`supportlens-sync-${h.source}-`);
		const db = path.join(dir, 'w.duckdb');
		const outputs: string[] = [];
		let server: ReplayServer;
		let env: Record<string, string>;
		let change: () => void;
		const sync = async (extraEnv: Record<string, string> = {}, dbPath = db) => {
			const result = await spawnCli(['sync', h.source, '--db', dbPath], { ...SYNC_ENV, ...env, ...extraEnv }).done;
			outputs.push(result.stdout, result.stderr);
			return result;
		};

		beforeAll(async () => {
			({ server, env, change } = await h.start());
		});
		afterAll(async () => {
			await server?.close();
			cleanup();
		});

		it('first sync loads everything, waiting out a 429 (Retry-After) and retrying a 500', async () => {
			server.faults.push({ when: h.firstMainPage, status: 429, headers: { 'Retry-After': '1' }, times: 1 });
			server.faults.push({ when: h.itemRequest, status: 500, times: 1 });
			const result = await sync();
			expect(result.stderr + result.stdout, result.stderr).toMatch(new RegExp(`${h.source}: [\\d,]+ records fetched`));
			expect(result.code, result.stderr).toBe(0);
			expect(result.stderr).toMatch(/waiting \d+s \(.*rate limit \(429\)\)/);
			expect(server.faults.every((f) => f.times === 0)).toBe(true);
			// The page refused with 429 and the item answered 500 were each asked again.
			expect(server.count(h.firstMainPage)).toBe(2);
			const c = await counts(db);
			expect(c.reasons).toEqual([]);
			expect(c).toMatchObject({ conversations: h.expected.conversations, kb: h.expected.kbArticles, quarantined: 0, runs: 1 });
			expect(c.state?.import_run_id).not.toBeNull();
			expect(filesUnder(`${db}.sync`)).toEqual([]); // staging removed once imported
		});

		it('a second sync with nothing changed fetches no item again and imports nothing', async () => {
			const before = await counts(db);
			const perItem = server.count(h.perItem);
			const result = await sync();
			expect(result.code, result.stderr).toBe(0);
			expect(result.stdout).toMatch(new RegExp(`^${h.source}: nothing changed since \\d{4}-`, 'm'));
			expect(server.count(h.perItem)).toBe(perItem);
			const after = await counts(db);
			expect(after).toMatchObject({ conversations: before.conversations, events: before.events, kb: before.kb, runs: before.runs });
		});

		it('an incremental sync fetches only what changed and updates it', async () => {
			change();
			const perItem = server.count(h.perItem);
			const before = await counts(db);
			const result = await sync();
			expect(result.code, result.stderr).toBe(0);
			expect(result.stdout).toMatch(new RegExp(`conversations: 0 new, ${h.expected.changed} replaced by a newer copy`));
			expect(server.count(h.perItem) - perItem).toBeLessThanOrEqual(h.expected.changed * 2);
			const after = await counts(db);
			expect(after.conversations).toBe(before.conversations);
			expect(after.events).toBeGreaterThan(before.events);
			expect(after.runs).toBe(before.runs + 1);
		});

		it('a sync killed mid-way resumes from its last page and loses nothing', async () => {
			const killedDb = path.join(dir, 'killed.duckdb');
			server.hold = h.laterMainPage;
			const run = spawnCli(['sync', h.source, '--db', killedDb], { ...SYNC_ENV, ...env });
			await server.waitForHeld();
			run.child.kill('SIGKILL');
			const killed = await run.done;
			outputs.push(killed.stdout, killed.stderr);
			expect(killed.signal).toBe('SIGKILL');
			server.hold = null;
			const state = JSON.parse(fs.readFileSync(path.join(`${killedDb}.sync`, h.source, 'state.json'), 'utf8'));
			expect(state.complete).toBe(false);
			// What was staged so far holds the vendor's data, never the credentials.
			const staged = filesUnder(`${killedDb}.sync`);
			expect(staged.length).toBeGreaterThan(1);
			for (const file of staged) for (const secret of h.secrets) expect(fs.readFileSync(file, 'utf8')).not.toContain(secret);
			const heldAt = server.requests.filter(h.laterMainPage).length;

			const firstPages = server.count(h.firstMainPage);
			const resumed = await sync({}, killedDb);
			expect(resumed.code, resumed.stderr).toBe(0);
			expect(resumed.stderr).toMatch(new RegExp(`${h.source}: resuming the sync interrupted at [\\d,]+ records fetched`));
			// It went on from the page it was killed on, not from the first.
			expect(server.count(h.firstMainPage)).toBe(firstPages);
			expect(server.requests.filter(h.laterMainPage).length).toBeGreaterThan(heldAt);
			const c = await counts(killedDb);
			const full = await counts(db);
			expect(c).toMatchObject({ conversations: full.conversations, events: full.events, kb: full.kb, quarantined: 0 });
			expect(filesUnder(`${killedDb}.sync`)).toEqual([]);
		});

		it('a refused token is one line naming the variables, and leaves nothing staged', async () => {
			const refused = path.join(dir, 'refused.duckdb');
			const result = await sync({ [h.secretVar]: 'wrong-secret-value' }, refused);
			expect(filesUnder(`${refused}.sync`)).toEqual([]);
			expect(result.code).toBe(1);
			const lines = result.stderr.trim().split('\n');
			expect(lines.at(-1)).toMatch(
				new RegExp(`^supportlens: ${h.source} refused the credentials \\((401 Unauthorized|403 Forbidden)[^)]*\\); check .*${h.secretVar}`)
			);
			expect(result.stderr).not.toMatch(/\n\s+at /);
			expect(result.stderr).not.toContain('wrong-secret-value');
		});

		it('an unknown account is one line naming the variable', async () => {
			const result = await sync({ [h.baseUrlVar]: `${server.origin}/no-such-account` }, path.join(dir, 'unknown.duckdb'));
			expect(result.code).toBe(1);
			expect(result.stderr.trim().split('\n').at(-1)).toMatch(
				new RegExp(`^supportlens: ${h.source}.* answered 404 .*no such account.*; check `)
			);
		});

		it('the credentials never appear in the output, the warehouse or the staging files', () => {
			const stored = [db, `${db}.wal`, path.join(dir, 'killed.duckdb')].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f));
			for (const secret of h.secrets) {
				for (const text of outputs) expect(text).not.toContain(secret);
				for (const bytes of stored) expect(bytes.includes(Buffer.from(secret))).toBe(false);
				// The Basic form of it too.
				for (const text of outputs) expect(text).not.toContain(Buffer.from(secret).toString('base64').slice(0, 16));
			}
		});
	});
}
