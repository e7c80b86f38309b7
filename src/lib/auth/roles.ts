// The four roles and what each may see. Browser-safe (the navigation hides links by role);
// every page, API route and download checks these on the server as well.
export const ROLES = ['admin', 'manager', 'kb_owner', 'exec'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
	return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Roles allowed to read transcripts and customer text (conversation view, its API and CSVs). */
export const TRANSCRIPT_ROLES: readonly Role[] = ['admin', 'manager', 'kb_owner'];
/** Roles allowed everything except user management and imports. */
export const MANAGER_ROLES: readonly Role[] = ['admin', 'manager'];
export const ADMIN_ROLES: readonly Role[] = ['admin'];

export interface SessionUser {
	username: string;
	role: Role;
}
