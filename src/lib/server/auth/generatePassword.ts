// Generated passwords for `users add` and `demo`: 16 characters from an alphabet without
// look-alikes (no 0/O, 1/l/I), about 90 bits of entropy, easy to copy from a terminal.
import { randomInt } from 'node:crypto';

const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function generatePassword(length = 16): string {
	let out = '';
	for (let i = 0; i < length; i++) out += ALPHABET[randomInt(ALPHABET.length)];
	return out;
}
