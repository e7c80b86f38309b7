// Disabling, deleting and self-service password changes on a real DuckDB file: sessions end
// in the same transaction, the last enabled admin is kept, and each change (with who and from
// where) lands in the audit log; the `users` CLI does the same and is audited as `cli:…`.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../src/lib/server/audit';
import {
	authenticate,
	changeOwnPassword,
	createSession,
	createUser,
	deleteUser,
	findSession,
	findUser,
	listUsers,
	resetPassword,
	setUserDisabled,
	setUserRole
} from '../../src/lib/server/auth';
import { Warehouse } from '../../src/lib/server/warehouse';
import { runCli } from '../helpers/runCli';
import { makeTempDir } from '../helpers/tempDir';

const { dir, cleanup } = makeTempDir();
let warehouse: Warehouse;
const boss = { actor: 'boss', address: '192.0.2.1' };

beforeAll(async () => {
	warehouse = await Warehouse.open(path.join(dir, 'accounts.duckdb'));
	await createUser(warehouse.db, 'boss', 'admin', { password: 'boss-password-123' });
});
afterAll(() => {
	warehouse?.close();
	cleanup();
});

/** The audit rows about `target`, oldest first, as "actor action detail address". */
async function auditOf(target: string): Promise<string[]> {
	return (await listAudit(warehouse.db))
		.filter((r) => r.target === target)
		.reverse()
		.map((r) => [r.actor, r.action, r.detail ?? '-', r.address ?? '-'].join(' '));
}

describe('disable and enable', () => {
	it('a disabled user cannot log in and their sessions end at once; enabling lets them back in', async () => {
		const password = await createUser(warehouse.db, 'dora', 'manager', { by: boss });
		const { token } = await createSession(warehouse.db, 'dora');
		expect(await findSession(warehouse.db, token)).toEqual({ username: 'dora', role: 'manager' });
		await setUserDisabled(warehouse.db, 'dora', true, boss);
		expect(await findSession(warehouse.db, token)).toBeNull();
		expect(await warehouse.db.one('SELECT * FROM sessions WHERE username = ?', ['dora'])).toBeUndefined();
		expect(await authenticate(warehouse.db, 'dora', password)).toBeNull();
		expect((await findUser(warehouse.db, 'dora'))?.disabled_at).toBeInstanceOf(Date);
		await setUserDisabled(warehouse.db, 'dora', false, boss);
		expect(await authenticate(warehouse.db, 'dora', password)).toEqual({ username: 'dora', role: 'manager' });
		expect(await auditOf('dora')).toEqual([
			'boss user_added manager 192.0.2.1',
			'boss user_disabled - 192.0.2.1',
			'boss user_enabled - 192.0.2.1'
		]);
	});

	it('the last enabled admin can be neither disabled, deleted nor demoted', async () => {
		await expect(setUserDisabled(warehouse.db, 'boss', true, boss)).rejects.toThrow(
			/"boss" is the last admin; make another user admin before you disable them/
		);
		await expect(deleteUser(warehouse.db, 'boss', boss)).rejects.toThrow(/last admin/);
		await createUser(warehouse.db, 'second', 'admin');
		await setUserDisabled(warehouse.db, 'second', true);
		// a disabled admin does not count as a way back in
		await expect(setUserRole(warehouse.db, 'boss', 'exec', boss)).rejects.toThrow(/last admin/);
		await setUserDisabled(warehouse.db, 'second', false);
		await setUserDisabled(warehouse.db, 'boss', true, { actor: 'second' });
		await setUserDisabled(warehouse.db, 'boss', false, { actor: 'second' });
	});
});

