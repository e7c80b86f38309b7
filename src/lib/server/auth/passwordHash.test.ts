import { describe, expect, it } from 'vitest';
import { generatePassword } from './generatePassword';
import { hashPassword, verifyPassword } from './passwordHash';

describe('password hashes', () => {
	it('verify the right password and reject a wrong one', async () => {
		const hash = await hashPassword('correct horse');
		expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
		expect(hash).not.toContain('correct horse');
		expect(await verifyPassword('correct horse', hash)).toBe(true);
		expect(await verifyPassword('correct horsE', hash)).toBe(false);
		expect(await verifyPassword('', hash)).toBe(false);
	});

	it('salt each hash, so the same password hashes differently', async () => {
		const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')]);
		expect(a).not.toBe(b);
		expect(await verifyPassword('same', b)).toBe(true);
	});

	it('reject malformed stored hashes instead of throwing', async () => {
		for (const bad of ['', 'plain', 'scrypt$x$8$1$abc$def', 'bcrypt$1$2$3$4$5', 'scrypt$16384$8$1$c2FsdA==$']) {
			expect(await verifyPassword('anything', bad)).toBe(false);
		}
	});

	it('generated passwords are long, varied and free of look-alike characters', () => {
		const seen = new Set(Array.from({ length: 50 }, () => generatePassword()));
		expect(seen.size).toBe(50);
		for (const p of seen) expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{16}$/);
	});
});
