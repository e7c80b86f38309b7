export { recordAudit, AUDIT_ACTIONS, type AuditAction, type AuditActor, type AuditEntry } from './recordAudit';
export { listAudit, AUDIT_CSV_COLUMNS, type AuditRow } from './listAudit';
