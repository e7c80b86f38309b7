// The users table: creating users with generated passwords, listing them, changing roles,
// and checking a login. Usernames are short and plain so they are safe in URLs and logs.
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
	return db.one<UserRow>(
		'SELECT username, role, is_demo, created_at, password_changed_at FROM users WHERE username = ?',
		[username]
	);
}

export async function listUsers(db: WarehouseConnection): Promise<UserRow[]> {
	return db.all<UserRow>('SELECT username, role, is_demo, created_at, password_changed_at FROM users ORDER BY username');
}

/** Creates a user with a generated password and returns that password (shown once, never stored). */
export async function createUser(
	db: WarehouseConnection,
	username: string,
	role: string,
	options: { isDemo?: boolean; password?: string } = {}
): Promise<string> {
	checkUsername(username);
	const checkedRole = checkRole(role);
	const password = options.password ?? generatePassword();
	const hash = await hashPassword(password);
	await db.transaction(async (tx) => {
		if (await findUser(tx, username)) throw new UsageError(`user "${username}" already exists`);
		await tx.run(
			'INSERT INTO users VALUES (?, ?, ?, ?, now()::TIMESTAMP, now()::TIMESTAMP)',
			[username, checkedRole, hash, options.isDemo ?? false]
		);
	});
	return password;
}

/** Sets a new password (given or generated), ends the user's sessions, returns the password. */
export async function resetPassword(db: WarehouseConnection, username: string, password = generatePassword()): Promise<string> {
	const hash = await hashPassword(password);
	await db.transaction(async (tx) => {
		if (!(await findUser(tx, username))) throw new UsageError(`no user "${username}"`);
		await tx.run('UPDATE users SET password_hash = ?, password_changed_at = now()::TIMESTAMP WHERE username = ?', [
			hash,
			username
		]);
		await tx.run('DELETE FROM sessions WHERE username = ?', [username]);
	});
	return password;
}

/** Changes a role. Refuses to demote the last admin, which would lock everyone out of user management. */
export async function setUserRole(db: WarehouseConnection, username: string, role: string): Promise<void> {
	const checkedRole = checkRole(role);
	await db.transaction(async (tx) => {
		const user = await findUser(tx, username);
		if (!user) throw new UsageError(`no user "${username}"`);
		if (user.role === 'admin' && checkedRole !== 'admin') {
			const admins = await tx.one<{ n: number }>("SELECT count(*) AS n FROM users WHERE role = 'admin'");
			if ((admins?.n ?? 0) <= 1) throw new UsageError(`"${username}" is the last admin; make another user admin first`);
		}
		await tx.run('UPDATE users SET role = ? WHERE username = ?', [checkedRole, username]);
	});
}

/** The user when the password matches, else null. Same work whether or not the user exists. */
export async function authenticate(db: WarehouseConnection, username: string, password: string): Promise<SessionUser | null> {
	const row = USERNAME.test(username)
		? await db.one<{ username: string; role: string; password_hash: string }>(
				'SELECT username, role, password_hash FROM users WHERE username = ?',
				[username]
			)
		: undefined;
	const ok = await verifyPassword(password, row?.password_hash ?? (await dummyPasswordHash()));
	if (!row || !ok || !isRole(row.role)) return null;
	return { username: row.username, role: row.role };
}
