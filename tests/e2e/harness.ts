// End-to-end harness: builds the dashboard once when stale (under the shared build lock),
// runs a private copy of the build with `node` on a free port against a temp warehouse
// loaded from data/samples/ (a copy of one built once per test run; plus any fixtures), with
// one user per role, logs in over HTTP, and drives Debian's Chromium through playwright-core
// with a fresh profile.
// Screenshots go to tests/artifacts/. Every part's tests/e2e/<part>.test.ts uses it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createUser, type Role, ROLES } from '../../src/lib/server/auth';
import { mineGaps } from '../../src/lib/server/gaps';
import { importFiles } from '../../src/lib/server/ingest';
import { withWarehouse } from '../../src/lib/server/warehouse';
import { sharedFixture } from '../helpers/sharedFixture';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const ARTIFACTS = path.join(ROOT, 'tests/artifacts');
export const SAMPLE_DIR = path.join(ROOT, 'data/samples');
const BUILD_LOCK = '/tmp/supportlens-build.lock';
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

/**
 * Builds when build/ is missing or older than any source, then copies it to a private
 * folder inside the repo (so node_modules still resolves) — all under the build lock, so a
 * parallel rebuild can't swap chunks out from under a running test server.
 */
export function ensureBuiltCopy(): string {
	const copyDir = path.join(ROOT, '.e2e-build', `${process.pid}-${Date.now().toString(36)}`);
	fs.mkdirSync(path.dirname(copyDir), { recursive: true });
	removeCopiesOfDeadRuns(path.dirname(copyDir));
	// The stamp carries the time the build STARTED: a source saved while a build was running
	// is newer than the stamp, so the next run rebuilds (build/index.js's own time would hide
	// it). A build made without the stamp (plain `npm run build`) counts as stale.
	const script = [
		'cd "$1"',
		'stamp=build/.supportlens-source-stamp',
		'if [ ! -f build/index.js ] || [ ! -f "$stamp" ] || [ -n "$(find src svelte.config.js vite.config.ts package.json -newer "$stamp" -print -quit)" ]; then',
		'  started=$(mktemp)',
		'  npm run --silent build >"$started.log" 2>&1 || { tail -40 "$started.log" >&2; rm -f "$started" "$started.log"; exit 1; }',
		'  touch -r "$started" "$stamp"',
		'  rm -f "$started" "$started.log"',
		'fi',
		'cp -r build "$2"'
	].join('\n');
	const result = spawnSync('flock', [BUILD_LOCK, 'sh', '-c', script, 'sh', ROOT, copyDir], { encoding: 'utf8', timeout: 600_000 });
	if (result.status !== 0) throw new Error(`dashboard build failed:\n${result.stderr}`);
	return copyDir;
}

/** Build copies left by test processes that were killed before their cleanup ran. */
function removeCopiesOfDeadRuns(dir: string): void {
	for (const name of fs.readdirSync(dir)) {
		const pid = Number(/^(\d+)-/.exec(name)?.[1]);
		if (!pid) continue;
		try {
			process.kill(pid, 0);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ESRCH') fs.rmSync(path.join(dir, name), { recursive: true, force: true });
		}
	}
}

export interface TestUser {
	username: string;
	password: string;
	role: Role;
}

export interface PreparedWarehouse {
	dir: string;
	dbPath: string;
	users: Record<Role, TestUser>;
}

/**
 * A temp warehouse with data/samples/ (when present) and `fixtures` imported, and one user per role;
 * `minedGaps`: with the sample's gaps mined (lexical). The sample warehouse, mined or not, is built
 * once per test run and copied for each caller (sharedFixture): importing and mining it took most
 * of a dashboard test file's setup.
 */
export async function prepareWarehouse(
	options: { samples?: boolean; fixtures?: string[]; minedGaps?: boolean } = {}
): Promise<PreparedWarehouse> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'supportlens-e2e-'));
	const dbPath = path.join(dir, 'e2e.duckdb');
	const samples = (options.samples ?? true) && fs.existsSync(SAMPLE_DIR);
	if (samples && !options.fixtures?.length) {
		const users = await copySharedWarehouse(options.minedGaps ? 'sample-warehouse-mined' : 'sample-warehouse', dbPath);
		return { dir, dbPath, users };
	}
	if (options.minedGaps) throw new Error('prepareWarehouse: minedGaps is for the sample warehouse alone');
	const users = await buildWarehouse(dbPath, [...(samples ? [SAMPLE_DIR] : []), ...(options.fixtures ?? [])]);
	return { dir, dbPath, users };
}

