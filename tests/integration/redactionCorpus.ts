// Realistic support conversations in en/de/es/fr with planted secrets, for the redaction test:
// every string in `secrets` must never reach the LLM endpoint; every string in `keep` (order
// numbers, prices, ordinary dates, versions, plain words) must still reach it unchanged.
// Each case ends with the graded event so everything before it is part of the prompt.

export type Lang = 'en' | 'de' | 'es' | 'fr';

export type Turn =
	| { customer: string }
	| { ai: string; kb?: string[] }
	| { agent: string }
	| { draft: string; final?: string; kb?: string[] }
	| { handoff: { to_queue: string; reason?: string; note?: string; customer_message?: string } }
	| { internalNote: string };

export interface RedactionCase {
	id: string;
	lang: Lang;
	/** Fields of the conversation itself (subject and plan are free text in exports). */
	subject?: string;
	plan?: string;
	turns: Turn[];
	/** Must not appear in any request body (numbers also not as bare digits). */
	secrets: string[];
	/** Must appear in what the server received: ordinary data the grader needs. */
	keep: string[];
}

/** KB articles the cases cite: titles and bodies with personal data in them, and ordinary figures. */
export const CORPUS_KB = [
	{
		id: 'kb-escalate',
		title: 'Escalations: call Dana on +44 20 7946 0958',
		body: 'For refunds above $500 write to dana.reyes@corp.example or call 0612345678. Refunds take 5 business days; version 4.12.3 shows them under Billing.'
	},
	{
		id: 'kb-sepa',
		title: 'SEPA-Lastschrift einrichten',
		body: 'Test-IBAN für Schulungen: DE89 3704 0044 0532 0130 00 (BIC COBADEFFXXX). Die Umstellung dauert 3 Werktage; Gebühr 1,50 €.'
	},
	{
		id: 'kb-ayuda',
		title: 'Contacto de soporte: soporte.interno@corp.example',
		body: 'Si el pago falla, revisa la tarjeta. Plazo: 48 horas. Precio del plan Pro: 29,99 €.'
	},
	{
		id: 'kb-adresse',
		title: 'Retours: 5 rue de la Paix',
		body: 'Envoyez le colis au 5 rue de la Paix, 75002 Paris. Le remboursement prend 14 jours ; commande minimum 20 €.'
	}
];

