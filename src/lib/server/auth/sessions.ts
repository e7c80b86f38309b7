// Login sessions: a random 256-bit token goes into the cookie, only its SHA-256 is stored,
// so a copy of the warehouse file does not hand out live sessions.
import { createHash, randomBytes } from 'node:crypto';
import type { WarehouseConnection } from '../warehouse';
import { isRole, type SessionUser } from './roles';

export const SESSION_COOKIE = 'supportlens_session';
export const SESSION_TTL_MS = 7 * 24 * 3600 * 1000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
/** A UTC timestamp literal DuckDB casts to TIMESTAMP without any time-zone guessing. */
const ts = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

export async function createSession(
	db: WarehouseConnection,
	username: string,
	now = new Date()
): Promise<{ token: string; expires: Date }> {
	const token = randomBytes(32).toString('base64url');
	const expires = new Date(now.getTime() + SESSION_TTL_MS);
	// Expired rows are swept here rather than by a timer: logins are rare, so this stays cheap.
	await db.run('DELETE FROM sessions WHERE expires_at < ?::TIMESTAMP', [ts(now)]);
	await db.run('INSERT INTO sessions VALUES (?, ?, ?::TIMESTAMP, ?::TIMESTAMP)', [hashToken(token), username, ts(now), ts(expires)]);
	return { token, expires };
}

/** The session's user when the token is known, not expired and the account enabled; the role is read fresh each time. */
export async function findSession(db: WarehouseConnection, token: string, now = new Date()): Promise<SessionUser | null> {
	if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
	const row = await db.one<{ username: string; role: string }>(
		`SELECT u.username, u.role FROM sessions s JOIN users u ON u.username = s.username
		 WHERE s.token_hash = ? AND s.expires_at > ?::TIMESTAMP AND u.disabled_at IS NULL`,
		[hashToken(token), ts(now)]
	);
	return row && isRole(row.role) ? { username: row.username, role: row.role } : null;
}

export async function deleteSession(db: WarehouseConnection, token: string): Promise<void> {
	await db.run('DELETE FROM sessions WHERE token_hash = ?', [hashToken(token)]);
}
