// Per-language phrasing shared by every topic: greetings, sign-offs, slot values, the AI's
// and agents' stock sentences. Four languages (en, de, es, fr), written as customers and
// support teams really phrase things, so detection and clustering see realistic text.

export const LANGUAGES = ['en', 'de', 'es', 'fr'] as const;
export type Lang = (typeof LANGUAGES)[number];
export type PerLang<T> = Record<Lang, T>;

export const QUEUES = ['billing', 'technical', 'accounts', 'shipping', 'sales', 'general'] as const;
export type Queue = (typeof QUEUES)[number];

/** Slot values a template fills with {name}; functions draw a fresh value each time. */
export type SlotFill = readonly string[] | ((r: () => number) => string);

const pad = (n: number, w: number) => String(n).padStart(w, '0');

export const SLOTS: PerLang<Record<string, SlotFill>> = {
	en: {
		amount: (r) => `$${9 + Math.floor(r() * 190)}.${pad(Math.floor(r() * 100), 2)}`,
		order: (r) => `#${40000 + Math.floor(r() * 59999)}`,
		plan: ['Pro', 'Starter', 'Business', 'Team', 'annual', 'monthly'],
		month: ['this month', 'last month', 'my October renewal', 'the September invoice', 'the latest bill'],
		device: ['iPhone', 'Android phone', 'Windows laptop', 'MacBook', 'iPad', 'Chromebook'],
		error: ['ERR_SYNC_409', 'error 500', '"Something went wrong"', 'a blank screen', 'timeout after 30s', '"token expired"'],
		seats: ['2', '3', '5', '10', 'two', 'a few'],
		country: ['Canada', 'the UK', 'Switzerland', 'Norway', 'Australia'],
		days: ['3', '5', '7', '10', 'two weeks']
	},
	de: {
		amount: (r) => `${9 + Math.floor(r() * 190)},${pad(Math.floor(r() * 100), 2)} €`,
		order: (r) => `${40000 + Math.floor(r() * 59999)}`,
		plan: ['Pro', 'Starter', 'Business', 'Team', 'Jahresabo', 'Monatsabo'],
		month: ['diesen Monat', 'letzten Monat', 'bei der Verlängerung im Oktober', 'auf der Septemberrechnung', 'bei der letzten Abbuchung'],
		device: ['iPhone', 'Android-Handy', 'Windows-Laptop', 'MacBook', 'iPad', 'Tablet'],
		error: [
			'ERR_SYNC_409',
			'Fehler 500',
			'"Etwas ist schiefgelaufen"',
			'einen weißen Bildschirm',
			'Zeitüberschreitung',
			'"Token abgelaufen"'
		],
		seats: ['2', '3', '5', '10', 'zwei', 'ein paar'],
		country: ['die Schweiz', 'Österreich', 'Norwegen', 'Großbritannien', 'Kanada'],
		days: ['3', '5', '7', '10', 'vierzehn']
	},
	es: {
		amount: (r) => `${9 + Math.floor(r() * 190)},${pad(Math.floor(r() * 100), 2)} €`,
		order: (r) => `${40000 + Math.floor(r() * 59999)}`,
		plan: ['Pro', 'Starter', 'Business', 'Team', 'anual', 'mensual'],
		month: ['este mes', 'el mes pasado', 'en la renovación de octubre', 'en la factura de septiembre', 'en el último cobro'],
		device: ['iPhone', 'móvil Android', 'portátil con Windows', 'MacBook', 'iPad', 'tablet'],
		error: ['ERR_SYNC_409', 'error 500', '"Algo salió mal"', 'una pantalla en blanco', 'tiempo de espera agotado', '"token caducado"'],
		seats: ['2', '3', '5', '10', 'dos', 'algunas'],
		country: ['México', 'Suiza', 'Reino Unido', 'Colombia', 'Chile'],
		days: ['3', '5', '7', '10', 'quince']
	},
	fr: {
		amount: (r) => `${9 + Math.floor(r() * 190)},${pad(Math.floor(r() * 100), 2)} €`,
		order: (r) => `${40000 + Math.floor(r() * 59999)}`,
		plan: ['Pro', 'Starter', 'Business', 'Team', 'annuel', 'mensuel'],
		month: ['ce mois-ci', 'le mois dernier', 'au renouvellement d’octobre', 'sur la facture de septembre', 'lors du dernier prélèvement'],
		device: ['iPhone', 'téléphone Android', 'PC portable Windows', 'MacBook', 'iPad', 'tablette'],
		error: ['ERR_SYNC_409', 'erreur 500', '"Une erreur est survenue"', 'un écran blanc', 'délai d’attente dépassé', '"jeton expiré"'],
		seats: ['2', '3', '5', '10', 'deux', 'quelques'],
		country: ['la Suisse', 'le Canada', 'la Belgique', 'le Royaume-Uni', 'le Maroc'],
		days: ['3', '5', '7', '10', 'quinze']
	}
};

