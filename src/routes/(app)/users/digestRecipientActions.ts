// The Users page's digest part (admin): who receives the weekly digest with which role, and
// the recent delivery log. Kept apart from the user-account actions of the same page.
import { fail, type RequestEvent } from '@sveltejs/kit';
import { withAppDb } from '$lib/server/appWarehouse';
import { requireRole } from '$lib/server/auth/requireRole';
import { ADMIN_ROLES } from '$lib/server/auth/roles';
import { digestConfig, listDeliveries, listRecipients, removeRecipient, saveRecipient } from '$lib/server/digest';
import { SupportLensError } from '$lib/server/errors';

/** Recipients, the last deliveries and how delivery is set up (no secrets: only whether it is). */
export async function loadDigestAdmin() {
	let setup: { email: boolean; webhook: boolean; cron: string; timezone: string; error: string | null };
	try {
		const c = digestConfig();
		setup = { email: !!c.smtpUrl, webhook: !!c.webhookUrl, cron: c.cron, timezone: c.timezone, error: null };
	} catch (error) {
		setup = { email: false, webhook: false, cron: '', timezone: '', error: error instanceof Error ? error.message : String(error) };
	}
	const [recipients, deliveries] = await withAppDb(
		async (db) => [await listRecipients(db), (await listDeliveries(db)).slice(0, 30)] as const
	);
	return { recipients, deliveries, setup };
}

async function digestAction(event: RequestEvent, fn: (form: FormData, username: string) => Promise<string>) {
	const user = requireRole(event.locals, ADMIN_ROLES);
	const form = await event.request.formData();
	try {
		return { digestOk: true, digestMessage: await fn(form, user.username) };
	} catch (error) {
		if (error instanceof SupportLensError) return fail(400, { digestOk: false, digestMessage: error.message });
		throw error;
	}
}

const field = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

export const digestRecipientActions = {
	digestSave: (event: RequestEvent) =>
		digestAction(event, async (form, username) => {
			const r = await withAppDb((db) => saveRecipient(db, field(form, 'email'), field(form, 'role'), username));
			return `${r.email} receives the ${r.role} digest.`;
		}),
	digestRemove: (event: RequestEvent) =>
		digestAction(event, async (form) => {
			const email = field(form, 'email');
			await withAppDb((db) => removeRecipient(db, email));
			return `${email} no longer receives the digest.`;
		})
};
