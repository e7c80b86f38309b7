import { describe, expect, it } from 'vitest';
import { homeFor, navFor } from './navLinks';
import { ROLES } from './server/auth/roles';

describe('navigation', () => {
	it('shows the overview to every role, as its page allows', () => {
		for (const role of ROLES)
			expect(
				navFor(role).map((l) => l.href),
				role
			).toContain('/');
	});

	it('lands each role on a page its navigation lists', () => {
		for (const role of ROLES)
			expect(
				navFor(role).map((l) => l.href),
				role
			).toContain(homeFor(role));
		expect(homeFor('kb_owner')).toBe('/gaps');
		expect(homeFor('exec')).toBe('/');
	});

	it('keeps transcripts, the review and admin pages out of the exec and kb_owner menus', () => {
		expect(navFor('exec').map((l) => l.href)).toEqual(['/']);
		expect(navFor('kb_owner').map((l) => l.href)).toEqual(['/', '/gaps', '/conversations', '/reroutes']);
	});
});
