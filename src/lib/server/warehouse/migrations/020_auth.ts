// Dashboard logins: users with salted scrypt hashes and sessions keyed by the SHA-256 of a
// random token (the token itself lives only in the browser's cookie).
export default {
	version: 20,
	name: 'auth',
	sql: `
CREATE TABLE users (
	username VARCHAR NOT NULL PRIMARY KEY,
	role VARCHAR NOT NULL,              -- admin | manager | kb_owner | exec
	password_hash VARCHAR NOT NULL,     -- scrypt$N$r$p$salt$hash (base64)
	is_demo BOOLEAN NOT NULL DEFAULT false,
	created_at TIMESTAMP NOT NULL,
	password_changed_at TIMESTAMP NOT NULL
);

CREATE TABLE sessions (
	token_hash VARCHAR NOT NULL PRIMARY KEY, -- sha256 hex of the cookie token
	username VARCHAR NOT NULL,
	created_at TIMESTAMP NOT NULL,
	expires_at TIMESTAMP NOT NULL
);
`
};
