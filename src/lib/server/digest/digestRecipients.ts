// Who receives the weekly digest: an email address and the role that decides what the digest
// may hold (an exec's holds aggregates only). Admins manage the list on the Users page.
import { checkRole } from '../auth/users';
import { UsageError } from '../errors';
import type { WarehouseConnection } from '../warehouse';
import type { DigestRecipient } from '../../digest/types';

export type { DigestRecipient };

// Deliberately plain: one @, a dot in the domain, no spaces or angle brackets (which would
// let a header be smuggled into the message).
const EMAIL = /^[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+$/;

export function checkEmail(email: string): string {
	const normalized = email.trim().toLowerCase();
	if (!EMAIL.test(normalized) || normalized.length > 254) throw new UsageError(`"${email}" is not an email address`);
	return normalized;
}

export async function listRecipients(db: WarehouseConnection): Promise<DigestRecipient[]> {
	return db.all<DigestRecipient>('SELECT email, role, added_by, created_at FROM digest_recipients ORDER BY email');
}

export async function findRecipient(db: WarehouseConnection, email: string): Promise<DigestRecipient | undefined> {
	return db.one<DigestRecipient>('SELECT email, role, added_by, created_at FROM digest_recipients WHERE email = ?', [checkEmail(email)]);
}

/** Adds a recipient, or changes the role of one already listed. */
export async function saveRecipient(
	db: WarehouseConnection,
	email: string,
	role: string,
	addedBy: string | null
): Promise<DigestRecipient> {
	const address = checkEmail(email);
	const checked = checkRole(role);
	await db.run(
		`INSERT INTO digest_recipients VALUES (?, ?, ?, now()::TIMESTAMP)
		 ON CONFLICT (email) DO UPDATE SET role = excluded.role`,
		[address, checked, addedBy]
	);
	return (await findRecipient(db, address))!;
}

export async function removeRecipient(db: WarehouseConnection, email: string): Promise<void> {
	const address = checkEmail(email);
	if (!(await findRecipient(db, address))) throw new UsageError(`${address} does not receive the digest`);
	await db.run('DELETE FROM digest_recipients WHERE email = ?', [address]);
}
