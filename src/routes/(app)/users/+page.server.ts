// The Users page (admin): list users, add one (its generated password is shown once), change a
// role, reset a password, disable, enable or delete a user (their sessions end at once), and
// the latest audit log entries. Form actions, so SvelteKit's same-origin check applies.
import { fail, type RequestEvent } from '@sveltejs/kit';
import { withAppDb } from '$lib/server/appWarehouse';
import { listAudit } from '$lib/server/audit/listAudit';
import type { AuditActor } from '$lib/server/audit/recordAudit';
import { createUser, deleteUser, listUsers, resetPassword, setUserDisabled, setUserRole } from '$lib/server/auth';
import { requireRole } from '$lib/server/auth/requireRole';
import { ADMIN_ROLES, ROLES } from '$lib/server/auth/roles';
import { SupportLensError, UsageError } from '$lib/server/errors';
import { sessionCache } from '$lib/server/auth/SessionCache';
import { clientAddress } from '$lib/server/http/clientAddress';
import type { Actions, PageServerLoad } from './$types';
import { digestRecipientActions, loadDigestAdmin } from './digestRecipientActions';

const AUDIT_SHOWN = 100;

export const load: PageServerLoad = async ({ locals }) => {
	requireRole(locals, ADMIN_ROLES);
	const [users, audit] = await withAppDb(async (db) => [await listUsers(db), await listAudit(db, AUDIT_SHOWN)] as const);
	return { users, roles: ROLES, audit, auditShown: AUDIT_SHOWN, digest: await loadDigestAdmin() };
};

/** Runs one admin action on the user named in the posted form; a user's mistake becomes a 400 with its message. */
async function userAction(
	event: RequestEvent,
	action: string,
	fn: (form: FormData, username: string, by: AuditActor) => Promise<{ message: string; password?: string }>
) {
	const admin = requireRole(event.locals, ADMIN_ROLES);
	const form = await event.request.formData();
	const username = String(form.get('username') ?? '').trim();
	try {
		const outcome = await fn(form, username, { actor: admin.username, address: clientAddress(event) });
		sessionCache.clear(); // a role change, reset, disable or delete takes effect on the next request
		return { ok: true, action, username, ...outcome };
	} catch (error) {
		if (error instanceof SupportLensError) return fail(error.httpStatus, { ok: false, action, username, message: error.message });
		throw error;
	}
}

/** The web page never lets an admin disable or delete themself: another admin must. */
function notYourself(event: RequestEvent, username: string, verb: string): void {
	if (event.locals.user?.username === username) throw new UsageError(`you cannot ${verb} yourself here; ask another admin`);
}

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export const actions: Actions = {
	...digestRecipientActions,
	add: (event) =>
		userAction(event, 'add', async (form, username, by) => {
			const role = field(form, 'role');
			const password = await withAppDb((db) => createUser(db, username, role, { by }));
			return { password, message: `Created ${role} "${username}".` };
		}),
	role: (event) =>
		userAction(event, 'role', async (form, username, by) => {
			const role = field(form, 'role');
			await withAppDb((db) => setUserRole(db, username, role, by));
			return { message: `"${username}" is now ${role}.` };
		}),
	reset: (event) =>
		userAction(event, 'reset', async (_form, username, by) => {
			const password = await withAppDb((db) => resetPassword(db, username, undefined, by));
			return { password, message: `New password for "${username}"; their sessions have ended.` };
		}),
	disable: (event) =>
		userAction(event, 'disable', async (_form, username, by) => {
			notYourself(event, username, 'disable');
			await withAppDb((db) => setUserDisabled(db, username, true, by));
			return { message: `"${username}" is disabled; their sessions have ended.` };
		}),
	enable: (event) =>
		userAction(event, 'enable', async (_form, username, by) => {
			await withAppDb((db) => setUserDisabled(db, username, false, by));
			return { message: `"${username}" may log in again.` };
		}),
	delete: (event) =>
		userAction(event, 'delete', async (_form, username, by) => {
			notYourself(event, username, 'delete');
			await withAppDb((db) => deleteUser(db, username, by));
			return { message: `Deleted "${username}"; their sessions have ended.` };
		})
};