export const FIRST_NAMES: PerLang<string[]> = {
	en: ['Emma', 'Liam', 'Olivia', 'Noah', 'Ava', 'James', 'Mia', 'Lucas', 'Sophie', 'Ethan', 'Grace', 'Daniel'],
	de: ['Anna', 'Lukas', 'Lena', 'Jonas', 'Marie', 'Felix', 'Sophie', 'Paul', 'Hannah', 'Tobias', 'Julia', 'Max'],
	es: ['Lucía', 'Hugo', 'Sofía', 'Mateo', 'Martina', 'Pablo', 'Valeria', 'Diego', 'Carmen', 'Javier', 'Elena', 'Álvaro'],
	fr: ['Camille', 'Louis', 'Chloé', 'Hugo', 'Léa', 'Gabriel', 'Manon', 'Jules', 'Inès', 'Arthur', 'Claire', 'Théo']
};

export const GREETINGS: PerLang<string[]> = {
	en: ['', '', 'Hi,', 'Hello,', 'Hey there,', 'Hi team,', 'Good morning,'],
	de: ['', '', 'Hallo,', 'Guten Tag,', 'Hi,', 'Hallo zusammen,', 'Moin,'],
	es: ['', '', 'Hola,', 'Buenas,', 'Buenos días,', 'Hola equipo,', 'Hola, qué tal,'],
	fr: ['', '', 'Bonjour,', 'Bonsoir,', 'Salut,', 'Bonjour à toute l’équipe,', 'Bonjour madame, monsieur,']
};

export const CLOSERS: PerLang<string[]> = {
	en: ['', '', '', 'Thanks!', 'Thanks in advance.', 'Please help asap.', 'Any idea?', 'This is pretty urgent for us.', 'thx'],
	de: ['', '', '', 'Danke!', 'Vielen Dank im Voraus.', 'Bitte um schnelle Hilfe.', 'Was kann ich tun?', 'Das ist ziemlich dringend.', 'LG'],
	es: ['', '', '', '¡Gracias!', 'Gracias de antemano.', 'Por favor, es urgente.', '¿Alguna idea?', 'Necesito una solución hoy.', 'Saludos'],
	fr: ['', '', '', 'Merci !', 'Merci d’avance.', 'C’est assez urgent.', 'Une idée ?', 'Merci de votre aide.', 'Cordialement']
};

export const THANKS: PerLang<string[]> = {
	en: ['Thanks, that worked!', 'Perfect, all sorted.', 'great, thank you', 'Got it, thanks for the quick help.'],
	de: ['Danke, hat funktioniert!', 'Super, alles erledigt.', 'perfekt, danke', 'Alles klar, danke für die schnelle Hilfe.'],
	es: ['¡Gracias, funcionó!', 'Perfecto, ya está.', 'genial, gracias', 'Entendido, gracias por la ayuda.'],
	fr: ['Merci, ça marche !', 'Parfait, c’est réglé.', 'super merci', 'Compris, merci pour la réponse rapide.']
};

