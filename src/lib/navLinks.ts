// The main navigation and which roles see each link. Hiding a
// link is only a courtesy: every route checks the role on the server as well.
import type { Role } from './auth/roles';

export interface NavLink {
	href: string;
	label: string;
	roles: readonly Role[];
}

export const NAV_LINKS: NavLink[] = [
	{ href: '/', label: 'Overview', roles: ['admin', 'manager', 'exec'] },
	{ href: '/review', label: 'Weekly review', roles: ['admin', 'manager'] },
	{ href: '/gaps', label: 'Knowledge gaps', roles: ['admin', 'manager', 'kb_owner'] },
	{ href: '/conversations', label: 'Conversations', roles: ['admin', 'manager', 'kb_owner'] },
	{ href: '/reroutes', label: 'Reroutes', roles: ['admin', 'manager', 'kb_owner'] },
	{ href: '/imports', label: 'Imports', roles: ['admin'] },
	{ href: '/users', label: 'Users', roles: ['admin'] }
];

export function navFor(role: Role): NavLink[] {
	return NAV_LINKS.filter((l) => l.roles.includes(role));
}

/** Where a user lands after logging in without a `next`: the first page their role may see. */
export function homeFor(role: Role): string {
	return navFor(role)[0]?.href ?? '/';
}
