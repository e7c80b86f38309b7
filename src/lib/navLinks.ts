// The main navigation and which roles see each link: the same role lists the pages check on
// the server (lib/auth/roles), so a link shows exactly when its page lets the user in. Hiding a
// link is only a courtesy: every route checks the role on the server as well.
import { ADMIN_ROLES, MANAGER_ROLES, ROLES, TRANSCRIPT_ROLES, type Role } from './auth/roles';

export interface NavLink {
	href: string;
	label: string;
	roles: readonly Role[];
}

export const NAV_LINKS: NavLink[] = [
	// Aggregates only, so every role; exec gets no links into conversations from it.
	{ href: '/', label: 'Overview', roles: ROLES },
	{ href: '/review', label: 'Weekly review', roles: MANAGER_ROLES },
	{ href: '/gaps', label: 'Knowledge gaps', roles: TRANSCRIPT_ROLES },
	{ href: '/conversations', label: 'Conversations', roles: TRANSCRIPT_ROLES },
	{ href: '/reroutes', label: 'Reroutes', roles: TRANSCRIPT_ROLES },
	{ href: '/imports', label: 'Imports', roles: ADMIN_ROLES },
	{ href: '/users', label: 'Users', roles: ADMIN_ROLES }
];

export function navFor(role: Role): NavLink[] {
	return NAV_LINKS.filter((l) => l.roles.includes(role));
}

/** A knowledge-base owner's work is the gap list; everyone else starts on the overview. */
const HOME: Record<Role, string> = { admin: '/', manager: '/', exec: '/', kb_owner: '/gaps' };

/** Where a user lands after logging in without a `next`. */
export function homeFor(role: Role): string {
	return HOME[role];
}
