// The audit log: who viewed which transcript, who logged in, and who changed users, roles and
// passwords. Rows are only ever added; admins read them on the Users page and as CSV.
import type { WarehouseConnection } from '../warehouse';

export const AUDIT_ACTIONS = [
	'transcript_viewed',
	'login',
	'user_added',
	'role_changed',
	'password_reset',
	'password_changed',
	'user_disabled',
	'user_enabled',
	'user_deleted'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who did something, and from where (a client address; empty for the command line). */
export interface AuditActor {
	actor: string;
	address?: string;
}

export interface AuditEntry {
	action: AuditAction;
	target: string;
	detail?: string;
}

export async function recordAudit(db: WarehouseConnection, by: AuditActor, entry: AuditEntry): Promise<void> {
	await db.run('INSERT INTO audit_log (happened_at, actor, action, target, detail, address) VALUES (now()::TIMESTAMP, ?, ?, ?, ?, ?)', [
		by.actor,
		entry.action,
		entry.target,
		entry.detail ?? null,
		by.address ?? null
	]);
}
