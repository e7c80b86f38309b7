// Finds and redacts personal data in support text (en/de/es/fr): payment cards with any
// separator (Luhn-checked), IBANs in any case (country length + mod-97) and the BIC after
// them, US social security numbers, dates of birth, phone numbers, e-mail addresses that are
// not the customer's own, passwords / PINs / one-time codes given with a keyword, street
// addresses, and every further occurrence of a secret already found elsewhere in the
// conversation (`knownSecrets`). Used by the rules grader (no_personal_data) and before
// anything is sent to an LLM endpoint.
import { IBAN_LENGTHS, ibanValid, luhnValid } from './luhn';

export type PersonalDataKind = 'card' | 'iban' | 'bic' | 'ssn' | 'dob' | 'phone' | 'email' | 'password' | 'address';

export interface PersonalDataFinding {
	kind: PersonalDataKind;
	start: number;
	end: number;
	text: string;
}

/** A secret found somewhere in a conversation: masked wherever it appears again, keyword or not. */
export interface KnownSecret {
	kind: PersonalDataKind;
	text: string;
}

export interface PersonalDataOptions {
	/** The customer's own addresses: repeating them back is not a leak (case-insensitive). */
	allowedEmails?: Iterable<string>;
	/** Secrets found elsewhere in the conversation. */
	knownSecrets?: Iterable<KnownSecret>;
}

type Add = (kind: PersonalDataKind, start: number, end: number) => void;

// Horizontal space only: a pattern never reaches across a line break into the next field. The
// gap between a keyword and its value never holds a bracket, so a second pass over redacted text
// (the grader redacts the assembled prompt again) cannot pair a keyword with the next number.
const H = '[^\\S\\r\\n]';
const NOT_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_AFTER = '(?![\\p{L}\\p{N}])';
/** Up to `n` words between a keyword and its value ("the password for my account is …"). */
const words = (n: number) => `(?:${H}+[\\p{L}’'.]+){0,${n}}?`;

/**
 * An e-mail address anywhere in a text (global: use with matchAll or replace). It starts only
 * where a run of address characters starts: otherwise every position of a long run rescans it.
 */