/** Imports `inputs` into a new warehouse at `dbPath` and creates one user per role. */
async function buildWarehouse(dbPath: string, inputs: string[]): Promise<Record<Role, TestUser>> {
	const users = {} as Record<Role, TestUser>;
	await withWarehouse(dbPath, async (warehouse) => {
		if (inputs.length) await importFiles(warehouse, inputs, { origin: 'test' });
		for (const role of ROLES) {
			const username = `e2e_${role}`;
			users[role] = { username, role, password: await createUser(warehouse.db, username, role) };
		}
	});
	return users;
}

/** Copies this run's shared sample warehouse (built on first use) to `dbPath`; returns its users. */
async function copySharedWarehouse(name: 'sample-warehouse' | 'sample-warehouse-mined', dbPath: string): Promise<Record<Role, TestUser>> {
	const folder = await sharedFixture(name, async (into) => {
		const target = path.join(into, 'e2e.duckdb');
		let users: Record<Role, TestUser>;
		if (name === 'sample-warehouse') users = await buildWarehouse(target, [SAMPLE_DIR]);
		else {
			users = await copySharedWarehouse('sample-warehouse', target);
			await withWarehouse(target, (w) => mineGaps(w.db, { embedder: 'lexical' }));
		}
		fs.writeFileSync(path.join(into, 'users.json'), JSON.stringify(users));
	});
	fs.copyFileSync(path.join(folder, 'e2e.duckdb'), dbPath);
	// Closing checkpoints the warehouse into its one file; a write-ahead log left anyway goes with it.
	if (fs.existsSync(path.join(folder, 'e2e.duckdb.wal'))) fs.copyFileSync(path.join(folder, 'e2e.duckdb.wal'), `${dbPath}.wal`);
	return JSON.parse(fs.readFileSync(path.join(folder, 'users.json'), 'utf8'));
}

async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

export interface RunningServer {
	url: string;
	process: ChildProcess;
	/** Everything the server printed, for failure messages. */
	output: () => string;
	stop: () => Promise<void>;
}

/** Starts `node <build copy>` on a free loopback port and waits until it answers. */
export async function startServer(buildDir: string, dbPath: string, env: Record<string, string> = {}): Promise<RunningServer> {
	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	let output = '';
	const child = spawn(process.execPath, [buildDir], {
		cwd: ROOT,
		env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ORIGIN: url, SUPPORTLENS_DB: dbPath, ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	child.stdout!.on('data', (d) => (output += d));
	child.stderr!.on('data', (d) => (output += d));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`the server exited before answering:\n${output}`);
		try {
			const response = await fetch(`${url}/login`, { redirect: 'manual', headers: { Accept: 'text/html' } });
			if (response.status === 200) break;
		} catch {
			/* not listening yet */
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`the server did not answer within 60s:\n${output}`);
		}
		await new Promise((r) => setTimeout(r, 200));
	}
	return {
		url,
		process: child,
		output: () => output,
		stop: async () => {
			if (child.exitCode === null) {
				child.kill('SIGTERM');
				const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
				await exited;
				clearTimeout(timer);
			}
		}
	};
}

/** POST /login the way a script does; returns the Cookie header value for later requests. */
export async function loginCookie(url: string, user: { username: string; password: string }): Promise<string> {
	const response = await fetch(`${url}/login`, {
		method: 'POST',
		headers: { Origin: url, 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ username: user.username, password: user.password }),
		redirect: 'manual'
	});
	const cookie = response.headers.getSetCookie().find((c) => c.startsWith('supportlens_session='));
	if (response.status !== 303 || !cookie)
		throw new Error(`login as ${user.username} failed: HTTP ${response.status} ${await response.text()}`);
	return cookie.split(';')[0];
}

export interface Browser {
	context: BrowserContext;
	newPage: () => Promise<Page>;
	close: () => Promise<void>;
}