export const REDACTION_CORPUS: RedactionCase[] = [
	// ---- English ----
	{
		id: 'en-pw-repeat',
		lang: 'en',
		turns: [
			{ customer: 'The password for my account is Hunter2!xyz and it stopped working after the 2.8.1 update.' },
			{ customer: 'I tried Hunter2!xyz three times, still locked out.' },
			{ ai: 'Sorry about that. Please use Forgot password on the sign-in page; the link is valid for 30 minutes.' }
		],
		secrets: ['Hunter2!xyz'],
		keep: ['2.8.1', '30 minutes', 'Forgot password']
	},
	{
		id: 'en-pw-login-with',
		lang: 'en',
		turns: [
			{ customer: 'my password is Sesame-Open-99 btw' },
			{ customer: 'Log in with Sesame-Open-99 and you will see the broken invoice INV-2026-0042.' },
			{ ai: 'Thanks. Please never share your password; I can check invoice INV-2026-0042 without it.' }
		],
		secrets: ['Sesame-Open-99'],
		keep: ['INV-2026-0042']
	},
	{
		id: 'en-pw-colon',
		lang: 'en',
		turns: [
			{ customer: 'pw: Blue!Falcon7 — can you check why it fails? Order #48213.' },
			{ ai: 'I can check order #48213 for you. Please reset your password since it was shared in chat.' }
		],
		secrets: ['Blue!Falcon7'],
		keep: ['#48213']
	},
	{
		id: 'en-pw-in-subject',
		lang: 'en',
		subject: 'Login broken, password is Tulip#2024',
		turns: [
			{ customer: 'Tulip#2024 is rejected since this morning.' },
			{ ai: 'I’m sorry you can’t log in. Please reset it from the sign-in page; it takes about 5 minutes.' }
		],
		secrets: ['Tulip#2024'],
		keep: ['5 minutes']
	},
	{
		id: 'en-pw-wrong-survives',
		lang: 'en',
		turns: [
			{ customer: 'It says the password is wrong, but I typed it exactly. Plan renews on 2026-11-01 for $129.99.' },
			{
				ai: 'When the password is wrong three times the account locks for 15 minutes. Your renewal of $129.99 on 2026-11-01 is unaffected.'
			}
		],
		secrets: [],
		keep: ['the password is wrong', '$129.99', '2026-11-01', '15 minutes']
	},
	{
		id: 'en-card-double-space',
		lang: 'en',
		turns: [
			{ customer: 'Please charge this card instead: 4111  1111  1111  1111 exp 09/28' },
			{ ai: 'Thanks, but please add cards under Settings > Billing > Payments rather than in chat.' }
		],
		secrets: ['4111  1111  1111  1111', '4111111111111111'],
		keep: ['Settings > Billing > Payments']
	},
	{
		id: 'en-card-dots',
		lang: 'en',
		turns: [
			{ customer: 'card is 5555.5555.5555.4444, charged twice $49.00 on Oct 3' },
			{ ai: 'I see two charges of $49.00 on Oct 3; the second is a pending authorisation.' }
		],
		secrets: ['5555.5555.5555.4444', '5555555555554444'],
		keep: ['$49.00', 'Oct 3']
	},
	{
		id: 'en-card-amex-dashes',
		lang: 'en',
		turns: [
			{ customer: 'Amex 3782-822463-10005 was declined for order 51234.' },
			{ ai: 'Order 51234 was declined by the bank; please try again or use another card.' }
		],
		secrets: ['3782-822463-10005', '378282246310005'],
		keep: ['51234']
	},
	{
		id: 'en-card-ai-reply',
		lang: 'en',
		turns: [
			{ customer: 'Which card did I use for the last invoice?' },
			{ ai: 'For reference, the card on file is 6011 1111 1111 1117, exp 09/28.' }
		],
		secrets: ['6011 1111 1111 1117', '6011111111111117'],
		keep: ['exp 09/28']
	},
	{
		id: 'en-phone-10digit',
		lang: 'en',
		turns: [
			{ customer: 'Call me back at 2125550147 please, ticket 1234567890 is about order 4823910475.' },
			{ ai: 'I’ve noted ticket 1234567890 and order 4823910475. An agent will call you within 2 hours.' }
		],
		secrets: ['2125550147'],
		keep: ['1234567890', '4823910475', '2 hours']
	},
	{
		id: 'en-phone-formats',
		lang: 'en',
		turns: [
			{ customer: 'Reach me on (415) 555-0132 or +1 415 555 0199.' },
			{ agent: 'Sure, I will call (415) 555-0132 at 3 pm.' },
			{ ai: 'An agent will call you at 3 pm today.' }
		],
		secrets: ['(415) 555-0132', '415 555 0199', '4155550132', '4155550199'],
		keep: ['3 pm']
	},
	{
		id: 'en-ssn-dashes',
		lang: 'en',
		turns: [
			{ customer: 'For the tax form: SSN 219-09-9999, invoice total $1,240.50.' },
			{ ai: 'We don’t need your SSN for tax forms; the invoice total of $1,240.50 is on the PDF.' }
		],
		secrets: ['219-09-9999', '219099999'],
		keep: ['$1,240.50']
	},
	{
		id: 'en-ssn-bare',
		lang: 'en',
		turns: [
			{ customer: 'my social security number is 078051120, order 987654321 is the one' },
			{ ai: 'Please don’t send that number here. I found order 987654321.' }
		],
		secrets: ['078051120'],
		keep: ['987654321']
	},
	{
		id: 'en-dob',
		lang: 'en',
		turns: [
			{ customer: 'Verify me: I was born on 14 July 1988, account opened 3 March 2021.' },
			{ ai: 'Thanks. Your account opened 3 March 2021 shows the Pro plan.' }
		],
		secrets: ['14 July 1988'],
		keep: ['3 March 2021']
	},
	{
		id: 'en-dob-slash',
		lang: 'en',
		turns: [
			{ customer: 'DOB: 03/22/1979. The outage started 10/05/2026.' },
			{ ai: 'We had an outage on 10/05/2026 between 9:00 and 9:40 UTC.' }
		],
		secrets: ['03/22/1979'],
		keep: ['10/05/2026', '9:40 UTC']
	},
	{
		id: 'en-address',
		lang: 'en',
		turns: [
			{ customer: 'Ship the replacement to 221B Baker Street, London please. Order #60012.' },
			{ ai: 'The replacement for order #60012 ships within 2 business days.' }
		],
		secrets: ['221B Baker Street'],
		keep: ['#60012', '2 business days']
	},
	{
		id: 'en-address-ai',
		lang: 'en',
		turns: [
			{ customer: 'Where will the card reader be delivered?' },
			{ ai: 'It goes to 450 Park Avenue as on your profile, arriving in 3 days.' }
		],
		secrets: ['450 Park Avenue'],
		keep: ['3 days']
	},
	{
		id: 'en-iban-bic',
		lang: 'en',
		turns: [
			{ customer: 'Refund to IBAN GB82 WEST 1234 5698 7654 32 BIC NWBKGB2L please, amount £75.00.' },
			{ ai: 'Refunds go back to the original payment method; £75.00 will show in 5 business days.' }
		],
		secrets: ['GB82 WEST 1234 5698 7654 32', 'GB82WEST12345698765432', 'NWBKGB2L'],
		keep: ['£75.00']
	},
	{
		id: 'en-email-other',
		lang: 'en',
		turns: [
			{ customer: 'Please send the invoice to my accountant, mark.osei@ledgerly.example.' },
			{ ai: 'Invoices are sent to the billing contact; you can add mark.osei@ledgerly.example under Settings > Billing.' }
		],
		secrets: ['mark.osei@ledgerly.example'],
		keep: ['Settings > Billing']
	},
	{
		id: 'en-otp',
		lang: 'en',
		turns: [
			{ customer: 'the verification code is 482913 but it says expired' },
			{ customer: 'tried 482913 again' },
			{ ai: 'Codes expire after 10 minutes; request a new one from the sign-in page.' }
		],
		secrets: ['482913'],
		keep: ['10 minutes']
	},
	{
		id: 'en-handoff-reason',
		lang: 'en',
		turns: [
			{ customer: 'Refund my last charge, my card is 4242 4242 4242 4242.' },
			{
				handoff: {
					to_queue: 'billing',
					reason: 'card 4242 4242 4242 4242 disputed, call 2125550188',
					note: 'Goal: refund. Facts: customer on Pro plan, charge $89.00 on 2026-10-02. Next action: refund.',
					customer_message: 'A billing specialist will call you at 2125550188 shortly.'
				}
			}
		],
		secrets: ['4242 4242 4242 4242', '4242424242424242', '2125550188'],
		keep: ['$89.00', '2026-10-02']
	},
	{
		id: 'en-plan-field',
		lang: 'en',
		plan: 'Enterprise (billing contact +1 646 555 0175)',
		turns: [{ customer: 'What does my plan include?' }, { ai: 'Your Enterprise plan includes SSO and 99.9% uptime.' }],
		secrets: ['646 555 0175', '6465550175'],
		keep: ['99.9%', 'Enterprise']
	},
	{
		id: 'en-kb-fields',
		lang: 'en',
		turns: [
			{ customer: 'How do I escalate a refund over $500?' },
			{ ai: 'Refunds above $500 are handled by our escalation team within 5 business days.', kb: ['kb-escalate'] }
		],
		secrets: ['+44 20 7946 0958', '2079460958', 'dana.reyes@corp.example', '0612345678'],
		keep: ['version 4.12.3', '$500']
	},
	{
		id: 'en-internal-note',
		lang: 'en',
		turns: [
			{ customer: 'I can’t get into phone banking for invoice INV-2026-0077.' },
			{ internalNote: 'Verified caller, security code is 5512.' },
			{ customer: 'It keeps rejecting 5512.' },
			{ ai: 'Phone banking is handled by your bank; invoice INV-2026-0077 is paid.' }
		],
		secrets: ['5512'],
		keep: ['INV-2026-0077']
	},
	{
		id: 'en-draft-final',
		lang: 'en',
		turns: [
			{ customer: 'Can you confirm my PIN 7391 still works for phone support?' },
			{ draft: 'Yes, PIN 7391 is active for phone support.', final: 'Yes, your PIN is active.' }
		],
		secrets: ['7391'],
		keep: ['phone support']
	},

	// ---- German ----
	{
		id: 'de-pw-lautet',
		lang: 'de',
		turns: [
			{ customer: 'Mein Passwort lautet Sommer2026! und geht nicht mehr.' },
			{ customer: 'Sommer2026! habe ich gestern noch benutzt, Bestellung 50431.' },
			{ ai: 'Bitte setzen Sie das Passwort über „Passwort vergessen“ zurück; Bestellung 50431 ist nicht betroffen.' }
		],
		secrets: ['Sommer2026!'],
		keep: ['50431', 'Passwort vergessen']
	},
	{
		id: 'de-pw-fuer-konto',
		lang: 'de',
		turns: [
			{ customer: 'Das Passwort für mein Konto ist Geheim#77, bitte prüfen.' },
			{ ai: 'Teilen Sie Ihr Passwort bitte nie im Chat. Ich prüfe Ihr Konto.' }
		],
		secrets: ['Geheim#77'],
		keep: ['Konto']
	},
	{
		id: 'de-pw-abgelaufen-survives',
		lang: 'de',
		turns: [
			{ customer: 'Das Passwort ist abgelaufen, seit Version 3.2.0 am 05.10.2026.' },
			{ ai: 'Nach dem Update auf Version 3.2.0 am 05.10.2026 müssen abgelaufene Passwörter neu gesetzt werden.' }
		],
		secrets: [],
		keep: ['Das Passwort ist abgelaufen', '3.2.0', '05.10.2026']
	},
	{
		id: 'de-iban-lower',
		lang: 'de',
		turns: [
			{ customer: 'Bitte erstatten auf iban de89 3704 0044 0532 0130 00, danke.' },
			{ ai: 'Erstattungen gehen immer auf die ursprüngliche Zahlungsart zurück, innerhalb von 5 Werktagen.' }
		],
		secrets: ['de89 3704 0044 0532 0130 00', 'de89370400440532013000'],
		keep: ['5 Werktagen']
	},
	{
		id: 'de-iban-bic',
		lang: 'de',
		turns: [
			{ customer: 'IBAN AT61 1904 3002 3457 3201 BIC BKAUATWW, Betrag 49,90 €.' },
			{ ai: 'Danke. Den Betrag von 49,90 € prüfe ich mit der Buchhaltung.' }
		],
		secrets: ['AT61 1904 3002 3457 3201', 'AT611904300234573201', 'BKAUATWW'],
		keep: ['49,90 €']
	},
	{
		id: 'de-iban-compact',
		lang: 'de',
		turns: [
			{ customer: 'Neue Bankverbindung: DE89370400440532013000' },
			{ agent: 'Notiert: DE89370400440532013000.' },
			{ ai: 'Ihre neue Bankverbindung wird ab dem nächsten Monat verwendet.' }
		],
		secrets: ['DE89370400440532013000'],
		keep: ['nächsten Monat']
	},
	{
		id: 'de-card-spaces',
		lang: 'de',
		turns: [
			{ customer: 'Karte 5105  1051  0510  5100 wurde zweimal belastet (2 × 19,99 €).' },
			{ ai: 'Die zweite Belastung von 19,99 € ist eine Vormerkung und verschwindet in 5 Werktagen.' }
		],
		secrets: ['5105  1051  0510  5100', '5105105105105100'],
		keep: ['19,99 €']
	},
	{
		id: 'de-phone',
		lang: 'de',
		turns: [{ customer: 'Rufen Sie mich an: 0151 23456789 oder +49 30 1234567.' }, { ai: 'Ein Kollege ruft Sie heute bis 17 Uhr zurück.' }],
		secrets: ['0151 23456789', '015123456789', '+49 30 1234567', '30 1234567'],
		keep: ['17 Uhr']
	},
	{
		id: 'de-dob',
		lang: 'de',
		turns: [
			{ customer: 'Zur Verifizierung: Geburtsdatum 12.03.1985, Kundennummer K-20931.' },
			{ ai: 'Danke, Kundennummer K-20931 ist verifiziert.' }
		],
		secrets: ['12.03.1985'],
		keep: ['K-20931']
	},
	{
		id: 'de-dob-geboren',
		lang: 'de',
		turns: [
			{ customer: 'Ich bin geboren am 1. Mai 1990, der Vertrag begann am 1. Juni 2024.' },
			{ ai: 'Ihr Vertrag begann am 1. Juni 2024 und verlängert sich jährlich.' }
		],
		secrets: ['1. Mai 1990'],
		keep: ['1. Juni 2024']
	},
	{
		id: 'de-address',
		lang: 'de',
		turns: [
			{ customer: 'Bitte an Hauptstraße 5 in Berlin liefern, nicht an Lindenallee 23a.' },
			{ ai: 'Die Lieferadresse ändern Sie unter Einstellungen > Profil.' }
		],
		secrets: ['Hauptstraße 5', 'Lindenallee 23a'],
		keep: ['Einstellungen > Profil']
	},
	{
		id: 'de-code',
		lang: 'de',
		turns: [
			{ customer: 'Der Bestätigungscode: 739102 kommt nicht an.' },
			{ customer: 'Jetzt kam 739102, aber abgelaufen.' },
			{ ai: 'Codes gelten 10 Minuten. Bitte fordern Sie einen neuen an.' }
		],
		secrets: ['739102'],
		keep: ['10 Minuten']
	},
	{
		id: 'de-handoff-note',
		lang: 'de',
		turns: [
			{ customer: 'Ich will mein Geld zurück, Kennwort ist Fuchs&Hase9.' },
			{
				handoff: {
					to_queue: 'billing',
					reason: 'Rückerstattung; Kunde nennt Kennwort Fuchs&Hase9',
					note: 'Ziel: Erstattung 29,00 €. Fakten: Kennwort Fuchs&Hase9 im Chat genannt, Rückruf 0171 2345678. Nächster Schritt: prüfen.',
					customer_message: 'Ein Kollege aus der Buchhaltung meldet sich unter 0171 2345678.'
				}
			}
		],
		secrets: ['Fuchs&Hase9', '0171 2345678', '01712345678'],
		keep: ['29,00 €']
	},
	{
		id: 'de-final-body',
		lang: 'de',
		turns: [
			{ customer: 'Ich komme nicht in mein Konto.' },
			{ draft: 'Bitte setzen Sie Ihr Passwort zurück.', final: 'Ihr neues Passwort lautet Wolke!314, bitte ändern Sie es gleich.' },
			{ customer: 'Wolke!314 geht leider auch nicht, Version 7.1.2.' },
			{ ai: 'Bitte setzen Sie das Passwort über die Anmeldeseite zurück; Version 7.1.2 ist aktuell.' }
		],
		secrets: ['Wolke!314'],
		keep: ['7.1.2']
	},
	{
		id: 'de-kb-iban',
		lang: 'de',
		turns: [
			{ customer: 'Wie richte ich die SEPA-Lastschrift ein?' },
			{ ai: 'Unter Abrechnung > Zahlungsart wählen Sie SEPA; die Umstellung dauert 3 Werktage.', kb: ['kb-sepa'] }
		],
		secrets: ['DE89 3704 0044 0532 0130 00', 'COBADEFFXXX'],
		keep: ['3 Werktage', '1,50 €']
	},

	// ---- Spanish ----
	{
		id: 'es-pw-cuenta',
		lang: 'es',
		turns: [
			{ customer: 'La contraseña de mi cuenta es Perro-Azul-12 y no entra.' },
			{ customer: 'He probado Perro-Azul-12 en la app 5.4.0 también.' },
			{ ai: 'Restablece la contraseña desde la página de acceso; la app 5.4.0 no cambia nada.' }
		],
		secrets: ['Perro-Azul-12'],
		keep: ['5.4.0']
	},
	{
		id: 'es-pw-temporal',
		lang: 'es',
		turns: [{ customer: '¿Me podéis dar acceso?' }, { ai: 'Tu contraseña temporal es Verano2026! para que entres ya.' }],
		secrets: ['Verano2026!'],
		keep: ['para que entres ya']
	},
	{
		id: 'es-pw-incorrecta-survives',
		lang: 'es',
		turns: [
			{ customer: 'Me dice que la contraseña es incorrecta, pedido 51234 del 3 de octubre.' },
			{ ai: 'Si la contraseña es incorrecta, usa «He olvidado mi contraseña». El pedido 51234 sigue activo.' }
		],
		secrets: [],
		keep: ['la contraseña es incorrecta', '51234', '3 de octubre']
	},
	{
		id: 'es-card',
		lang: 'es',
		turns: [
			{ customer: 'Pagad con la tarjeta 4000-0566-5566-5556, importe 29,99 €.' },
			{ ai: 'Añade la tarjeta en Ajustes > Facturación; el importe de 29,99 € se cobrará después.' }
		],
		secrets: ['4000-0566-5566-5556', '4000056655665556'],
		keep: ['29,99 €']
	},
	{
		id: 'es-iban-lower',
		lang: 'es',
		turns: [
			{ customer: 'el reembolso a es91 2100 0418 4502 0005 1332 porfa' },
			{ ai: 'Los reembolsos vuelven al método de pago original en 5 días hábiles.' }
		],
		secrets: ['es91 2100 0418 4502 0005 1332', 'es9121000418450200051332'],
		keep: ['5 días hábiles']
	},
	{
		id: 'es-iban-bic',
		lang: 'es',
		turns: [{ customer: 'IBAN ES91 2100 0418 4502 0005 1332, código BIC CAIXESBBXXX.' }, { ai: 'Gracias, lo revisamos en 48 horas.' }],
		secrets: ['ES91 2100 0418 4502 0005 1332', 'CAIXESBBXXX'],
		keep: ['48 horas']
	},
	{
		id: 'es-phone',
		lang: 'es',
		turns: [{ customer: 'Llamadme al 612 345 678 o al +34 612 34 56 78.' }, { ai: 'Un agente te llamará hoy antes de las 18:00.' }],
		secrets: ['612 345 678', '612345678'],
		keep: ['18:00']
	},
	{
		id: 'es-dob',
		lang: 'es',
		turns: [
			{ customer: 'Fecha de nacimiento: 05/11/1982. La factura es del 01/10/2026.' },
			{ ai: 'La factura del 01/10/2026 ya está disponible en PDF.' }
		],
		secrets: ['05/11/1982'],
		keep: ['01/10/2026']
	},
	{
		id: 'es-dob-naci',
		lang: 'es',
		turns: [{ customer: 'Nací el 3 de mayo de 1990, ¿necesitáis algo más?' }, { ai: 'No hace falta, gracias. Tu pedido llega en 2 días.' }],
		secrets: ['3 de mayo de 1990'],
		keep: ['2 días']
	},
	{
		id: 'es-address',
		lang: 'es',
		turns: [
			{ customer: 'Enviadlo a Calle Mayor 3, Madrid, o a Avenida de la Constitución 21.' },
			{ ai: 'Puedes cambiar la dirección de envío en tu perfil.' }
		],
		secrets: ['Calle Mayor 3', 'Avenida de la Constitución 21'],
		keep: ['dirección de envío']
	},
	{
		id: 'es-code',
		lang: 'es',
		turns: [{ customer: 'El código de verificación 551903 no funciona.' }, { ai: 'Los códigos caducan a los 10 minutos; pide uno nuevo.' }],
		secrets: ['551903'],
		keep: ['10 minutos']
	},
	{
		id: 'es-kb-title',
		lang: 'es',
		turns: [{ customer: '¿Por qué falla el pago?' }, { ai: 'Revisa la tarjeta; el cambio tarda 48 horas.', kb: ['kb-ayuda'] }],
		secrets: ['soporte.interno@corp.example'],
		keep: ['29,99 €', '48 horas']
	},

	// ---- French ----
	{
		id: 'fr-pw-compte',
		lang: 'fr',
		turns: [
			{ customer: 'Le mot de passe de mon compte est Soleil_2024, ça ne marche plus.' },
			{ customer: 'J’ai réessayé Soleil_2024 ce matin.' },
			{ ai: 'Réinitialisez votre mot de passe depuis la page de connexion.' }
		],
		secrets: ['Soleil_2024'],
		keep: ['page de connexion']
	},
	{
		id: 'fr-pw-mdp',
		lang: 'fr',
		turns: [
			{ customer: 'mdp : Chat!Noir88 pour mon compte, commande 48291.' },
			{ ai: 'Ne partagez jamais votre mot de passe. La commande 48291 est expédiée.' }
		],
		secrets: ['Chat!Noir88'],
		keep: ['48291']
	},
	{
		id: 'fr-pw-expire-survives',
		lang: 'fr',
		turns: [
			{ customer: 'Le mot de passe est expiré depuis la version 2.8.1 du 12 octobre.' },
			{ ai: 'Depuis la version 2.8.1 du 12 octobre, un mot de passe expiré doit être changé.' }
		],
		secrets: [],
		keep: ['Le mot de passe est expiré', '2.8.1', '12 octobre']
	},
	{
		id: 'fr-card',
		lang: 'fr',
		turns: [
			{ customer: 'Ma carte 4012 8888 8888 1881 a été débitée deux fois de 59,00 €.' },
			{ ai: 'Le second débit de 59,00 € est une pré-autorisation.' }
		],
		secrets: ['4012 8888 8888 1881', '4012888888881881'],
		keep: ['59,00 €']
	},
	{
		id: 'fr-iban-bic',
		lang: 'fr',
		turns: [
			{ customer: 'Remboursez sur l’IBAN FR14 2004 1010 0505 0001 3M02 606 BIC BNPAFRPP.' },
			{ ai: 'Le remboursement revient sur le moyen de paiement initial sous 14 jours.' }
		],
		secrets: ['FR14 2004 1010 0505 0001 3M02 606', 'BNPAFRPP'],
		keep: ['14 jours']
	},
	{
		id: 'fr-phone',
		lang: 'fr',
		turns: [{ customer: 'Appelez-moi au 06 12 34 56 78 ou au 0687654321.' }, { ai: 'Un conseiller vous rappelle avant 18 h.' }],
		secrets: ['06 12 34 56 78', '0687654321'],
		keep: ['18 h']
	},
	{
		id: 'fr-dob',
		lang: 'fr',
		turns: [
			{ customer: 'Je suis né le 5 mars 1979, client depuis le 2 janvier 2020.' },
			{ ai: 'Merci, client depuis le 2 janvier 2020 : votre compte est vérifié.' }
		],
		secrets: ['5 mars 1979'],
		keep: ['2 janvier 2020']
	},
	{
		id: 'fr-dob-naissance',
		lang: 'fr',
		turns: [
			{ customer: 'Date de naissance : 21/06/1975. Facture du 03/10/2026.' },
			{ ai: 'La facture du 03/10/2026 est disponible dans votre espace.' }
		],
		secrets: ['21/06/1975'],
		keep: ['03/10/2026']
	},
	{
		id: 'fr-address',
		lang: 'fr',
		turns: [
			{ customer: 'Livrez au 18 avenue Victor Hugo, pas au 5 rue de la Paix.' },
			{ ai: 'Vous pouvez modifier l’adresse de livraison dans votre profil.' }
		],
		secrets: ['18 avenue Victor Hugo', '5 rue de la Paix'],
		keep: ['adresse de livraison']
	},
	{
		id: 'fr-code',
		lang: 'fr',
		turns: [{ customer: 'Le code de vérification : 604812 ne passe pas.' }, { ai: 'Les codes expirent après 10 minutes.' }],
		secrets: ['604812'],
		keep: ['10 minutes']
	},
	{
		id: 'fr-email',
		lang: 'fr',
		turns: [
			{ customer: 'Envoyez la facture à compta@cabinet-martin.example svp.' },
			{ ai: 'Ajoutez compta@cabinet-martin.example comme contact de facturation.' }
		],
		secrets: ['compta@cabinet-martin.example'],
		keep: ['contact de facturation']
	},
	{
		id: 'fr-kb-address',
		lang: 'fr',
		turns: [{ customer: 'Où renvoyer le colis ?' }, { ai: 'Renvoyez le colis ; le remboursement prend 14 jours.', kb: ['kb-adresse'] }],
		secrets: ['5 rue de la Paix'],
		keep: ['14 jours', '20 €']
	},
	{
		id: 'fr-handoff',
		lang: 'fr',
		turns: [
			{ customer: 'Je veux parler à quelqu’un, mon numéro : 06 98 76 54 32.' },
			{
				handoff: {
					to_queue: 'accounts',
					reason: 'rappel au 06 98 76 54 32',
					note: 'Objectif : rappel. Faits : commande 48291, 59,00 €. Prochaine étape : appeler le 06 98 76 54 32.',
					customer_message: 'Un conseiller vous appelle au 06 98 76 54 32.'
				}
			}
		],
		secrets: ['06 98 76 54 32', '0698765432'],
		keep: ['48291', '59,00 €']
	}
];

