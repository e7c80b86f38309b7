// Disabled accounts (kept, but unable to log in; their sessions end) and the audit log: who
// viewed which transcript and who changed users and roles, for admins to review.
export default {
	version: 21,
	name: 'user_status_audit',
	sql: `
ALTER TABLE users ADD COLUMN disabled_at TIMESTAMP;

CREATE SEQUENCE audit_log_id;
CREATE TABLE audit_log (
	id BIGINT NOT NULL DEFAULT nextval('audit_log_id'),
	happened_at TIMESTAMP NOT NULL,
	actor VARCHAR NOT NULL,     -- the user name who did it
	action VARCHAR NOT NULL,    -- see AUDIT_ACTIONS in src/lib/server/audit/recordAudit.ts
	target VARCHAR NOT NULL,    -- a user name, or source/id of a conversation
	detail VARCHAR,             -- e.g. "manager -> admin", or how a transcript was read (page, api, csv)
	address VARCHAR             -- the client address the request came from
);
`
};
