// Checksums that tell a real card number or IBAN from any long run of digits.

/** Total IBAN length per country (ISO 13616 registry), so a finder knows where an IBAN ends. */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = Object.fromEntries(
	(
		'AD24 AE23 AL28 AT20 AZ28 BA20 BE16 BG22 BH22 BI27 BR29 BY28 CH21 CR22 CY28 CZ24 DE22 DJ27 DK18 DO28 EE20 EG29 ES24 ' +
		'FI18 FK18 FO18 FR27 GB22 GE22 GI23 GL18 GR27 GT28 HR21 HU28 IE22 IL23 IQ23 IS26 IT27 JO30 KW30 KZ20 LB28 LC32 LI21 ' +
		'LT20 LU20 LV21 LY25 MC27 MD24 ME22 MK19 MN20 MR27 MT31 MU30 NI28 NL18 NO15 OM23 PK24 PL28 PS29 PT25 QA29 RO24 RS22 ' +
		'RU33 SA24 SC31 SD18 SE24 SI19 SK24 SM27 SO23 ST25 SV28 TL23 TN24 TR26 UA29 VA22 VG24 XK20'
	)
		.split(' ')
		.map((entry) => [entry.slice(0, 2), Number(entry.slice(2))])
);

/** True when the digits pass the Luhn check (payment card numbers). */
export function luhnValid(digits: string): boolean {
	if (!/^\d+$/.test(digits)) return false;
	let sum = 0;
	for (let i = 0; i < digits.length; i++) {
		let d = digits.charCodeAt(digits.length - 1 - i) - 48;
		if (i % 2 === 1) {
			d *= 2;
			if (d > 9) d -= 9;
		}
		sum += d;
	}
	return sum % 10 === 0;
}

/** True when the IBAN (spaces allowed, any case) has its country's length and passes the ISO 13616 mod-97 check. */
export function ibanValid(iban: string): boolean {
	const s = iban.replace(/[\s.-]+/g, '').toUpperCase();
	if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(s)) return false;
	const length = IBAN_LENGTHS[s.slice(0, 2)];
	if (length !== undefined && s.length !== length) return false;
	const rearranged = s.slice(4) + s.slice(0, 4);
	let remainder = 0;
	for (const ch of rearranged) {
		const code = ch >= 'A' ? String(ch.charCodeAt(0) - 55) : ch;
		for (const digit of code) remainder = (remainder * 10 + Number(digit)) % 97;
	}
	return remainder === 1;
}