export const ASK_HUMAN: PerLang<string[]> = {
	en: [
		'Can I talk to a person please?',
		'That doesn’t answer my question. I need a human.',
		'agent please',
		'This isn’t helping, can someone from your team look at it?'
	],
	de: [
		'Kann ich bitte mit einem Menschen sprechen?',
		'Das beantwortet meine Frage nicht. Ich brauche einen Mitarbeiter.',
		'Mitarbeiter bitte',
		'Das hilft nicht, kann sich das jemand aus dem Team ansehen?'
	],
	es: [
		'¿Puedo hablar con una persona, por favor?',
		'Eso no responde a mi pregunta. Necesito un agente.',
		'agente por favor',
		'No me ayuda, ¿alguien del equipo puede revisarlo?'
	],
	fr: [
		'Je peux parler à quelqu’un, s’il vous plaît ?',
		'Ça ne répond pas à ma question. Je veux un conseiller.',
		'un humain svp',
		'Ça ne m’aide pas, quelqu’un de l’équipe peut regarder ?'
	]
};

export const STILL_BROKEN: PerLang<string[]> = {
	en: [
		'Sorry, this is happening again.',
		'It worked for a day and now it’s back.',
		'Reopening this, the problem is not fixed.',
		'Still not solved, same issue as before.'
	],
	de: [
		'Sorry, das Problem ist wieder da.',
		'Hat einen Tag funktioniert, jetzt wieder dasselbe.',
		'Das ist leider doch nicht gelöst.',
		'Immer noch nicht behoben, gleicher Fehler wie vorher.'
	],
	es: [
		'Perdón, vuelve a pasar lo mismo.',
		'Funcionó un día y ahora otra vez igual.',
		'Reabro esto, el problema no está resuelto.',
		'Sigue sin resolverse, el mismo problema de antes.'
	],
	fr: [
		'Désolé, le problème est revenu.',
		'Ça a marché un jour et maintenant ça recommence.',
		'Je rouvre, le problème n’est pas réglé.',
		'Toujours pas résolu, même souci qu’avant.'
	]
};

export const CLARIFY_REPLY: PerLang<string[]> = {
	en: [
		'It’s on the {plan} plan, order {order}.',
		'On my {device}. I already tried logging out and in.',
		'Yes, same account, same card.',
		'It started {month}.'
	],
	de: [
		'Es geht um den {plan}-Tarif, Bestellung {order}.',
		'Auf meinem {device}. Ab- und wieder anmelden habe ich schon probiert.',
		'Ja, gleiches Konto, gleiche Karte.',
		'Das fing {month} an.'
	],
	es: [
		'Es el plan {plan}, pedido {order}.',
		'En mi {device}. Ya probé a cerrar sesión y volver a entrar.',
		'Sí, misma cuenta, misma tarjeta.',
		'Empezó {month}.'
	],
	fr: [
		'C’est l’offre {plan}, commande {order}.',
		'Sur mon {device}. J’ai déjà essayé de me déconnecter et reconnecter.',
		'Oui, même compte, même carte.',
		'Ça a commencé {month}.'
	]
};

/** The AI's clarifying question (at most one per turn). */
export const AI_CLARIFY: PerLang<string[]> = {
	en: [
		'I can help with that. Which plan are you on, and do you have the order or invoice number?',
		'Happy to look into it. On which device does this happen, and when did it start?'
	],
	de: [
		'Dabei helfe ich gern. Welchen Tarif nutzen Sie, und haben Sie die Bestell- oder Rechnungsnummer?',
		'Ich sehe mir das an. Auf welchem Gerät passiert das, und seit wann?'
	],
	es: [
		'Puedo ayudarte con eso. ¿Qué plan tienes y tienes el número de pedido o de factura?',
		'Lo reviso con gusto. ¿En qué dispositivo ocurre y desde cuándo?'
	],
	fr: [
		'Je peux vous aider. Quelle offre utilisez-vous et avez-vous le numéro de commande ou de facture ?',
		'Je regarde ça. Sur quel appareil cela se produit-il et depuis quand ?'
	]
};

