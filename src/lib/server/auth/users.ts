// The users table: creating users with generated passwords, listing them, changing roles,
// disabling and deleting them, password changes, and checking a login. Usernames are short
// and plain so they are safe in URLs and logs. Every change made with `by` is audited in the
// same transaction; the sessions of a user who loses access end in it too.
import { recordAudit, type AuditActor } from '../audit/recordAudit';
import { UsageError } from '../errors';
import type { WarehouseConnection } from '../warehouse';
import { generatePassword } from './generatePassword';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwordHash';
import { isRole, ROLES, type Role, type SessionUser } from './roles';

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface UserRow {
	username: string;
	role: Role;
	is_demo: boolean;
	created_at: Date;
	password_changed_at: Date;
	disabled_at: Date | null;
}

/** What a login needs to know about an account before and after checking the password. */
export interface LoginAccount {
	username: string;
	role: string;
	password_hash: string;
	disabled: boolean;
}

export const MIN_PASSWORD_LENGTH = 12;

/** A password a user chose for themself: long enough, not their user name, not the one it replaces. */
export function checkNewPassword(password: string, username: string, current?: string): string {
	if ([...password].length < MIN_PASSWORD_LENGTH)
		throw new UsageError(`the new password is too short: use at least ${MIN_PASSWORD_LENGTH} characters`);
	if (password.length > 1024) throw new UsageError('the new password is too long: use at most 1024 characters');
	if (password.toLowerCase().includes(username.toLowerCase())) throw new UsageError('the new password must not contain your user name');
	if (password === current) throw new UsageError('the new password is the same as the current one');
	return password;
}

export function checkUsername(username: string): string {
	if (!USERNAME.test(username)) {
		throw new UsageError(
			`user name "${username}" is not allowed: use 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit`
		);
	}
	return username;
}

export function checkRole(role: string): Role {
	if (!isRole(role)) throw new UsageError(`unknown role "${role}"; use one of ${ROLES.join(', ')}`);
	return role;
}

export async function findUser(db: WarehouseConnection, username: string): Promise<UserRow | undefined> {
	return db.one<UserRow>('SELECT username, role, is_demo, created_at, password_changed_at, disabled_at FROM users WHERE username = ?', [
		username
	]);
}

export async function listUsers(db: WarehouseConnection): Promise<UserRow[]> {
	return db.all<UserRow>('SELECT username, role, is_demo, created_at, password_changed_at, disabled_at FROM users ORDER BY username');
}

/** Creates a user with a generated password and returns that password (shown once, never stored). */
export async function createUser(
	db: WarehouseConnection,
	username: string,
	role: string,
	options: { isDemo?: boolean; password?: string; by?: AuditActor } = {}
): Promise<string> {
	checkUsername(username);
	const checkedRole = checkRole(role);
	const password = options.password ?? generatePassword();
	const hash = await hashPassword(password);
	await db.transaction(async (tx) => {
		if (await findUser(tx, username)) throw new UsageError(`user "${username}" already exists`);
		await tx.run(
			'INSERT INTO users (username, role, password_hash, is_demo, created_at, password_changed_at) VALUES (?, ?, ?, ?, now()::TIMESTAMP, now()::TIMESTAMP)',
			[username, checkedRole, hash, options.isDemo ?? false]
		);
		if (options.by) await recordAudit(tx, options.by, { action: 'user_added', target: username, detail: checkedRole });
	});
	return password;
}

/** Sets a new password (given or generated), ends the user's sessions, returns the password. */
export async function resetPassword(
	db: WarehouseConnection,
	username: string,
	password = generatePassword(),
	by?: AuditActor
): Promise<string> {
	const hash = await hashPassword(password);
	await db.transaction(async (tx) => {
		await existingUser(tx, username);
		await storePasswordHash(tx, username, hash);
		if (by) await recordAudit(tx, by, { action: 'password_reset', target: username });
	});
	return password;
}

/**
 * A user changing their own password: the current one must be right ("wrong-password"
 * otherwise, for the caller to count against the login limits). Ends all their sessions.
 */
export async function changeOwnPassword(
	db: WarehouseConnection,
	username: string,
	current: string,
	next: string,
	by: AuditActor
): Promise<'changed' | 'wrong-password'> {
	checkNewPassword(next, username, current);
	const account = await loginAccount(db, username);
	if (!account || account.disabled || !(await verifyPassword(current, account.password_hash))) return 'wrong-password';
	const hash = await hashPassword(next);
	await db.transaction(async (tx) => {
		await storePasswordHash(tx, username, hash);
		await recordAudit(tx, by, { action: 'password_changed', target: username });
	});
	return 'changed';
}

