import { describe, expect, it } from 'vitest';
import { ibanValid, luhnValid } from './luhn';
import { findPersonalData, redactPersonalData } from './personalData';

const kinds = (text: string, allowedEmails: string[] = []) => findPersonalData(text, { allowedEmails }).map((f) => f.kind);

describe('luhn and iban checks', () => {
	it('accepts real test card numbers and rejects one-digit changes', () => {
		expect(luhnValid('4111111111111111')).toBe(true);
		expect(luhnValid('5555555555554444')).toBe(true);
		expect(luhnValid('4111111111111112')).toBe(false);
	});
	it('checks IBANs with mod 97', () => {
		expect(ibanValid('DE89 3704 0044 0532 0130 00')).toBe(true);
		expect(ibanValid('GB82 WEST 1234 5698 7654 32')).toBe(true);
		expect(ibanValid('DE89 3704 0044 0532 0130 01')).toBe(false);
	});
});

describe('findPersonalData', () => {
	it('finds Luhn-valid card numbers with spaces or dashes, not other long numbers', () => {
		expect(kinds('the card on file is 4111 1111 1111 1111, exp 09/28')).toEqual(['card']);
		expect(kinds('Karte 5555-5555-5555-4444')).toEqual(['card']);
		expect(kinds('tracking number 1234 5678 9012 3456')).not.toContain('card');
	});
	it('finds IBANs in several countries', () => {
		expect(kinds('Die Erstattung geht auf die IBAN DE89 3704 0044 0532 0130 00.')).toEqual(['iban']);
		expect(kinds('El reembolso irá al IBAN ES91 2100 0418 4502 0005 1332.')).toEqual(['iban']);
		expect(kinds('Le remboursement ira sur l’IBAN FR14 2004 1010 0505 0001 3M02 606.')).toEqual(['iban']);
	});
	it('finds phone numbers but not order numbers, amounts or dates', () => {
		expect(kinds('call me on +49 30 1234567')).toEqual(['phone']);
		expect(kinds('reach our agent at (555) 123-4567')).toEqual(['phone']);
		expect(kinds('appelez le 06 12 34 56 78')).toEqual(['phone']);
		expect(kinds('order #48213, charged $129.99 on 2026-10-05, pedido 51234')).toEqual([]);
	});
	it('finds e-mail addresses except the customer’s own', () => {
		expect(kinds('write to jane.doe@example.com', ['jane.doe@example.com'])).toEqual([]);
		expect(kinds('the account belongs to bob@corp.example', ['jane.doe@example.com'])).toEqual(['email']);
	});
	it('finds passwords given in clear in four languages', () => {
		expect(kinds('Your temporary password is Summer2026! so you can sign in')).toEqual(['password']);
		expect(kinds('Ihr vorläufiges Passwort lautet Sommer2026! damit')).toEqual(['password']);
		expect(kinds('Tu contraseña temporal es Verano2026! para que entres ya.')).toEqual(['password']);
		expect(kinds('Votre mot de passe temporaire est Ete2026! pour vous connecter')).toEqual(['password']);
		expect(kinds('you can reset your password in Settings')).toEqual([]);
	});
});

