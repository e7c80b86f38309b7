// Changes what a knowledge-base owner works on a gap: status, owner, note. Resolving stamps the
// date the before/after volume comparison splits at; leaving `resolved` clears it.
import { NotFoundError, UsageError } from '../errors';
import type { WarehouseConnection } from '../warehouse';
import { GAP_STATUSES, type GapStatus } from './listGaps';

/** No gap with that id (404). */
export class GapNotFoundError extends NotFoundError {}
/** A status, owner or note the gap cannot take (400, with the field at fault). */
export class InvalidGapUpdateError extends UsageError {}

export interface GapUpdate {
	status?: string;
	owner?: string | null;
	note?: string | null;
}

export async function updateGap(db: WarehouseConnection, id: number, update: GapUpdate): Promise<void> {
	if (update.status !== undefined && !GAP_STATUSES.includes(update.status as GapStatus)) {
		throw new InvalidGapUpdateError(`gap ${id}: unknown status "${update.status}"; use ${GAP_STATUSES.join(', ')}`, { field: 'status' });
	}
	if (update.owner && update.owner.length > 200)
		throw new InvalidGapUpdateError(`gap ${id}: owner is longer than 200 characters`, { field: 'owner' });
	if (update.note && update.note.length > 5000)
		throw new InvalidGapUpdateError(`gap ${id}: note is longer than 5,000 characters`, { field: 'note' });
	await db.transaction(async (tx) => {
		const current = await tx.one<{ status: string }>('SELECT status FROM gaps WHERE id = ?', [id]);
		if (!current) throw new GapNotFoundError(`no gap with id ${id}`);
		if (update.status !== undefined && update.status !== current.status) {
			await tx.run(
				`UPDATE gaps SET status = ?, status_changed_at = now()::TIMESTAMP,
					resolved_at = CASE WHEN ? = 'resolved' THEN now()::TIMESTAMP ELSE NULL END WHERE id = ?`,
				[update.status, update.status, id]
			);
		}
		if (update.owner !== undefined) await tx.run('UPDATE gaps SET owner = ? WHERE id = ?', [update.owner?.trim() || null, id]);
		if (update.note !== undefined) await tx.run('UPDATE gaps SET note = ? WHERE id = ?', [update.note?.trim() || null, id]);
	});
}
