export { ROLES, isRole, TRANSCRIPT_ROLES, MANAGER_ROLES, ADMIN_ROLES, type Role, type SessionUser } from './roles';
export { hashPassword, verifyPassword } from './passwordHash';
export { generatePassword } from './generatePassword';
export {
	createUser,
	listUsers,
	findUser,
	setUserRole,
	resetPassword,
	changeOwnPassword,
	setUserDisabled,
	deleteUser,
	authenticate,
	checkUsername,
	checkRole,
	checkNewPassword,
	MIN_PASSWORD_LENGTH,
	type UserRow
} from './users';
export { createSession, findSession, deleteSession, SESSION_COOKIE, SESSION_TTL_MS } from './sessions';
export { LoginRateLimiter, DEFAULT_RATE_LIMIT, type RateLimitOptions, type LoginAttempt } from './LoginRateLimiter';
export { safeNext } from './safeNext';
export { ensureDemoUsers, type DemoUser } from './ensureDemoUsers';
export { requireRole } from './requireRole';
