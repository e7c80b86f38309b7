// One gap: example questions (each opening its conversation), the weekly trend, the nearest
// article, and the status, owner and note a KB owner edits (saved in the warehouse, so they
// survive re-mining).
import { error, fail } from '@sveltejs/kit';
import { z } from 'zod';
import { withAppDb } from '$lib/server/appWarehouse';
import { requireRole, TRANSCRIPT_ROLES } from '$lib/server/auth';
import { SupportLensError } from '$lib/server/errors';
import { GAP_STATUSES, getGapDetail, updateGap } from '$lib/server/gaps';
import { rethrowAsHttp } from '$lib/server/http/httpError';
import type { Actions, PageServerLoad } from './$types';

const idSchema = z.coerce.number().int().positive();

function gapId(raw: string): number {
	const parsed = idSchema.safeParse(raw);
	if (!parsed.success) error(404, `no gap "${raw}"`);
	return parsed.data;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	requireRole(locals, TRANSCRIPT_ROLES);
	const id = gapId(params.id);
	const gap = await withAppDb((db) => getGapDetail(db, id));
	if (!gap) error(404, `no gap with id ${id}`);
	return { gap, statuses: GAP_STATUSES };
};

const formSchema = z.object({
	status: z.enum(GAP_STATUSES),
	owner: z.string().max(200),
	note: z.string().max(5000)
});

export const actions: Actions = {
	save: async ({ locals, params, request }) => {
		requireRole(locals, TRANSCRIPT_ROLES);
		const id = gapId(params.id);
		const form = Object.fromEntries(await request.formData());
		const parsed = formSchema.safeParse({ status: form.status, owner: form.owner ?? '', note: form.note ?? '' });
		if (!parsed.success)
			return fail(400, { error: `cannot save: ${String(parsed.error.issues[0].path[0])}: ${parsed.error.issues[0].message}` });
		try {
			await withAppDb((db) => updateGap(db, id, parsed.data));
		} catch (e) {
			// Bad input shows on the form; anything else (a gap deleted meanwhile: 404) answers with its own status.
			if (e instanceof SupportLensError && e.httpStatus === 400) return fail(400, { error: e.message });
			rethrowAsHttp(e);
		}
		return { saved: true };
	}
};