/** Disables (keeps the user, refuses logins, ends sessions) or enables an account. */
export async function setUserDisabled(db: WarehouseConnection, username: string, disabled: boolean, by?: AuditActor): Promise<void> {
	await db.transaction(async (tx) => {
		const user = await existingUser(tx, username);
		if (disabled) await refuseLastAdmin(tx, user, 'disable');
		await tx.run(`UPDATE users SET disabled_at = ${disabled ? 'now()::TIMESTAMP' : 'NULL'} WHERE username = ?`, [username]);
		if (disabled) await tx.run('DELETE FROM sessions WHERE username = ?', [username]);
		if (by) await recordAudit(tx, by, { action: disabled ? 'user_disabled' : 'user_enabled', target: username });
	});
}

/** Deletes an account and ends its sessions. The audit log keeps its name. */
export async function deleteUser(db: WarehouseConnection, username: string, by?: AuditActor): Promise<void> {
	await db.transaction(async (tx) => {
		const user = await existingUser(tx, username);
		await refuseLastAdmin(tx, user, 'delete');
		await tx.run('DELETE FROM sessions WHERE username = ?', [username]);
		await tx.run('DELETE FROM users WHERE username = ?', [username]);
		if (by) await recordAudit(tx, by, { action: 'user_deleted', target: username, detail: user.role });
	});
}

async function existingUser(db: WarehouseConnection, username: string): Promise<UserRow> {
	const user = await findUser(db, username);
	if (!user) throw new UsageError(`no user "${username}"`);
	return user;
}

async function storePasswordHash(db: WarehouseConnection, username: string, hash: string): Promise<void> {
	await db.run('UPDATE users SET password_hash = ?, password_changed_at = now()::TIMESTAMP WHERE username = ?', [hash, username]);
	await db.run('DELETE FROM sessions WHERE username = ?', [username]);
}

/** Keeps at least one enabled admin, so someone can always manage users. */
async function refuseLastAdmin(db: WarehouseConnection, user: UserRow, verb: string): Promise<void> {
	if (user.role !== 'admin' || user.disabled_at) return;
	const admins = await db.one<{ n: number }>("SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled_at IS NULL");
	if ((admins?.n ?? 0) <= 1) throw new UsageError(`"${user.username}" is the last admin; make another user admin before you ${verb} them`);
}

/** Changes a role. Refuses to demote the last admin, which would lock everyone out of user management. */
export async function setUserRole(db: WarehouseConnection, username: string, role: string, by?: AuditActor): Promise<void> {
	const checkedRole = checkRole(role);
	await db.transaction(async (tx) => {
		const user = await existingUser(tx, username);
		if (checkedRole !== 'admin') await refuseLastAdmin(tx, user, 'demote');
		await tx.run('UPDATE users SET role = ? WHERE username = ?', [checkedRole, username]);
		if (by && user.role !== checkedRole)
			await recordAudit(tx, by, { action: 'role_changed', target: username, detail: `${user.role} -> ${checkedRole}` });
	});
}

/** The account a login names, or undefined (also for names that could never exist). */
export async function loginAccount(db: WarehouseConnection, username: string): Promise<LoginAccount | undefined> {
	if (!USERNAME.test(username)) return undefined;
	return db.one<LoginAccount>('SELECT username, role, password_hash, disabled_at IS NOT NULL AS disabled FROM users WHERE username = ?', [
		username
	]);
}

/**
 * Checks the password against the account (or against a dummy hash when there is none, so
 * "no such user" and "wrong password" take the same time). `disabled` only when it was right.
 */
export async function checkLogin(account: LoginAccount | undefined, password: string): Promise<SessionUser | 'disabled' | null> {
	const ok = await verifyPassword(password, account?.password_hash ?? (await dummyPasswordHash()));
	if (!account || !ok || !isRole(account.role)) return null;
	return account.disabled ? 'disabled' : { username: account.username, role: account.role };
}

/** The user when the password matches and the account is enabled, else null. */
export async function authenticate(db: WarehouseConnection, username: string, password: string): Promise<SessionUser | null> {
	const user = await checkLogin(await loginAccount(db, username), password);
	return user === 'disabled' ? null : user;
}
