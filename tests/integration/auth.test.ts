// Users and sessions on a real DuckDB file, and the `users` CLI command.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	authenticate,
	createSession,
	createUser,
	deleteSession,
	ensureDemoUsers,
	findSession,
	listUsers,
	resetPassword,
	setUserRole,
	SESSION_TTL_MS
} from '../../src/lib/server/auth';
import { Warehouse } from '../../src/lib/server/warehouse';
import { runCli } from '../helpers/runCli';
import { makeTempDir } from '../helpers/tempDir';

const { dir, cleanup } = makeTempDir();
let warehouse: Warehouse;

beforeAll(async () => {
	warehouse = await Warehouse.open(path.join(dir, 'auth.duckdb'));
});
afterAll(() => {
	warehouse?.close();
	cleanup();
});

describe('users', () => {
	it('stores only a salted hash and authenticates with the returned password', async () => {
		const password = await createUser(warehouse.db, 'ann', 'manager');
		const row = await warehouse.db.one<{ password_hash: string }>('SELECT password_hash FROM users WHERE username = ?', ['ann']);
		expect(row?.password_hash).toMatch(/^scrypt\$/);
		expect(row?.password_hash).not.toContain(password);
		expect(await authenticate(warehouse.db, 'ann', password)).toEqual({ username: 'ann', role: 'manager' });
		expect(await authenticate(warehouse.db, 'ann', password + 'x')).toBeNull();
		expect(await authenticate(warehouse.db, 'nobody', password)).toBeNull();
		expect(await authenticate(warehouse.db, "ann' OR 1=1 --", password)).toBeNull();
	});

	it('refuses duplicates, bad names and unknown roles with one-line messages', async () => {
		await expect(createUser(warehouse.db, 'ann', 'exec')).rejects.toThrow(/^user "ann" already exists$/);
		await expect(createUser(warehouse.db, 'a b', 'exec')).rejects.toThrow(/user name "a b" is not allowed/);
		await expect(createUser(warehouse.db, 'zed', 'boss')).rejects.toThrow(/unknown role "boss"; use one of admin, manager, kb_owner, exec/);
	});

	it('changes roles but never demotes the last admin', async () => {
		await createUser(warehouse.db, 'root', 'admin');
		await expect(setUserRole(warehouse.db, 'root', 'exec')).rejects.toThrow(/last admin/);
		await setUserRole(warehouse.db, 'ann', 'kb_owner');
		expect((await listUsers(warehouse.db)).find((u) => u.username === 'ann')?.role).toBe('kb_owner');
	});
});

describe('sessions', () => {
	it('find the user by token, read the role fresh, and end on logout', async () => {
		const { token, expires } = await createSession(warehouse.db, 'ann');
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(expires.getTime() - Date.now()).toBeGreaterThan(SESSION_TTL_MS - 60_000);
		const stored = await warehouse.db.all<{ token_hash: string }>('SELECT token_hash FROM sessions');
		expect(stored.some((s) => s.token_hash === token)).toBe(false); // only the hash is stored
		expect(await findSession(warehouse.db, token)).toEqual({ username: 'ann', role: 'kb_owner' });
		await setUserRole(warehouse.db, 'ann', 'exec');
		expect(await findSession(warehouse.db, token)).toEqual({ username: 'ann', role: 'exec' });
		await deleteSession(warehouse.db, token);
		expect(await findSession(warehouse.db, token)).toBeNull();
	});

	it('expire after their lifetime and reject garbage tokens', async () => {
		const longAgo = new Date(Date.now() - SESSION_TTL_MS - 1000);
		const { token } = await createSession(warehouse.db, 'ann', longAgo);
		expect(await findSession(warehouse.db, token)).toBeNull();
		expect(await findSession(warehouse.db, token, new Date(longAgo.getTime() + 1000))).not.toBeNull();
		expect(await findSession(warehouse.db, "x' OR '1'='1")).toBeNull();
	});

	it("a password reset ends the user's sessions", async () => {
		const { token } = await createSession(warehouse.db, 'root');
		const fresh = await resetPassword(warehouse.db, 'root');
		expect(await findSession(warehouse.db, token)).toBeNull();
		expect(await authenticate(warehouse.db, 'root', fresh)).not.toBeNull();
	});
});

describe('demo users', () => {
	it('one per role; a re-run gives fresh working passwords and leaves other users alone', async () => {
		const first = await ensureDemoUsers(warehouse.db);
		expect(first.map((u) => u.role)).toEqual(['admin', 'manager', 'kb_owner', 'exec']);
		const second = await ensureDemoUsers(warehouse.db);
		expect(second.map((u) => u.username)).toEqual(first.map((u) => u.username));
		for (const [i, u] of second.entries()) {
			expect(u.password).not.toBe(first[i].password);
			expect(await authenticate(warehouse.db, u.username, u.password)).toEqual({ username: u.username, role: u.role });
			expect(await authenticate(warehouse.db, u.username, first[i].password)).toBeNull();
		}
	});
});

describe('cli users', () => {
	const db = path.join(dir, 'cli-users.duckdb');
	it('users add prints a generated password that logs in', async () => {
		const result = runCli(['users', 'add', 'carol', '--role', 'exec', '--db', db]);
		expect(result.code).toBe(0);
		const password = /with password (\S+)$/m.exec(result.stdout)?.[1];
		expect(password).toMatch(/^\S{16}$/);
		const w = await Warehouse.open(db);
		try {
			expect(await authenticate(w.db, 'carol', password!)).toEqual({ username: 'carol', role: 'exec' });
		} finally {
			w.close();
		}
	});

	it('a bad role is a one-line error with exit 1', () => {
		const result = runCli(['users', 'add', 'dave', '--role', 'boss', '--db', db]);
		expect(result.code).toBe(1);
		expect(result.stderr.trim()).toBe('supportlens: unknown role "boss"; use one of admin, manager, kb_owner, exec');
	});
});
