// GET /api/conversations/{source}/{id}: the canonical conversation as JSON (roles that may read transcripts).
import { json } from '@sveltejs/kit';
import { loadConversation } from '$lib/server/conversations/loadConversation';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => json(await loadConversation(event, 'api'));
