// `users`: manage dashboard logins. `users add NAME --role R` prints a generated password
// once (only its scrypt hash is stored); `users list`, `users role NAME R`, `users reset NAME`,
// `users disable|enable|delete NAME`. Changes are audited as done by `cli:<system user>`.
import os from 'node:os';
import { UsageError } from '../../src/lib/server/errors';
import { createUser, deleteUser, listUsers, resetPassword, ROLES, setUserDisabled, setUserRole } from '../../src/lib/server/auth';
import { resolveDbPath, withWarehouse } from '../../src/lib/server/warehouse';
import { parseFlags, type Command } from '../command';

const usage = `users add NAME --role ${ROLES.join('|')} [--db PATH] | users list [--json] | users role NAME ROLE | users reset NAME | users disable NAME | users enable NAME | users delete NAME`;

/** Who the audit log names for a change made here. */
function cliActor() {
	let name = 'unknown';
	try {
		name = os.userInfo().username;
	} catch {
		/* no passwd entry (some containers) */
	}
	return { actor: `cli:${name}` };
}

export const usersCommand: Command = {
	name: 'users',
	summary: 'add dashboard users (prints a generated password), list them, change roles, reset passwords',
	usage,
	async run(argv) {
		const { values, positionals } = parseFlags(
			argv,
			{ role: { type: 'string' }, db: { type: 'string' }, json: { type: 'boolean' } },
			usage
		);
		const [action, name, roleArg] = positionals;
		const dbPath = resolveDbPath(values.db);
		switch (action) {
			case 'add': {
				if (!name || positionals.length > 2) throw new UsageError(`name one user to add\nusage: ${usage}`);
				if (!values.role) throw new UsageError(`--role is required: one of ${ROLES.join(', ')}`);
				const password = await withWarehouse(dbPath, (w) => createUser(w.db, name, values.role!, { by: cliActor() }));
				console.log(
					values.json
						? JSON.stringify({ username: name, role: values.role, password })
						: `created ${values.role} "${name}" with password ${password}`
				);
				return 0;
			}
			case 'list': {
				const users = await withWarehouse(dbPath, (w) => listUsers(w.db), { mustExist: true });
				if (values.json)
					console.log(JSON.stringify(users.map((u) => ({ username: u.username, role: u.role, disabled: u.disabled_at !== null }))));
				else
					for (const u of users)
						console.log(`${u.username.padEnd(20)} ${u.role}${u.is_demo ? '  (demo)' : ''}${u.disabled_at ? '  (disabled)' : ''}`);
				return 0;
			}
			case 'role': {
				const role = values.role ?? roleArg;
				if (!name || !role) throw new UsageError(`usage: users role NAME ROLE`);
				await withWarehouse(dbPath, (w) => setUserRole(w.db, name, role, cliActor()), { mustExist: true });
				console.log(`"${name}" is now ${role}`);
				return 0;
			}
			case 'reset': {
				if (!name) throw new UsageError(`usage: users reset NAME`);
				const password = await withWarehouse(dbPath, (w) => resetPassword(w.db, name, undefined, cliActor()), { mustExist: true });
				console.log(`new password for "${name}": ${password}`);
				return 0;
			}
			case 'disable':
			case 'enable':
			case 'delete': {
				if (!name) throw new UsageError(`usage: users ${action} NAME`);
				await withWarehouse(
					dbPath,
					(w) => (action === 'delete' ? deleteUser(w.db, name, cliActor()) : setUserDisabled(w.db, name, action === 'disable', cliActor())),
					{ mustExist: true }
				);
				console.log(`"${name}" is ${action}d${action === 'enable' ? '' : '; their sessions have ended'}`);
				return 0;
			}
			default:
				throw new UsageError(`${action ? `unknown users action "${action}"` : 'name an action'}\nusage: ${usage}`);
		}
	}
};
