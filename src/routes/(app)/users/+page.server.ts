// The Users page (admin): list users, add one (its generated password is shown once),
// change a role, reset a password. Form actions, so SvelteKit's same-origin check applies.
import { fail } from '@sveltejs/kit';
import { withAppDb } from '$lib/server/appWarehouse';
import { createUser, listUsers, resetPassword, setUserRole } from '$lib/server/auth';
import { requireRole } from '$lib/server/auth/requireRole';
import { ADMIN_ROLES, ROLES } from '$lib/server/auth/roles';
import { SupportLensError } from '$lib/server/errors';
import { sessionCache } from '$lib/server/auth/SessionCache';
import type { Actions, PageServerLoad } from './$types';
import { digestRecipientActions, loadDigestAdmin } from './digestRecipientActions';

export const load: PageServerLoad = async ({ locals }) => {
	requireRole(locals, ADMIN_ROLES);
	const users = await withAppDb((db) => listUsers(db));
	return { users, roles: ROLES, digest: await loadDigestAdmin() };
};

async function userAction<T>(fn: () => Promise<T>) {
	try {
		const value = await fn();
		sessionCache.clear(); // a role change or reset must take effect on the next request
		return { ok: true as const, value };
	} catch (error) {
		if (error instanceof SupportLensError) return { ok: false as const, message: error.message };
		throw error;
	}
}

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export const actions: Actions = {
	...digestRecipientActions,
	add: async ({ locals, request }) => {
		requireRole(locals, ADMIN_ROLES);
		const form = await request.formData();
		const username = field(form, 'username');
		const role = field(form, 'role');
		const result = await userAction(() => withAppDb((db) => createUser(db, username, role)));
		if (!result.ok) return fail(400, { ok: false, action: 'add', message: result.message, username });
		return { ok: true, action: 'add', username, password: result.value, message: `Created ${role} "${username}".` };
	},
	role: async ({ locals, request }) => {
		requireRole(locals, ADMIN_ROLES);
		const form = await request.formData();
		const username = field(form, 'username');
		const role = field(form, 'role');
		const result = await userAction(() => withAppDb((db) => setUserRole(db, username, role)));
		if (!result.ok) return fail(400, { ok: false, action: 'role', message: result.message, username });
		return { ok: true, action: 'role', username, message: `"${username}" is now ${role}.` };
	},
	reset: async ({ locals, request }) => {
		requireRole(locals, ADMIN_ROLES);
		const form = await request.formData();
		const username = field(form, 'username');
		const result = await userAction(() => withAppDb((db) => resetPassword(db, username)));
		if (!result.ok) return fail(400, { ok: false, action: 'reset', message: result.message, username });
		return { ok: true, action: 'reset', username, password: result.value, message: `New password for "${username}"; their sessions have ended.` };
	}
};