describe('wider patterns', () => {
	const redacted = (text: string) => redactPersonalData(text).text;
	it('finds cards with any separator, and a card followed by another number', () => {
		expect(redacted('4111  1111  1111  1111 / 5555.5555.5555.4444 / 3782-822463-10005')).toBe('[CARD] / [CARD] / [CARD]');
		expect(redacted('card 4111111111111111 12 months')).toBe('card [CARD] 12 months');
		expect(kinds('1234.5678.9012.3456')).toEqual([]);
	});
	it('finds IBANs in any case, ending at the country length, and the BIC after them or after a keyword', () => {
		expect(redacted('IBAN DE89 3704 0044 0532 0130 00 BIC COBADEFFXXX.')).toBe('IBAN [IBAN] BIC [BIC].');
		expect(redacted('iban de89370400440532013000, bic cobadeffxxx')).toBe('iban [IBAN], bic [BIC]');
		expect(redacted('DE89 3704 0044 0532 0130 00 NWBKGB2L')).toBe('[IBAN] [BIC]');
		expect(kinds('DE89 3704 0044 0532 0130 01')).not.toContain('iban');
		expect(kinds('the SWIFTNESS of DELIVERY matters')).toEqual([]);
	});
	it('finds SSNs: dashed when the format is valid, bare only after a keyword', () => {
		expect(redacted('SSN 219-09-9999 and ssn: 078051120')).toBe('SSN [SSN] and ssn: [SSN]');
		expect(kinds('order 123456789, part 000-12-3456, 666-12-3456')).not.toContain('ssn');
		expect(kinds('order 123456789')).toEqual([]);
	});
	it('finds dates of birth after a keyword in four languages, not other dates', () => {
		expect(redacted('born on 14 July 1988; DOB: 03/22/1979')).toBe('born on [DOB]; DOB: [DOB]');
		expect(redacted('Geburtsdatum 12.03.1985, geboren am 1. Mai 1990')).toBe('Geburtsdatum [DOB], geboren am [DOB]');
		expect(redacted('fecha de nacimiento: 05/11/1982, nací el 3 de mayo de 1990')).toBe('fecha de nacimiento: [DOB], nací el [DOB]');
		expect(redacted('né le 5 mars 1979, date de naissance : 21/06/1975')).toBe('né le [DOB], date de naissance : [DOB]');
		expect(kinds('the outage on 2026-10-05, invoice of 3 March 2021, 05.10.2026')).toEqual([]);
	});
	it('finds 10-digit phone runs but not order, ticket or timestamp numbers', () => {
		expect(redacted('call 2125550147 or 0612345678')).toBe('call [PHONE] or [PHONE]');
		expect(kinds('order 4823910475, ticket #2125550147, at 1764000000, version 4.12.3, $129.99')).toEqual([]);
	});
	it('finds passwords, PINs and one-time codes with a keyword, not sentences about passwords', () => {
		expect(redacted('pw: Blue!Falcon7')).toBe('pw: [PASSWORD]');
		expect(redacted('the password for my account is Hunter2!xyz.')).toBe('the password for my account is [PASSWORD].');
		expect(redacted('Das Passwort für mein Konto lautet Geheim#77')).toBe('Das Passwort für mein Konto lautet [PASSWORD]');
		expect(redacted('mdp : Chat!Noir88, PIN 4821, verification code is 482913, Bestätigungscode: 739102')).toBe(
			'mdp : [PASSWORD], PIN [PASSWORD], verification code is [PASSWORD], Bestätigungscode: [PASSWORD]'
		);
		expect(redacted('my password is "banana"')).toBe('my password is "[PASSWORD]"');
		for (const sentence of [
			'the password is wrong',
			'das Passwort ist abgelaufen',
			'la contraseña es incorrecta',
			'le mot de passe est expiré',
			'la clave es reiniciar',
			'error code 500'
		]) {
			expect(kinds(sentence)).toEqual([]);
		}
	});
	it('finds street addresses with a number and a street word in four languages', () => {
		expect(redacted('12 Main Street, Hauptstraße 5, Calle Mayor 3, 5 rue de la Paix')).toBe('[ADDRESS], [ADDRESS], [ADDRESS], [ADDRESS]');
		expect(kinds('Im Januar 2026 I paid 2 place holders, 5 business days, Bring 5 items')).toEqual([]);
	});
	it('masks a secret found once wherever it comes back, here or from another field', () => {
		expect(redacted('my password is Sesame-Open-99. Log in with Sesame-Open-99')).toBe('my password is [PASSWORD]. Log in with [PASSWORD]');
		const knownSecrets = [
			{ kind: 'password' as const, text: 'Hunter2!xyz' },
			{ kind: 'card' as const, text: '4111 1111 1111 1111' }
		];
		expect(redactPersonalData('I tried Hunter2!xyz… and 4111-1111-1111-1111', { knownSecrets }).text).toBe(
			'I tried [PASSWORD]… and [CARD]'
		);
		expect(redactPersonalData('Hunter2!xyzzy is another word', { knownSecrets }).text).toBe('Hunter2!xyzzy is another word');
	});
	it('is idempotent, so redacting an assembled prompt again changes nothing', () => {
		const once = redacted('SSN 219-09-9999, order 123456789; born on 14 July 1988, opened 3 March 2021; PIN 4821 then 5678');
		expect(redacted(once)).toBe(once);
		expect(once).toContain('123456789');
		expect(once).toContain('3 March 2021');
	});
});

describe('redactPersonalData', () => {
	it('replaces every finding with a placeholder and keeps the rest', () => {
		const { text, findings } = redactPersonalData('Card 4111 1111 1111 1111, mail bob@corp.example, call +33 6 12 34 56 78.');
		expect(text).toBe('Card [CARD], mail [EMAIL], call [PHONE].');
		expect(findings.map((f) => f.kind)).toEqual(['card', 'email', 'phone']);
	});
});