describe('delete', () => {
	it('removes the user and their sessions; the audit log keeps the name', async () => {
		await createUser(warehouse.db, 'eve', 'exec', { by: boss });
		const { token } = await createSession(warehouse.db, 'eve');
		await deleteUser(warehouse.db, 'eve', boss);
		expect(await findSession(warehouse.db, token)).toBeNull();
		expect((await listUsers(warehouse.db)).map((u) => u.username)).not.toContain('eve');
		expect(await auditOf('eve')).toEqual(['boss user_added exec 192.0.2.1', 'boss user_deleted exec 192.0.2.1']);
		await expect(deleteUser(warehouse.db, 'eve', boss)).rejects.toThrow(/^no user "eve"$/);
	});
});

describe('changing your own password', () => {
	it('needs the current password, refuses weak ones, ends every session and is audited', async () => {
		const first = await createUser(warehouse.db, 'fred', 'kb_owner');
		const { token } = await createSession(warehouse.db, 'fred');
		const me = { actor: 'fred', address: '198.51.100.4' };
		expect(await changeOwnPassword(warehouse.db, 'fred', 'not-it', 'a-brand-new-passphrase', me)).toBe('wrong-password');
		await expect(changeOwnPassword(warehouse.db, 'fred', first, 'short', me)).rejects.toThrow(/too short: use at least 12 characters/);
		await expect(changeOwnPassword(warehouse.db, 'fred', first, 'my-name-is-Fred!', me)).rejects.toThrow(/must not contain your user name/);
		await expect(changeOwnPassword(warehouse.db, 'fred', first, first, me)).rejects.toThrow(/same as the current one/);
		expect(await findSession(warehouse.db, token)).not.toBeNull(); // nothing changed so far
		expect(await changeOwnPassword(warehouse.db, 'fred', first, 'a-brand-new-passphrase', me)).toBe('changed');
		expect(await findSession(warehouse.db, token)).toBeNull();
		expect(await authenticate(warehouse.db, 'fred', first)).toBeNull();
		expect(await authenticate(warehouse.db, 'fred', 'a-brand-new-passphrase')).toEqual({ username: 'fred', role: 'kb_owner' });
		expect(await auditOf('fred')).toEqual(['fred password_changed - 198.51.100.4']);
	});

	it('role changes and resets are audited with what changed', async () => {
		await setUserRole(warehouse.db, 'fred', 'manager', boss);
		await setUserRole(warehouse.db, 'fred', 'manager', boss); // no change, no row
		await resetPassword(warehouse.db, 'fred', undefined, boss);
		expect((await auditOf('fred')).slice(1)).toEqual([
			'boss role_changed kb_owner -> manager 192.0.2.1',
			'boss password_reset - 192.0.2.1'
		]);
	});
});

describe('cli users disable, enable, delete', () => {
	const db = path.join(dir, 'cli.duckdb');
	it('work on the warehouse file and are audited as cli:<system user>', async () => {
		expect(runCli(['users', 'add', 'root', '--role', 'admin', '--db', db]).code).toBe(0);
		expect(runCli(['users', 'add', 'gil', '--role', 'exec', '--db', db]).code).toBe(0);
		const disabled = runCli(['users', 'disable', 'gil', '--db', db]);
		expect([disabled.code, disabled.stdout.trim()]).toEqual([0, '"gil" is disabled; their sessions have ended']);
		expect(runCli(['users', 'list', '--json', '--db', db]).stdout).toContain('{"username":"gil","role":"exec","disabled":true}');
		const last = runCli(['users', 'delete', 'root', '--db', db]);
		expect([last.code, last.stderr.trim()]).toEqual([
			1,
			'supportlens: "root" is the last admin; make another user admin before you delete them'
		]);
		expect(runCli(['users', 'delete', 'gil', '--db', db]).code).toBe(0);
		const w = await Warehouse.open(db);
		try {
			const rows = (await listAudit(w.db)).reverse().map((r) => `${r.actor.startsWith('cli:') ? 'cli' : r.actor} ${r.action} ${r.target}`);
			expect(rows).toEqual(['cli user_added root', 'cli user_added gil', 'cli user_disabled gil', 'cli user_deleted gil']);
		} finally {
			w.close();
		}
	});
});
