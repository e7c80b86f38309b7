// CSV of every question in one gap (source, conversation, event, text), same roles as the gap page.
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { withAppDb } from '$lib/server/appWarehouse';
import { requireRole, TRANSCRIPT_ROLES } from '$lib/server/auth';
import { gapMembers, getGap } from '$lib/server/gaps';
import { csvResponse } from '$lib/server/http/csvResponse';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	requireRole(locals, TRANSCRIPT_ROLES);
	const parsed = z.coerce.number().int().positive().safeParse(params.id);
	if (!parsed.success) error(404, `no gap "${params.id}"`);
	const id = parsed.data;
	const { gap, members } = await withAppDb(async (db) => ({
		gap: await getGap(db, id),
		members: (await gapMembers(db, id)).get(id) ?? []
	}));
	if (!gap) error(404, `no gap with id ${id}`);
	const rows = members.map((m) => ({
		gap_id: id,
		...m,
		link: `${url.origin}/conversations/${encodeURIComponent(m.source)}/${encodeURIComponent(m.conversation_id)}`
	}));
	return csvResponse(`gap-${id}-questions`, ['gap_id', 'source', 'conversation_id', 'event_id', 'text', 'similarity', 'link'], rows);
};
