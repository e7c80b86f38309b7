// Every page in the (app) group gets the logged-in user and the nav links their role sees.
import { error } from '@sveltejs/kit';
import { navFor } from '$lib/navLinks';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	if (!locals.user) error(401, 'log in first'); // hooks.server.ts redirects before this; belt and braces
	return { user: locals.user, nav: navFor(locals.user.role) };
};