/** The AI admitting it has no answer. */
export const AI_FALLBACK: PerLang<string[]> = {
	en: [
		'I’m sorry, I don’t have reliable information about that yet.',
		'I couldn’t find an answer to that in our help center.',
		'I’m not able to answer that one with confidence.'
	],
	de: [
		'Das tut mir leid, dazu habe ich noch keine verlässlichen Informationen.',
		'Dazu habe ich in unserem Hilfe-Center keine Antwort gefunden.',
		'Diese Frage kann ich leider nicht sicher beantworten.'
	],
	es: [
		'Lo siento, todavía no tengo información fiable sobre eso.',
		'No he encontrado una respuesta a eso en nuestro centro de ayuda.',
		'No puedo responder a eso con seguridad.'
	],
	fr: [
		'Désolé, je n’ai pas encore d’information fiable à ce sujet.',
		'Je n’ai pas trouvé de réponse dans notre centre d’aide.',
		'Je ne peux pas répondre à cette question avec certitude.'
	]
};

export const AI_CLOSING: PerLang<string[]> = {
	en: ['Glad that helped! I’ll close this chat; just reply here if anything else comes up.', 'You’re welcome. Have a great day!'],
	de: [
		'Freut mich, dass es geklappt hat! Ich schließe den Chat; antworten Sie einfach hier, falls noch etwas ist.',
		'Gern geschehen. Einen schönen Tag noch!'
	],
	es: ['¡Me alegro de que funcionara! Cierro el chat; responde aquí si necesitas algo más.', 'De nada. ¡Que tengas un buen día!'],
	fr: ['Ravi que cela ait fonctionné ! Je ferme la conversation ; répondez ici si besoin.', 'Avec plaisir. Bonne journée !']
};

export const QUEUE_TEAM: PerLang<Record<Queue, string>> = {
	en: {
		billing: 'billing team',
		technical: 'technical support team',
		accounts: 'accounts team',
		shipping: 'shipping team',
		sales: 'sales team',
		general: 'support team'
	},
	de: {
		billing: 'Abrechnungsteam',
		technical: 'technischen Support',
		accounts: 'Konto-Team',
		shipping: 'Versandteam',
		sales: 'Vertriebsteam',
		general: 'Support-Team'
	},
	es: {
		billing: 'equipo de facturación',
		technical: 'soporte técnico',
		accounts: 'equipo de cuentas',
		shipping: 'equipo de envíos',
		sales: 'equipo comercial',
		general: 'equipo de soporte'
	},
	fr: {
		billing: 'équipe facturation',
		technical: 'support technique',
		accounts: 'équipe comptes',
		shipping: 'équipe expédition',
		sales: 'équipe commerciale',
		general: 'équipe support'
	}
};

/** A good hand-off message: who takes over and what happens next ({team}, {eta}). */
export const HANDOFF_GOOD: PerLang<string[]> = {
	en: [
		'I’m bringing in our {team}. I’ve shared everything you told me, so you won’t need to repeat it; they’ll reply here within {eta}.',
		'This needs a specialist, so I’m passing it to our {team} with a summary. Expect a reply in this conversation within {eta}.'
	],
	de: [
		'Ich übergebe an unser {team}. Alle Ihre Angaben sind weitergeleitet, Sie müssen nichts wiederholen; Sie bekommen hier innerhalb von {eta} eine Antwort.',
		'Das muss sich ein Spezialist ansehen. Ich gebe es mit einer Zusammenfassung an unser {team} weiter; Antwort innerhalb von {eta} hier im Verlauf.'
	],
	es: [
		'Paso tu caso a nuestro {team}. Ya tienen todo lo que me contaste, no tendrás que repetirlo; te responderán aquí en {eta}.',
		'Esto necesita a un especialista: lo paso a nuestro {team} con un resumen. Recibirás respuesta en esta conversación en {eta}.'
	],
	fr: [
		'Je transmets à notre {team}. Ils ont tout ce que vous m’avez dit, inutile de répéter ; réponse ici sous {eta}.',
		'Cela demande un spécialiste : je transmets à notre {team} avec un résumé. Vous aurez une réponse dans cette conversation sous {eta}.'
	]
};

