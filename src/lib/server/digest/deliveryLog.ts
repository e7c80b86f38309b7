// The delivery log: one row per (week, channel, recipient) holding its state, and one row per
// attempt with its error. A row marked `sent` is never sent again; a row left `sending` (the
// process died mid-send) is not resent either, because the message may have gone out.
import type { Role } from '../auth/roles';
import type { WarehouseConnection } from '../warehouse';
import type { DeliveryChannel, DeliveryKey, DeliveryRow } from '../../digest/types';

export type { DeliveryChannel, DeliveryKey, DeliveryRow };

const KEY = 'week = ? AND channel = ? AND recipient = ?';
const keyParams = (k: DeliveryKey) => [k.week, k.channel, k.recipient];

/**
 * Marks the delivery as being sent, unless it was sent or may have been: returns the existing
 * row then (status sent or sending), or null when the caller may send.
 */
export async function claimDelivery(db: WarehouseConnection, key: DeliveryKey, role: Role): Promise<DeliveryRow | null> {
	return db.transaction(async (tx) => {
		const existing = await tx.one<DeliveryRow>(`SELECT * FROM digest_deliveries WHERE ${KEY}`, keyParams(key));
		if (existing && existing.status !== 'failed') return existing;
		if (existing)
			await tx.run(`UPDATE digest_deliveries SET status = 'sending', role = ?, updated_at = now()::TIMESTAMP WHERE ${KEY}`, [
				role,
				...keyParams(key)
			]);
		else
			await tx.run(`INSERT INTO digest_deliveries VALUES (?, ?, ?, ?, 'sending', 0, NULL, now()::TIMESTAMP, now()::TIMESTAMP, NULL)`, [
				...keyParams(key),
				role
			]);
		return null;
	});
}

export async function logAttempt(db: WarehouseConnection, key: DeliveryKey, error: string | null): Promise<void> {
	await db.transaction(async (tx) => {
		await tx.run(
			`UPDATE digest_deliveries SET attempts = attempts + 1, last_error = coalesce(?, last_error), updated_at = now()::TIMESTAMP WHERE ${KEY}`,
			[error, ...keyParams(key)]
		);
		const row = await tx.one<{ attempts: number }>(`SELECT attempts FROM digest_deliveries WHERE ${KEY}`, keyParams(key));
		await tx.run(`INSERT INTO digest_delivery_attempts VALUES (?, ?, ?, ?, now()::TIMESTAMP, ?, ?)`, [
			...keyParams(key),
			row?.attempts ?? 1,
			error === null,
			error
		]);
	});
}

export async function finishDelivery(db: WarehouseConnection, key: DeliveryKey, status: 'sent' | 'failed'): Promise<void> {
	await db.run(
		`UPDATE digest_deliveries SET status = ?, sent_at = CASE WHEN ? = 'sent' THEN now()::TIMESTAMP ELSE sent_at END, updated_at = now()::TIMESTAMP WHERE ${KEY}`,
		[status, status, ...keyParams(key)]
	);
}

/** Deliveries whose last run failed, of weeks `fromWeek` to `toWeek` (ISO weeks sort as text), oldest first. */
export async function failedDeliveries(db: WarehouseConnection, fromWeek: string, toWeek: string): Promise<DeliveryRow[]> {
	return db.all<DeliveryRow>(
		`SELECT * FROM digest_deliveries WHERE status = 'failed' AND week BETWEEN ? AND ? ORDER BY week, channel, recipient`,
		[fromWeek, toWeek]
	);
}

export async function listDeliveries(db: WarehouseConnection, week?: string): Promise<DeliveryRow[]> {
	return week
		? db.all<DeliveryRow>('SELECT * FROM digest_deliveries WHERE week = ? ORDER BY channel, recipient', [week])
		: db.all<DeliveryRow>('SELECT * FROM digest_deliveries ORDER BY week DESC, channel, recipient LIMIT 200');
}

export async function listAttempts(
	db: WarehouseConnection,
	key: DeliveryKey
): Promise<{ attempt: number; attempted_at: Date; ok: boolean; error: string | null }[]> {
	return db.all(`SELECT attempt, attempted_at, ok, error FROM digest_delivery_attempts WHERE ${KEY} ORDER BY attempt`, keyParams(key));
}