const at = (n: number, minute: number) => new Date(Date.UTC(2026, 9, 6, 8, 0) + n * 3_600_000 + minute * 60_000).toISOString();

/** The cases as canonical conversations, ready for importConversations. */
export function corpusConversations() {
	return REDACTION_CORPUS.map((c, n) => ({
		id: c.id,
		channel: 'chat',
		language: c.lang,
		created_at: at(n, 0),
		subject: c.subject,
		customer: { id: `cust-${c.id}`, tier: 'standard', plan: c.plan ?? 'pro' },
		events: c.turns.map((t, i) => {
			const base = { id: `e${i + 1}`, at: at(n, i + 1) };
			if ('customer' in t) return { ...base, type: 'message', author: 'customer', body: t.customer };
			if ('ai' in t) return { ...base, type: 'message', author: 'ai', answer_type: 'answered', body: t.ai, kb_article_ids: t.kb };
			if ('agent' in t) return { ...base, type: 'message', author: 'agent', agent_id: 'a1', body: t.agent };
			if ('draft' in t)
				return {
					...base,
					type: 'draft',
					author: 'ai',
					agent_id: 'a1',
					review: t.final ? 'edited' : 'sent_as_is',
					body: t.draft,
					final_body: t.final,
					kb_article_ids: t.kb
				};
			if ('handoff' in t) return { ...base, type: 'handoff', author: 'ai', ...t.handoff };
			return { ...base, type: 'note', author: 'agent', body: t.internalNote };
		})
	}));
}
