// Route helper: a SupportLensError (something the user can fix) becomes a 400 with its
// one-line message; anything else stays a 500 handled by hooks.server.ts.
import { error } from '@sveltejs/kit';
import { SupportLensError } from '../errors';

export async function withUserErrors<T>(fn: () => Promise<T> | T): Promise<T> {
	try {
		return await fn();
	} catch (e) {
		if (e instanceof SupportLensError) error(400, e.message);
		throw e;
	}
}
