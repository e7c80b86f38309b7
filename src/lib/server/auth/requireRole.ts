// The server-side role check every page load, API route and CSV download calls first.
import { error } from '@sveltejs/kit';
import type { Role, SessionUser } from './roles';

export function requireRole(locals: { user: SessionUser | null }, roles: readonly Role[]): SessionUser {
	const user = locals.user;
	if (!user) error(401, 'log in first');
	if (!roles.includes(user.role)) error(403, `Your role (${user.role}) may not see this page or data.`);
	return user;
}
