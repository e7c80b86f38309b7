import { describe, expect, it } from 'vitest';
import { conversationSecrets } from './conversationSecrets';

describe('conversationSecrets', () => {
	it('collects each secret once from every field, leaving out the customer’s own address', () => {
		const secrets = conversationSecrets(
			[
				'Login broken, password is Tulip#2024',
				null,
				'write to anna@example.com or bob@corp.example',
				'PASSWORD IS Tulip#2024',
				undefined,
				'plain text'
			],
			['anna@example.com']
		);
		expect(secrets).toEqual([
			{ kind: 'password', text: 'Tulip#2024' },
			{ kind: 'email', text: 'bob@corp.example' }
		]);
	});
});
