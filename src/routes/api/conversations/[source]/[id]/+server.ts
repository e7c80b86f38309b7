// GET /api/conversations/{source}/{id}: the canonical conversation as JSON (roles that may read transcripts).
import { json } from '@sveltejs/kit';
import { conversationRequest } from '$lib/server/http/conversationRequest';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => json(await conversationRequest(event, 'api'));