/** A poor hand-off message: the customer learns nothing about who or when. */
export const HANDOFF_POOR: PerLang<string[]> = {
	en: ['Please wait.', 'Transferring you now.', 'One moment.'],
	de: ['Bitte warten.', 'Ich leite weiter.', 'Einen Moment.'],
	es: ['Espera, por favor.', 'Te transfiero.', 'Un momento.'],
	fr: ['Veuillez patienter.', 'Je vous transfère.', 'Un instant.']
};

export const ETA: PerLang<string[]> = {
	en: ['15 minutes', 'the hour', '4 business hours', 'one business day'],
	de: ['15 Minuten', 'einer Stunde', '4 Geschäftsstunden', 'einem Werktag'],
	es: ['15 minutos', 'una hora', '4 horas laborables', 'un día laborable'],
	fr: ['15 minutes', 'une heure', '4 heures ouvrées', 'un jour ouvré']
};

/** What an agent writes when they resolve a case, per queue. */
export const AGENT_RESOLUTION: PerLang<Record<Queue, string[]>> = {
	en: {
		billing: [
			'I’ve checked your payment records and corrected the invoice; the change shows within 3–5 business days.',
			'The second charge was a pending authorisation and has been released by the bank.'
		],
		technical: [
			'Our engineers found the cause on our side and deployed a fix; please try again now.',
			'I reset the connection for your workspace, so the next sync should go through.'
		],
		accounts: [
			'I’ve verified your identity and updated the account; you can sign in again now.',
			'The change is done and a confirmation email is on its way.'
		],
		shipping: [
			'I contacted the carrier; the parcel is back on track and arrives within 2 days.',
			'I’ve created a return label and emailed it to you.'
		],
		sales: [
			'I’ve prepared a quote for the seats you need and sent it to your billing contact.',
			'I set up a short call with an account manager to walk through the options.'
		],
		general: ['I’ve looked into this and everything is sorted on our side now.', 'Thanks for the details, this is fixed now.']
	},
	de: {
		billing: [
			'Ich habe Ihre Zahlungen geprüft und die Rechnung korrigiert; die Änderung ist in 3–5 Werktagen sichtbar.',
			'Die zweite Abbuchung war nur eine Vormerkung und wurde von der Bank freigegeben.'
		],
		technical: [
			'Unsere Entwickler haben die Ursache gefunden und einen Fix ausgerollt; bitte versuchen Sie es jetzt erneut.',
			'Ich habe die Verbindung Ihres Workspaces zurückgesetzt, die nächste Synchronisierung sollte klappen.'
		],
		accounts: [
			'Ich habe Ihre Identität bestätigt und das Konto aktualisiert; Sie können sich jetzt wieder anmelden.',
			'Die Änderung ist erledigt, eine Bestätigung per E-Mail ist unterwegs.'
		],
		shipping: [
			'Ich habe den Paketdienst kontaktiert; das Paket ist wieder unterwegs und kommt in 2 Tagen an.',
			'Ich habe ein Rücksendeetikett erstellt und Ihnen per E-Mail geschickt.'
		],
		sales: [
			'Ich habe ein Angebot für die benötigten Plätze erstellt und an Ihren Rechnungskontakt geschickt.',
			'Ich habe einen kurzen Termin mit einer Kundenbetreuerin vereinbart.'
		],
		general: ['Ich habe mir das angesehen, auf unserer Seite ist jetzt alles in Ordnung.', 'Danke für die Details, das ist jetzt behoben.']
	},
	es: {
		billing: [
			'He revisado tus pagos y corregido la factura; verás el cambio en 3–5 días hábiles.',
			'El segundo cargo era una preautorización y el banco ya la ha liberado.'
		],
		technical: [
			'Nuestros ingenieros encontraron la causa y publicaron una corrección; inténtalo de nuevo ahora.',
			'He restablecido la conexión de tu espacio de trabajo; la próxima sincronización debería funcionar.'
		],
		accounts: [
			'He verificado tu identidad y actualizado la cuenta; ya puedes iniciar sesión.',
			'El cambio está hecho y te llegará un correo de confirmación.'
		],
		shipping: [
			'He contactado con la transportista; el paquete vuelve a estar en camino y llega en 2 días.',
			'He creado una etiqueta de devolución y te la he enviado por correo.'
		],
		sales: [
			'He preparado un presupuesto para las licencias que necesitas y lo he enviado a tu contacto de facturación.',
			'He programado una llamada breve con un gestor de cuenta.'
		],
		general: ['Lo he revisado y ya está todo en orden por nuestra parte.', 'Gracias por los detalles, ya está solucionado.']
	},
	fr: {
		billing: [
			'J’ai vérifié vos paiements et corrigé la facture ; la modification apparaîtra sous 3 à 5 jours ouvrés.',
			'Le second prélèvement était une pré-autorisation, la banque l’a libérée.'
		],
		technical: [
			'Nos ingénieurs ont trouvé la cause et déployé un correctif ; vous pouvez réessayer.',
			'J’ai réinitialisé la connexion de votre espace ; la prochaine synchronisation devrait passer.'
		],
		accounts: [
			'J’ai vérifié votre identité et mis à jour le compte ; vous pouvez vous reconnecter.',
			'La modification est faite, un e-mail de confirmation arrive.'
		],
		shipping: [
			'J’ai contacté le transporteur ; le colis est reparti et arrive sous 2 jours.',
			'J’ai créé une étiquette de retour et vous l’ai envoyée par e-mail.'
		],
		sales: [
			'J’ai préparé un devis pour les licences demandées et l’ai envoyé à votre contact facturation.',
			'J’ai planifié un court appel avec un chargé de compte.'
		],
		general: ['J’ai regardé, tout est en ordre de notre côté maintenant.', 'Merci pour les détails, c’est corrigé.']
	}
};