/** Debian's Chromium with the flags these test machines need (CHROMIUM_FLAGS: headless, no sandbox, no GPU) and a fresh --user-data-dir. */
export async function launchBrowser(options: { colorScheme?: 'light' | 'dark' } = {}): Promise<Browser> {
	if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'supportlens-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: CHROMIUM_FLAGS,
		viewport: { width: 1366, height: 860 },
		colorScheme: options.colorScheme ?? 'light',
		acceptDownloads: true
	});
	return {
		context,
		newPage: () => context.newPage(),
		close: async () => {
			await context.close();
			fs.rmSync(profile, { recursive: true, force: true });
		}
	};
}

/**
 * Logs in through the login form, as a person would. Done once the page after the login has its
 * server-rendered document: each test then waits for what it needs on that page, so a slow,
 * busy machine cannot time the login out while the landing page's images and charts still load.
 */
export async function loginInBrowser(page: Page, url: string, user: { username: string; password: string }): Promise<void> {
	// The form's script loaded, so a slow machine cannot click before the page is interactive.
	await page.goto(`${url}/login`, { waitUntil: 'networkidle' });
	await page.getByLabel('User name').fill(user.username);
	await page.getByLabel('Password').fill(user.password);
	await Promise.all([
		page.waitForURL((u) => !u.pathname.startsWith('/login'), { waitUntil: 'domcontentloaded' }),
		page.getByRole('button', { name: 'Log in' }).click()
	]);
}

/** Full-page screenshot to tests/artifacts/<name>.png; returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
	fs.mkdirSync(ARTIFACTS, { recursive: true });
	// Charts animate in: wait until each EChart reports its first finished frame, else the
	// screenshot catches half-drawn lines (a chart that never finishes doesn't block it).
	await page
		.waitForFunction(() => [...document.querySelectorAll('.echart')].every((e) => e.getAttribute('data-rendered') === 'true'), null, {
			timeout: 10_000
		})
		.catch(() => {});
	const file = path.join(ARTIFACTS, `${name}.png`);
	await page.screenshot({ path: file, fullPage: true });
	return file;
}

/** Removes the build copy and the temp warehouse folder. */
export function cleanup(...dirs: (string | undefined)[]): void {
	for (const dir of dirs) if (dir) fs.rmSync(dir, { recursive: true, force: true });
}

export interface DashboardSession {
	wh: PreparedWarehouse;
	server: RunningServer;
	browser: Browser;
	/** Logged in as the role asked for. */
	page: Page;
	close: () => Promise<void>;
}

/**
 * The usual setup of a dashboard browser test: a build copy, the sample warehouse (changed by
 * `beforeServe` while no server holds the file yet), the server, Chromium with room for slow
 * page loads on a shared machine (no timing is asserted), and a page logged in as `role`.
 */
export async function openDashboard(options: {
	role: Role;
	/** The sample's gaps mined (lexical) before `beforeServe`. */
	minedGaps?: boolean;
	beforeServe?: (wh: PreparedWarehouse) => Promise<void>;
	env?: Record<string, string>;
}): Promise<DashboardSession> {
	const buildDir = ensureBuiltCopy();
	let wh: PreparedWarehouse | undefined;
	let server: RunningServer | undefined;
	let browser: Browser | undefined;
	const close = async () => {
		await browser?.close();
		await server?.stop();
		cleanup(buildDir, wh?.dir);
	};
	try {
		wh = await prepareWarehouse({ minedGaps: options.minedGaps });
		await options.beforeServe?.(wh);
		server = await startServer(buildDir, wh.dbPath, options.env);
		browser = await launchBrowser();
		browser.context.setDefaultTimeout(120_000);
		browser.context.setDefaultNavigationTimeout(120_000);
		const page = await browser.newPage();
		await loginInBrowser(page, server.url, wh.users[options.role]);
		return { wh, server, browser, page, close };
	} catch (error) {
		await close();
		throw error;
	}
}

/** Distinct colours among sampled pixels of each chart canvas under `selector`: a blank canvas has one (or none). */
export async function canvasColours(page: Page, selector: string): Promise<number[]> {
	return page.$$eval(`${selector} canvas`, (canvases) =>
		(canvases as HTMLCanvasElement[]).map((canvas) => {
			const ctx = canvas.getContext('2d');
			if (!ctx || canvas.width === 0 || canvas.height === 0) return 0;
			const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
			const colours = new Set<number>();
			const step = 4 * 97; // every 97th pixel: enough to find axes, bars and lines
			for (let i = 0; i < data.length; i += step) if (data[i + 3] > 0) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
			return colours.size;
		})
	);
}
