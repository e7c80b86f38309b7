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

describe('redactPersonalData', () => {
	it('replaces every finding with a placeholder and keeps the rest', () => {
		const { text, findings } = redactPersonalData('Card 4111 1111 1111 1111, mail bob@corp.example, call +33 6 12 34 56 78.');
		expect(text).toBe('Card [CARD], mail [EMAIL], call [PHONE].');
		expect(findings.map((f) => f.kind)).toEqual(['card', 'email', 'phone']);
	});
});
