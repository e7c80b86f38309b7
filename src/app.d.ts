// See https://svelte.dev/docs/kit/types#app.d.ts
import type { SessionUser } from '$lib/auth/roles';

declare global {
	namespace App {
		interface Error {
			message: string;
			/** The query parameter or form field at fault, for bad input. */
			field?: string;
		}
		interface Locals {
			/** The logged-in user, set by hooks.server.ts from the session cookie; null when logged out. */
			user: SessionUser | null;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
