// Route helper: runs a step whose typed errors (bad input, not found, busy warehouse) the
// user should see, answered with the status each carries (see httpError.ts).
import { rethrowAsHttp } from './httpError';

export async function withUserErrors<T>(fn: () => Promise<T> | T): Promise<T> {
	try {
		return await fn();
	} catch (e) {
		rethrowAsHttp(e);
	}
}
