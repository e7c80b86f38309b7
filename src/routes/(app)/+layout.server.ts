// Every page in the (app) group gets the logged-in user and the nav links their role sees.
import { redirect } from '@sveltejs/kit';
import { navFor } from '$lib/navLinks';
import { loginUrl } from '$lib/server/auth/loginUrl';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	// hooks.server.ts redirects page requests itself; client-side navigations (data requests) end here.
	if (!locals.user) redirect(303, loginUrl(url));
	return { user: locals.user, nav: navFor(locals.user.role) };
};