export const EMAIL = /(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const IBAN = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?:[ .-]{0,2}[A-Za-z0-9]){11,30}/g;
const BIC = /(?<![A-Za-z0-9])[A-Za-z]{6}[A-Za-z0-9]{2}(?:[A-Za-z0-9]{3})?(?![A-Za-z0-9])/g;
const BIC_KEYWORD = /(?:bic|swift)(?:[\s/-]*(?:swift|bic|code|código))?[\s:=#.(-]*$/i;
// Digit groups joined by up to three spaces, dots or dashes: 4111 1111 1111 1111, 4111  1111…, 4111.1111…
const DIGIT_RUN = /(?<![\d.,-])\d+(?:(?:[ .-]|[ ]{2,3})\d+)*(?![\d])/g;
const SSN_DASHED = /(?<![\d-])(\d{3})-(\d{2})-(\d{4})(?![\d-])/g;
const SSN_KEYWORD = new RegExp(
	`(?:\\bSSN|\\bSS#|social${H}+security(?:${H}+(?:number|no\\.?|#))?|n[úu]mero de seguro social|num[ée]ro de s[ée]curit[ée] sociale)[^\\d\\n[\\]]{0,20}(\\d{3}[ -]?\\d{2}[ -]?\\d{4})(?![\\d-])`,
	'giu'
);
const MONTH =
	'(?:jan(?:uary|uar)?|j[äa]nner|feb(?:ruary|ruar)?|mar(?:ch)?|m[äa]rz|apr(?:il)?|may|mai|june?|juni|july?|juli|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?|dez(?:ember)?|' +
	'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre|' +
	'janvier|f[ée]vrier|mars|avril|juin|juillet|ao[ûu]t|septembre|octobre|novembre|d[ée]cembre)\\.?';
const DATE =
	`(?:\\d{1,2}[./-]\\d{1,2}[./-](?:\\d{4}|\\d{2})|\\d{4}-\\d{1,2}-\\d{1,2}` +
	`|\\d{1,2}(?:st|nd|rd|th|er|º|\\.)?${H}*(?:de${H}+)?${MONTH}${H}*(?:de${H}+)?,?${H}*\\d{4}` +
	`|${MONTH}${H}+\\d{1,2}(?:st|nd|rd|th)?,?${H}*\\d{4})`;
const DOB = new RegExp(
	`${NOT_BEFORE}(?:born|date${H}+of${H}+birth|birth${H}?date|birthday|D\\.?O\\.?B\\.?|geboren|Geburtsdatum|Geburtstag|geb\\.|fecha${H}+de${H}+nacimiento|naci(?:d[oa])?|nací|née?|n[ée]\\(e\\)|date${H}+de${H}+naissance)` +
		`${NOT_AFTER}[^\\d\\n[\\]]{0,25}?(${DATE})${NOT_AFTER}`,
	'giu'
);
const PASSWORD_KEYWORD = '(?:password|passwort|kennwort|passcode|passphrase|pwd?|contrase[ñn]a|clave|mot[ -]de[ -]passe|mdp)';
const VERB = `(?::|=|(?:is|was|ist|war|lautet|lautete|es|era|ser[áa]|est|[ée]tait|sera)${NOT_AFTER})`;
const PASSWORD = new RegExp(
	`${NOT_BEFORE}${PASSWORD_KEYWORD}${NOT_AFTER}${words(5)}${H}*(${VERB})${H}*([«"'“‘]?)([^\\s"'”’»,;]{4,})`,
	'giu'
);
const CODE_KEYWORD =
	'(?:PIN(?:-?(?:code|nummer))?|code${H}+PIN|c[óo]digo${H}+PIN|OTP|TAN|2FA(?:-?code)?|one[- ]time${H}+(?:code|password|passcode)|' +
	'(?:verification|security|confirmation|login|sms)${H}+code|(?:Bestätigungs|Sicherheits|Einmal|Anmelde|SMS-)code|Einmalpasswort|' +
	'c[óo]digo${H}+de${H}+(?:verificaci[óo]n|seguridad|confirmaci[óo]n|acceso)|code${H}+de${H}+(?:v[ée]rification|s[ée]curit[ée]|confirmation|connexion)|code${H}+[àa]${H}+usage${H}+unique)';
const CODE = new RegExp(
	`${NOT_BEFORE}${CODE_KEYWORD.replaceAll('${H}', H)}${NOT_AFTER}${words(4)}${H}*${VERB}?${H}*(\\d(?:[ -]?\\d){3,7})(?!\\d)`,
	'giu'
);
// Plain words that follow "password is …" in ordinary sentences; a value of letters only must not be one.
const NOT_A_PASSWORD = new Set(
	'wrong incorrect invalid expired correct right required missing reset changed forgotten forgot new old not too still case-sensitive the my your a an ' +
		'falsch ungültig abgelaufen korrekt richtig erforderlich vergessen geändert nicht zu noch mein dein ihr das ein eine ' +
		'incorrecta incorrecto inválida caducada correcta obligatoria olvidada cambiada nueva no muy demasiado mi tu su la el una un ' +
		'invalide expiré expirée obligatoire oublié changé nouveau nouvelle pas trop mon ton votre le une'.split(' ')
);
const STREET_EN = new RegExp(
	`${NOT_BEFORE}\\d{1,5}[A-Za-z]?,?${H}+(?:[A-Z][\\p{L}'’.-]*${H}+){1,4}(?:Street|St\\.?|Avenue|Ave\\.?|Road|Rd\\.?|Lane|Drive|Boulevard|Blvd\\.?|Way|Court|Place|Terrace|Crescent|Close|Square|Highway)(?:${NOT_AFTER}|(?<=\\.))`,
	'gu'
);
const STREET_DE = new RegExp(
	`${NOT_BEFORE}(?:[A-ZÄÖÜ][\\p{L}-]*(?:straße|strasse|str\\.|weg|allee|platz|gasse|damm|ufer))${H}*\\d{1,4}${H}?[a-z]?${NOT_AFTER}`,
	'gu'
);
const STREET_ES = new RegExp(
	`${NOT_BEFORE}(?:Calle|C/|Avenida|Avda\\.|Paseo|Plaza|Camino|Carrer|Ronda|Travesía|Carretera)${H}+(?:(?:de|del|la|las|los|el|de la)${H}+)*[A-ZÁÉÍÓÚÑ][\\p{L}-]*(?:${H}+[A-ZÁÉÍÓÚÑ][\\p{L}-]*){0,3},?${H}*(?:n[º°.]${H}*)?\\d{1,4}${NOT_AFTER}`,
	'gu'
);
const STREET_FR = new RegExp(
	`${NOT_BEFORE}\\d{1,4}(?:${H}*(?:bis|ter))?,?${H}+(?:rue|avenue|av\\.|boulevard|bd|chemin|allée|impasse|place|quai|route|cours)${H}+(?:(?:de|du|des|la|le|l’|l'|d’|d')${H}*)*[A-ZÀÂÉÈÊÎÔÛÇ][\\p{L}'’-]*(?:${H}+[A-ZÀÂÉÈÊÎÔÛÇ][\\p{L}'’-]*){0,3}`,
	'gu'
);
// Patterns rather than libphonenumber-js: its findPhoneNumbersInText needs the customer's
// country (a French number in an English conversation is missed with 'US') and, with the
// conversation language's country, took 23 five-digit order numbers of the sample for phones;
// these patterns find the same numbers in the redaction corpus and none in the sample's text.
// International (+49 …), trunk-prefixed (030 …, 06 12 …) or (555) 123-4567 style; 8-15 digits.
const PHONE = /(?<![\w+])(?:\+\d{1,3}|\(\d{1,5}\)|\d{1,5})(?:[ .-]?\(\d{1,5}\)|[ .-]\d{1,8}){1,6}(?![\w])|(?<![\w+])\+\d{8,15}\b/g;
// A bare 10-11 digit run: 0 + national number (06…, 030…), or a North American number (area code 2-9), optionally after 1.
const BARE_PHONE = /(?<![\w+#.,/-])(?:0[1-9]\d{8,9}|1?[2-9]\d{9})(?!\w|[.,/-]\d)/g;
const NUMBER_KEYWORD =
	/(?:\b(?:order|invoice|ticket|case|ref(?:erence)?|tracking|transaction|id|no\.?|nr\.?|bestell\w*|rechnung\w*|auftrag\w*|sendung\w*|pedido|factura|referencia|seguimiento|commande|facture|r[ée]f[ée]rence|suivi|colis)|#)\W{0,3}(?:number|nummer|n[úu]mero|num[ée]ro|n[°º]\.?)?\W{0,3}$/i;

/** Kinds found only through a keyword or a neighbour: a repeat without that context needs the known-secret search. */
const HAS_DIGIT = /\d/;
const BIC_WORD = /bic|swift/i;
const PASSWORD_HINT = /p(?:ass|w)|kennwort|contrase|clave|mdp/i;
const CONTEXT_KINDS = new Set<PersonalDataKind>(['password', 'ssn', 'dob', 'bic']);

function ssnValid(area: string, group: string, serial: string): boolean {
	return area !== '000' && area !== '666' && area[0] !== '9' && group !== '00' && serial !== '0000';
}

/** The cards inside a run of digit groups: the longest Luhn-valid stretch of 13-19 digits from each group on. */
function cardsIn(run: string, offset: number, add: Add) {
	const groups = [...run.matchAll(/\d+/g)].map((g) => ({ start: g.index, end: g.index + g[0].length, digits: g[0] }));
	for (let i = 0; i < groups.length; i++) {
		// A card has at most 19 digits, so only the next few groups can belong to it (keeps long runs linear).
		const ends: { j: number; digits: string }[] = [];
		for (let j = i, digits = ''; j < groups.length && (digits += groups[j].digits).length <= 19; j++) ends.push({ j, digits });
		const card = ends.reverse().find((e) => e.digits.length >= 13 && luhnValid(e.digits));
		if (card) {
			add('card', offset + groups[i].start, offset + groups[card.j].end);
			i = card.j;
		}
	}
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A matcher for a known secret: digits and letters in order with any separators for numbers, the literal text otherwise. */
function knownSecretPattern(secret: KnownSecret): RegExp | null {
	const compact = secret.text.replace(/[^\p{L}\p{N}]/gu, '');
	if (compact.length < 4) return null;
	const flexible = ['card', 'iban', 'ssn', 'phone', 'dob'].includes(secret.kind);
	const body = flexible
		? (secret.kind === 'phone' ? '\\+?' : '') + [...compact].map(escapeRegExp).join('[ .\\-/()]{0,3}')
		: escapeRegExp(secret.text);
	const before = /^[\p{L}\p{N}]/u.test(flexible ? compact : secret.text) ? NOT_BEFORE : '';
	const after = /[\p{L}\p{N}]$/u.test(flexible ? compact : secret.text) ? NOT_AFTER : '';
	return new RegExp(`${before}${body}${after}`, 'giu');
}

/** IBANs (ending where the country's length says, so a BIC or word after one is not swallowed) and BICs. */
function findBankDetails(text: string, add: Add) {
	const ibanEnds: number[] = [];
	for (IBAN.lastIndex = 0; ;) {
		const m = IBAN.exec(text);
		if (!m) break;
		const length = IBAN_LENGTHS[m[0].slice(0, 2).toUpperCase()];
		let count = 0;
		let end = m.index;
		while (length && count < length && end < text.length) {
			if (/[A-Za-z0-9]/.test(text[end])) count++;
			else if (!/[ .-]/.test(text[end])) break;
			end++;
		}
		if (length && count === length && !/[A-Za-z0-9]/.test(text[end] ?? '') && ibanValid(text.slice(m.index, end))) {
			add('iban', m.index, end);
			ibanEnds.push(end);
			IBAN.lastIndex = end;
		} else {
			IBAN.lastIndex = m.index + 1;
		}
	}
	for (const m of text.matchAll(BIC)) {
		const country = m[0].slice(4, 6).toUpperCase();
		const keyword = BIC_KEYWORD.test(text.slice(Math.max(0, m.index - 24), m.index));
		const afterIban = m[0] === m[0].toUpperCase() && ibanEnds.some((end) => m.index >= end && m.index - end <= 40);
		if ((keyword || afterIban) && (IBAN_LENGTHS[country] || /^(?:US|CA|AU|JP|CN|IN|SG|HK|NZ|ZA|MX|AR|CL|CO)$/.test(country)))
			add('bic', m.index, m.index + m[0].length);
	}
}

/** Everything built from digits: cards, SSNs, dates of birth, PINs and codes, street addresses, phone numbers. */
function findNumbers(text: string, add: Add) {
	for (const m of text.matchAll(DIGIT_RUN)) if (m[0].replace(/\D/g, '').length >= 13) cardsIn(m[0], m.index, add);

	for (const m of text.matchAll(SSN_DASHED)) if (ssnValid(m[1], m[2], m[3])) add('ssn', m.index, m.index + m[0].length);
	for (const m of text.matchAll(SSN_KEYWORD)) {
		const digits = m[1].replace(/\D/g, '');
		if (ssnValid(digits.slice(0, 3), digits.slice(3, 5), digits.slice(5)))
			add('ssn', m.index + m[0].length - m[1].length, m.index + m[0].length);
	}
	for (const m of text.matchAll(DOB)) add('dob', m.index + m[0].length - m[1].length, m.index + m[0].length);

	for (const m of text.matchAll(CODE)) add('password', m.index + m[0].length - m[1].length, m.index + m[0].length);

	for (const pattern of [STREET_EN, STREET_DE, STREET_ES, STREET_FR])
		for (const m of text.matchAll(pattern)) add('address', m.index, m.index + m[0].length);

	for (const m of text.matchAll(PHONE)) {
		const digits = m[0].replace(/\D/g, '');
		if (digits.length < 8 || digits.length > 15) continue;
		// Dates (2026-10-05, 05.10.2026) and times are digit groups too; a phone starts with + or (, or has 3+ groups.
		if (/^\d{4}-\d{2}-\d{2}$|^\d{1,2}[./]\d{1,2}[./]\d{2,4}$/.test(m[0])) continue;
		const groups = m[0].split(/[ .-]/).length;
		if (!/^[+(0]/.test(m[0]) && groups < 3) continue;
		add('phone', m.index, m.index + m[0].length);
	}
	for (const m of text.matchAll(BARE_PHONE)) {
		if (!NUMBER_KEYWORD.test(text.slice(Math.max(0, m.index - 30), m.index))) add('phone', m.index, m.index + m[0].length);
	}
}

/** Values after a password keyword. */
function findPasswords(text: string, add: Add) {
	for (const m of text.matchAll(PASSWORD)) {
		const [, verb, quote, raw] = m;
		const secret = raw.replace(/[.,:;)\]}…]+$/u, '');
		const lettersOnly = /^[\p{L}’'-]+$/u.test(secret);
		const plainWord = lettersOnly && (secret === secret.toLowerCase() || /^\p{Lu}\p{Ll}+$/u.test(secret));
		// "the password is wrong" is a sentence; "pw: banana" or a quoted word is a password.
		if (secret.length < 4 || NOT_A_PASSWORD.has(secret.toLowerCase())) continue;
		if (plainWord && !quote && verb !== ':' && verb !== '=') continue;
		const start = m.index + m[0].length - raw.length;
		add('password', start, start + secret.length);
	}
}

export function findPersonalData(text: string, options: PersonalDataOptions = {}): PersonalDataFinding[] {
	const allowed = new Set([...(options.allowedEmails ?? [])].map((e) => e.toLowerCase()));
	const found: PersonalDataFinding[] = [];
	const add: Add = (kind, start, end) => {
		if (end > start) found.push({ kind, start, end, text: text.slice(start, end) });
	};
	// Most support text holds no digit and no @: the patterns that need one are skipped there.
	if (text.includes('@'))
		for (const m of text.matchAll(EMAIL)) if (!allowed.has(m[0].toLowerCase())) add('email', m.index, m.index + m[0].length);
	if (HAS_DIGIT.test(text) || BIC_WORD.test(text)) findBankDetails(text, add);
	if (HAS_DIGIT.test(text)) findNumbers(text, add);
	if (PASSWORD_HINT.test(text)) findPasswords(text, add);

	// A secret given once with its keyword is masked wherever else it appears, here or in other
	// fields. Kinds the patterns find without context need no second search within this text.
	const known = new Map<string, KnownSecret>();
	for (const secret of [...(options.knownSecrets ?? []), ...found.filter((f) => CONTEXT_KINDS.has(f.kind))]) {
		const key = `${secret.kind}\u0000${secret.text.toLowerCase()}`;
		if (!known.has(key)) known.set(key, { kind: secret.kind, text: secret.text });
	}
	for (const secret of known.values()) {
		if (secret.kind === 'email' && allowed.has(secret.text.toLowerCase())) continue;
		const pattern = knownSecretPattern(secret);
		if (pattern) for (const m of text.matchAll(pattern)) add(secret.kind, m.index, m.index + m[0].length);
	}
	return merge(found, text);
}

/** One finding per stretch of text: overlapping findings are joined, the earliest (then longest) names the kind. */
function merge(found: PersonalDataFinding[], text: string): PersonalDataFinding[] {
	const sorted = found.map((f, i) => ({ f, i })).sort((a, b) => a.f.start - b.f.start || b.f.end - a.f.end || a.i - b.i);
	const out: PersonalDataFinding[] = [];
	for (const { f } of sorted) {
		const last = out[out.length - 1];
		if (last && f.start < last.end) {
			if (f.end > last.end) {
				last.end = f.end;
				last.text = text.slice(last.start, last.end);
			}
		} else out.push({ ...f });
	}
	return out;
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