export const AGENT_GREETING: PerLang<string> = { en: 'Hi {name},', de: 'Hallo {name},', es: 'Hola, {name}:', fr: 'Bonjour {name},' };
export const AGENT_SIGNOFF: PerLang<string[]> = {
	en: ['Best, {agent}', 'Kind regards, {agent}', 'Cheers, {agent}'],
	de: ['Viele Grüße, {agent}', 'Beste Grüße, {agent}', 'Freundliche Grüße, {agent}'],
	es: ['Un saludo, {agent}', 'Saludos cordiales, {agent}', 'Un abrazo, {agent}'],
	fr: ['Bien à vous, {agent}', 'Cordialement, {agent}', 'Belle journée, {agent}']
};
export const NEXT_STEP: PerLang<string[]> = {
	en: [
		'If anything still looks off, just reply to this message.',
		'Let me know once you’ve tried it and I’ll keep the ticket open until then.'
	],
	de: [
		'Wenn noch etwas nicht stimmt, antworten Sie einfach auf diese Nachricht.',
		'Geben Sie mir kurz Bescheid, sobald Sie es ausprobiert haben; bis dahin bleibt das Ticket offen.'
	],
	es: [
		'Si algo sigue sin cuadrar, responde a este mensaje.',
		'Avísame cuando lo hayas probado; mantengo el ticket abierto hasta entonces.'
	],
	fr: [
		'Si quelque chose ne va toujours pas, répondez simplement à ce message.',
		'Dites-moi quand vous aurez essayé ; je garde le ticket ouvert d’ici là.'
	]
};
/** Phrases an agent adds when editing a draft: a personal touch. */
export const EDIT_TOUCH: PerLang<string[]> = {
	en: [
		'Sorry for the hassle, and thanks for your patience.',
		'I double-checked this on your account myself.',
		'Thanks for flagging this so clearly.'
	],
	de: [
		'Entschuldigen Sie die Umstände und danke für Ihre Geduld.',
		'Ich habe das in Ihrem Konto selbst noch einmal geprüft.',
		'Danke, dass Sie das so genau beschrieben haben.'
	],
	es: [
		'Perdona las molestias y gracias por tu paciencia.',
		'Lo he comprobado yo mismo en tu cuenta.',
		'Gracias por explicarlo con tanto detalle.'
	],
	fr: [
		'Désolé pour le désagrément et merci de votre patience.',
		'J’ai vérifié moi-même sur votre compte.',
		'Merci de l’avoir signalé aussi clairement.'
	]
};
/** Planted violation: an unauthorised refund promise. */
export const REFUND_PROMISE: PerLang<string[]> = {
	en: [
		'I’ve gone ahead and refunded the full {amount}; it will be back on your card within 24 hours.',
		'As an exception I’ll refund your last three months, no questions asked.'
	],
	de: [
		'Ich habe Ihnen die vollen {amount} bereits erstattet; das Geld ist in 24 Stunden auf Ihrer Karte.',
		'Ausnahmsweise erstatte ich Ihnen die letzten drei Monate, ohne Rückfragen.'
	],
	es: [
		'Ya te he reembolsado los {amount} completos; en 24 horas los tendrás en tu tarjeta.',
		'Como excepción te devuelvo los últimos tres meses, sin preguntas.'
	],
	fr: [
		'Je vous ai déjà remboursé l’intégralité des {amount} ; ils seront sur votre carte sous 24 heures.',
		'À titre exceptionnel, je vous rembourse les trois derniers mois, sans condition.'
	]
};
/** Planted violation: personal data that should never be in a reply. */
export const PERSONAL_DATA: PerLang<string[]> = {
	en: [
		'For reference, the card on file is 4111 1111 1111 1111, exp 09/28.',
		'The refund will go to IBAN GB82 WEST 1234 5698 7654 32.',
		'Your temporary password is Summer2026! so you can sign in right away.'
	],
	de: [
		'Zur Info: die hinterlegte Karte ist 5555 5555 5555 4444, gültig bis 09/28.',
		'Die Erstattung geht auf die IBAN DE89 3704 0044 0532 0130 00.',
		'Ihr vorläufiges Passwort lautet Sommer2026! damit Sie sich sofort anmelden können.'
	],
	es: [
		'Para tu referencia, la tarjeta registrada es 4000 0566 5566 5556, caduca 09/28.',
		'El reembolso irá al IBAN ES91 2100 0418 4502 0005 1332.',
		'Tu contraseña temporal es Verano2026! para que entres ya.'
	],
	fr: [
		'Pour info, la carte enregistrée est 4111 1111 1111 1111, exp. 09/28.',
		'Le remboursement ira sur l’IBAN FR14 2004 1010 0505 0001 3M02 606.',
		'Votre mot de passe temporaire est Ete2026! pour vous connecter tout de suite.'
	]
};
/** Planted violation: a wall of clarifying questions. */
export const TOO_MANY_QUESTIONS: PerLang<string> = {
	en: 'Could you tell me which plan you are on? Which device do you use? When did this first happen? Have you changed anything recently?',
	de: 'Welchen Tarif nutzen Sie? Welches Gerät verwenden Sie? Seit wann passiert das? Haben Sie kürzlich etwas geändert?',
	es: '¿Qué plan tienes? ¿Qué dispositivo usas? ¿Desde cuándo pasa? ¿Has cambiado algo recientemente?',
	fr: 'Quelle offre utilisez-vous ? Quel appareil ? Depuis quand cela arrive-t-il ? Avez-vous changé quelque chose récemment ?'
};

export const CSAT_COMMENTS: Record<'good' | 'bad', PerLang<string[]>> = {
	good: {
		en: ['quick and easy', 'Solved in minutes, thanks', 'very helpful'],
		de: ['schnell und unkompliziert', 'In wenigen Minuten gelöst, danke', 'sehr hilfreich'],
		es: ['rápido y fácil', 'Resuelto en minutos, gracias', 'muy útil'],
		fr: ['rapide et simple', 'Réglé en quelques minutes, merci', 'très utile']
	},
	bad: {
		en: ['the bot did not understand me', 'had to explain everything twice', 'took way too long'],
		de: ['der Bot hat mich nicht verstanden', 'musste alles zweimal erklären', 'hat viel zu lange gedauert'],
		es: ['el bot no me entendió', 'tuve que explicarlo todo dos veces', 'tardaron demasiado'],
		fr: ['le bot ne m’a pas compris', 'j’ai dû tout réexpliquer', 'beaucoup trop long']
	}
};
