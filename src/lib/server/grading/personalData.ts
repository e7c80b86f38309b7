// Finds and redacts personal data in support text: payment cards (Luhn-checked), IBANs
// (mod-97), phone numbers, e-mail addresses that are not the customer's own, and passwords
// given in clear. Used by the rules grader (no_personal_data) and before anything is sent
// to an LLM endpoint.
import { ibanValid, luhnValid } from './luhn';

export type PersonalDataKind = 'card' | 'iban' | 'phone' | 'email' | 'password';

export interface PersonalDataFinding {
	kind: PersonalDataKind;
	start: number;
	end: number;
	text: string;
}

export interface PersonalDataOptions {
	/** The customer's own addresses: repeating them back is not a leak (case-insensitive). */
	allowedEmails?: Iterable<string>;
}

const CARD = /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d])/g;
const IBAN = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){11,30}\b/g;
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// International (+49 …), trunk-prefixed (030 …, 06 12 …) or (555) 123-4567 style; 8-15 digits.
const PHONE = /(?<![\w+])(?:\+\d{1,3}|\(\d{1,5}\)|\d{1,5})(?:[ .-]?\(\d{1,5}\)|[ .-]\d{1,8}){1,6}(?![\w])|(?<![\w+])\+\d{8,15}\b/g;
// "password is X", "Passwort lautet X", "contraseña es X", "mot de passe est X", "pwd: X".
const PASSWORD =
	/\b(?:password|passcode|passwort|kennwort|contraseña|clave|mot de passe|pwd)\b(?:\s+(?:temporal|temporaire|temporary|provisional))?\s*(?::|=|\bis\b|\blautet\b|\bist\b|\bes\b|\best\b|\bserá\b|\bsera\b)\s*[«"'“]?([^\s"'”»,;]{4,})/giu;

function overlaps(findings: PersonalDataFinding[], start: number, end: number): boolean {
	return findings.some((f) => start < f.end && end > f.start);
}

export function findPersonalData(text: string, options: PersonalDataOptions = {}): PersonalDataFinding[] {
	const allowed = new Set([...(options.allowedEmails ?? [])].map((e) => e.toLowerCase()));
	const found: PersonalDataFinding[] = [];
	for (const m of text.matchAll(EMAIL)) {
		if (!allowed.has(m[0].toLowerCase())) found.push({ kind: 'email', start: m.index, end: m.index + m[0].length, text: m[0] });
	}
	for (const m of text.matchAll(IBAN)) {
		const candidate = m[0].trim();
		if (ibanValid(candidate) && !overlaps(found, m.index, m.index + m[0].length)) {
			found.push({ kind: 'iban', start: m.index, end: m.index + candidate.length, text: candidate });
		}
	}
	for (const m of text.matchAll(CARD)) {
		const digits = m[0].replace(/[ -]/g, '');
		if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits) && !overlaps(found, m.index, m.index + m[0].length)) {
			found.push({ kind: 'card', start: m.index, end: m.index + m[0].length, text: m[0] });
		}
	}
	for (const m of text.matchAll(PASSWORD)) {
		const secret = m[1];
		const start = m.index + m[0].length - secret.length;
		if (!overlaps(found, start, start + secret.length)) found.push({ kind: 'password', start, end: start + secret.length, text: secret });
	}
	for (const m of text.matchAll(PHONE)) {
		const digits = m[0].replace(/\D/g, '');
		if (digits.length < 8 || digits.length > 15) continue;
		// Dates (2026-10-05, 05.10.2026) and times are digit groups too; a phone starts with + or (, or has 3+ groups.
		if (/^\d{4}-\d{2}-\d{2}$|^\d{1,2}[./]\d{1,2}[./]\d{2,4}$/.test(m[0])) continue;
		const groups = m[0].split(/[ .-]/).length;
		if (!/^[+(0]/.test(m[0]) && groups < 3) continue;
		if (!overlaps(found, m.index, m.index + m[0].length)) found.push({ kind: 'phone', start: m.index, end: m.index + m[0].length, text: m[0] });
	}
	return found.sort((a, b) => a.start - b.start);
}

/** Replaces each finding with a placeholder such as [CARD] so nothing personal leaves the machine. */
export function redactPersonalData(text: string, options: PersonalDataOptions = {}): { text: string; findings: PersonalDataFinding[] } {
	const findings = findPersonalData(text, options);
	let out = '';
	let at = 0;
	for (const f of findings) {
		out += text.slice(at, f.start) + `[${f.kind.toUpperCase()}]`;
		at = f.end;
	}
	return { text: out + text.slice(at), findings };
}
