// The one place a typed error becomes an HTTP answer: a SupportLensError carries its status
// (400 bad input, 404 not found, 409 conflict, 503 busy warehouse) and the field at fault,
// so routes pass it on unchanged; anything else stays a 500 handled by hooks.server.ts.
import { error } from '@sveltejs/kit';
import { SupportLensError } from '../errors';

/** The body a client sees for a typed error: its one-line message and, for bad input, the field. */
export function publicError(e: SupportLensError): App.Error {
	return e.field === undefined ? { message: e.message } : { message: e.message, field: e.field };
}

/** Throws SvelteKit's HttpError for a typed error; rethrows anything else untouched. */
export function rethrowAsHttp(e: unknown): never {
	if (e instanceof SupportLensError) error(e.httpStatus, publicError(e));
	throw e;
}
