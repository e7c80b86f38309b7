// One demo user per role for `demo`. Passwords are only stored hashed, so each `demo` run
// gives the demo users fresh passwords and prints them; users made with `users add` (not
// demo users) are never touched, even when they carry a demo name.
import type { WarehouseConnection } from '../warehouse';
import { findUser, createUser, resetPassword } from './users';
import { ROLES, type Role } from './roles';

export interface DemoUser {
	username: string;
	role: Role;
	password: string;
}

export async function ensureDemoUsers(db: WarehouseConnection): Promise<DemoUser[]> {
	const out: DemoUser[] = [];
	for (const role of ROLES) {
		const username = role;
		const existing = await findUser(db, username);
		if (existing && !existing.is_demo) continue;
		const password = existing ? await resetPassword(db, username) : await createUser(db, username, role, { isDemo: true });
		out.push({ username, role: existing?.role ?? role, password });
	}
	return out;
}
