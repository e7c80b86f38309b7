// Reading the audit log, newest first, for the Users page and its CSV download.
import type { CsvColumn } from '../http/csvResponse';
import type { WarehouseConnection } from '../warehouse';

export type AuditRow = {
	id: number;
	happened_at: Date;
	actor: string;
	action: string;
	target: string;
	detail: string | null;
	address: string | null;
};

export const AUDIT_CSV_COLUMNS: CsvColumn[] = [{ key: 'happened_at', header: 'time' }, 'actor', 'action', 'target', 'detail', 'address'];

/** The newest `limit` entries (all when `limit` is omitted). */
export async function listAudit(db: WarehouseConnection, limit?: number): Promise<AuditRow[]> {
	const sql = 'SELECT id, happened_at, actor, action, target, detail, address FROM audit_log ORDER BY id DESC';
	return limit === undefined ? db.all<AuditRow>(sql) : db.all<AuditRow>(`${sql} LIMIT ?`, [limit]);
}
