// The weekly digest: who receives it (email and the role that decides what it may hold), and
// the delivery log — one row per week, channel and recipient (so nothing is sent twice), plus
// every attempt with its error (so no failure is lost silently).
export default {
	version: 60,
	name: 'digest',
	sql: `
CREATE TABLE digest_recipients (
	email VARCHAR NOT NULL PRIMARY KEY,   -- stored lower-case
	role VARCHAR NOT NULL,                -- admin | manager | kb_owner | exec: what the digest holds
	added_by VARCHAR,
	created_at TIMESTAMP NOT NULL
);

CREATE TABLE digest_deliveries (
	week VARCHAR NOT NULL,                -- ISO week, YYYY-Www
	channel VARCHAR NOT NULL,             -- email | webhook
	recipient VARCHAR NOT NULL,           -- the email address, or the webhook's host
	role VARCHAR NOT NULL,
	status VARCHAR NOT NULL,              -- sending | sent | failed
	attempts INTEGER NOT NULL DEFAULT 0,
	last_error VARCHAR,
	created_at TIMESTAMP NOT NULL,
	updated_at TIMESTAMP NOT NULL,
	sent_at TIMESTAMP,
	PRIMARY KEY (week, channel, recipient)
);

CREATE TABLE digest_delivery_attempts (
	week VARCHAR NOT NULL,
	channel VARCHAR NOT NULL,
	recipient VARCHAR NOT NULL,
	attempt INTEGER NOT NULL,
	attempted_at TIMESTAMP NOT NULL,
	ok BOOLEAN NOT NULL,
	error VARCHAR
);
`
};
