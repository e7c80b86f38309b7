// The topics customers write about, with the planted truth of each: covered by a good KB
// article, covered only by a weak one (the article is off or thin, so the AI still fails),
// or missing (no article at all: a knowledge gap). Customer phrasing is templates × slots ×
// language so that clustering has real work to do.
import type { Lang, PerLang, Queue } from './language';

export type Coverage = 'covered' | 'weak' | 'missing';

export interface Topic {
	id: string;
	label: string;
	queue: Queue;
	/** The coarse category a help desk's triage would store as `intent`. */
	intent: string;
	coverage: Coverage;
	/** Where triage or the AI wrongly sends it first, when it is misrouted. */
	wrongQueue: Queue;
	/** Chance a conversation on this topic is first routed to `wrongQueue`. */
	misroute: number;
	/** Relative volume at week 0 and at the last week (linear in between). */
	weight: [number, number];
	/** Reason code on the AI's hand-off. */
	handoffReason: string;
	/** Policy: the AI must hand off even when it knows the answer (refunds, deletions). */
	policyHandoff?: number;
	phrasing: PerLang<string[]>;
	subject: PerLang<string[]>;
	/** The AI's answer (covered) or its off-target answer from the weak article. */
	answer?: PerLang<string>;
	kb?: { title: PerLang<string>; body: PerLang<string> };
	/** English internal-note facts for hand-off notes. */
	note: { goal: string; blocker: string; next: string; fact: string };
}

export const TOPICS: Topic[] = [
	{
		id: 'duplicate_charge',
		label: 'Charged twice for the subscription',
		queue: 'billing',
		intent: 'billing',
		coverage: 'covered',
		wrongQueue: 'accounts',
		misroute: 0.08,
		weight: [9, 8],
		handoffReason: 'billing_dispute',
		phrasing: {
			en: [
				'I was charged twice for {month}.',
				'Why are there two payments of {amount} on my card?',
				'double charge on my {plan} subscription??',
				'You billed me {amount} two times for the same renewal.',
				'My bank statement shows the same charge twice {month}.'
			],
			de: [
				'Mir wurde {month} doppelt abgebucht.',
				'Warum sehe ich zwei Zahlungen über {amount} auf meiner Karte?',
				'doppelte Abbuchung beim {plan}-Abo??',
				'Sie haben mir {amount} zweimal für dieselbe Verlängerung berechnet.',
				'Auf meinem Kontoauszug steht dieselbe Abbuchung zweimal.'
			],
			es: [
				'Me habéis cobrado dos veces {month}.',
				'¿Por qué veo dos pagos de {amount} en mi tarjeta?',
				'cobro duplicado en mi suscripción {plan}??',
				'Me cobrasteis {amount} dos veces por la misma renovación.',
				'En mi extracto aparece el mismo cargo dos veces.'
			],
			fr: [
				'J’ai été débité deux fois {month}.',
				'Pourquoi je vois deux paiements de {amount} sur ma carte ?',
				'double prélèvement sur mon abonnement {plan} ??',
				'Vous m’avez facturé {amount} deux fois pour le même renouvellement.',
				'Mon relevé bancaire montre le même prélèvement en double.'
			]
		},
		subject: {
			en: ['Charged twice', 'Duplicate payment'],
			de: ['Doppelte Abbuchung'],
			es: ['Cobro duplicado'],
			fr: ['Double prélèvement']
		},
		answer: {
			en: 'A second charge is usually a pending card authorisation that your bank releases within 5 business days. You can check under Settings > Billing > Payments: only charges marked "Paid" are final.',
			de: 'Eine zweite Abbuchung ist meist eine Vormerkung der Karte, die Ihre Bank innerhalb von 5 Werktagen freigibt. Unter Einstellungen > Abrechnung > Zahlungen sind nur Zahlungen mit „Bezahlt“ endgültig.',
			es: 'Un segundo cargo suele ser una preautorización de la tarjeta que tu banco libera en 5 días hábiles. En Ajustes > Facturación > Pagos solo son definitivos los cargos marcados como "Pagado".',
			fr: 'Un second prélèvement est généralement une pré-autorisation que votre banque libère sous 5 jours ouvrés. Dans Paramètres > Facturation > Paiements, seuls les paiements « Payé » sont définitifs.'
		},
		kb: {
			title: {
				en: 'Why do I see two charges?',
				de: 'Warum sehe ich zwei Abbuchungen?',
				es: '¿Por qué veo dos cargos?',
				fr: 'Pourquoi est-ce que je vois deux prélèvements ?'
			},
			body: {
				en: 'If you see two charges for one renewal, the second one is usually a pending authorisation. Banks release it within 5 business days. Go to Settings > Billing > Payments: only payments marked Paid are final. If both are marked Paid, contact billing with the invoice number.',
				de: 'Wenn Sie zwei Abbuchungen für eine Verlängerung sehen, ist die zweite meist eine Vormerkung. Banken geben sie innerhalb von 5 Werktagen frei. Unter Einstellungen > Abrechnung > Zahlungen sind nur Zahlungen mit Bezahlt endgültig. Sind beide bezahlt, kontaktieren Sie die Abrechnung mit der Rechnungsnummer.',
				es: 'Si ves dos cargos por una renovación, el segundo suele ser una preautorización. Los bancos la liberan en 5 días hábiles. En Ajustes > Facturación > Pagos solo son definitivos los pagos marcados como Pagado. Si ambos lo están, contacta con facturación con el número de factura.',
				fr: 'Si vous voyez deux prélèvements pour un renouvellement, le second est souvent une pré-autorisation. Les banques la libèrent sous 5 jours ouvrés. Dans Paramètres > Facturation > Paiements, seuls les paiements Payé sont définitifs. Si les deux le sont, contactez la facturation avec le numéro de facture.'
			}
		},
		note: {
			goal: 'Customer wants the duplicate renewal charge reversed.',
			fact: 'Two settled charges on the same card for one renewal',
			blocker: 'Both charges show as Paid, so it is not a pending authorisation; refunds need billing approval.',
			next: 'Verify the payment records and refund the second charge, then confirm to the customer.'
		}
	},
	{
		id: 'invoice_copy',
		label: 'Download a copy of an invoice',
		queue: 'billing',
		intent: 'billing',
		coverage: 'covered',
		wrongQueue: 'general',
		misroute: 0.04,
		weight: [8, 8],
		handoffReason: 'invoice_request',
		phrasing: {
			en: [
				'Where can I download my invoices?',
				'I need a copy of the invoice for {month} for our accounting.',
				'how do i get a pdf invoice',
				'Can you send me the receipt for order {order}?',
				'Our finance team needs all invoices from this year.'
			],
			de: [
				'Wo kann ich meine Rechnungen herunterladen?',
				'Ich brauche eine Kopie der Rechnung {month} für die Buchhaltung.',
				'wie bekomme ich eine rechnung als pdf',
				'Können Sie mir die Quittung zu Bestellung {order} schicken?',
				'Unsere Buchhaltung braucht alle Rechnungen aus diesem Jahr.'
			],
			es: [
				'¿Dónde puedo descargar mis facturas?',
				'Necesito una copia de la factura de {month} para contabilidad.',
				'como descargo la factura en pdf',
				'¿Me podéis mandar el recibo del pedido {order}?',
				'Nuestro departamento financiero necesita todas las facturas del año.'
			],
			fr: [
				'Où puis-je télécharger mes factures ?',
				'J’ai besoin d’une copie de la facture de {month} pour la compta.',
				'comment avoir la facture en pdf',
				'Pouvez-vous m’envoyer le reçu de la commande {order} ?',
				'Notre service financier a besoin de toutes les factures de l’année.'
			]
		},
		subject: { en: ['Invoice copy', 'Need invoice PDF'], de: ['Rechnungskopie'], es: ['Copia de factura'], fr: ['Copie de facture'] },
		answer: {
			en: 'You can download every invoice as a PDF under Settings > Billing > Invoices. Click the invoice and choose "Download PDF".',
			de: 'Alle Rechnungen finden Sie als PDF unter Einstellungen > Abrechnung > Rechnungen. Klicken Sie auf die Rechnung und wählen Sie „PDF herunterladen“.',
			es: 'Puedes descargar todas las facturas en PDF en Ajustes > Facturación > Facturas. Haz clic en la factura y elige "Descargar PDF".',
			fr: 'Toutes vos factures sont téléchargeables en PDF dans Paramètres > Facturation > Factures. Cliquez sur la facture puis « Télécharger le PDF ».'
		},
		kb: {
			title: {
				en: 'Download invoices and receipts',
				de: 'Rechnungen und Quittungen herunterladen',
				es: 'Descargar facturas y recibos',
				fr: 'Télécharger factures et reçus'
			},
			body: {
				en: 'Every invoice is available as a PDF under Settings > Billing > Invoices. Select an invoice and choose Download PDF. To send invoices to your accountant automatically, add their address as billing contact.',
				de: 'Jede Rechnung ist als PDF unter Einstellungen > Abrechnung > Rechnungen verfügbar. Wählen Sie eine Rechnung und PDF herunterladen. Für automatischen Versand an die Buchhaltung tragen Sie deren Adresse als Rechnungskontakt ein.',
				es: 'Todas las facturas están en PDF en Ajustes > Facturación > Facturas. Elige una factura y Descargar PDF. Para enviarlas automáticamente a tu gestor, añade su correo como contacto de facturación.',
				fr: 'Chaque facture est disponible en PDF dans Paramètres > Facturation > Factures. Choisissez une facture puis Télécharger le PDF. Pour les envoyer automatiquement à votre comptable, ajoutez son adresse comme contact de facturation.'
			}
		},
		note: {
			goal: 'Customer needs invoice copies for accounting.',
			fact: 'Invoices are not visible in the billing page for this workspace',
			blocker: 'The invoice list is empty for this workspace, so the AI could not point to the PDFs.',
			next: 'Regenerate the invoices and email the PDFs to the billing contact.'
		}
	},
	{
		id: 'refund_request',
		label: 'Refund after renewal',
		queue: 'billing',
		intent: 'billing',
		coverage: 'covered',
		wrongQueue: 'sales',
		misroute: 0.06,
		weight: [7, 7],
		handoffReason: 'refund_request',
		policyHandoff: 0.7,
		phrasing: {
			en: [
				'Can I get my money back? It renewed already and I didn’t want that.',
				'I forgot to cancel and got charged {amount}. Refund please.',
				'what is your refund policy for the {plan} plan',
				'I want a refund for {month}, we haven’t used the product at all.'
			],
			de: [
				'Kann ich mein Geld zurückbekommen? Das Abo hat sich schon verlängert.',
				'Ich habe vergessen zu kündigen und {amount} bezahlt. Bitte erstatten.',
				'wie ist eure rückerstattung beim {plan}-tarif',
				'Ich möchte eine Erstattung für {month}, wir haben das Produkt gar nicht genutzt.'
			],
			es: [
				'¿Me podéis devolver el dinero? Se renovó y no quería.',
				'Se me olvidó cancelar y me cobraron {amount}. Quiero un reembolso.',
				'cual es la politica de reembolso del plan {plan}',
				'Quiero el reembolso de {month}, no hemos usado el producto.'
			],
			fr: [
				'Je peux être remboursé ? L’abonnement s’est renouvelé sans que je le veuille.',
				'J’ai oublié de résilier et j’ai payé {amount}. Remboursement svp.',
				'quelle est votre politique de remboursement pour l’offre {plan}',
				'Je voudrais un remboursement pour {month}, on n’a pas utilisé le produit.'
			]
		},
		subject: {
			en: ['Refund request', 'Unwanted renewal'],
			de: ['Erstattung'],
			es: ['Solicitud de reembolso'],
			fr: ['Demande de remboursement']
		},
		answer: {
			en: 'Monthly plans can be refunded within 14 days of a renewal if the workspace was not used since. Refunds are reviewed by our billing team, who reply within one business day.',
			de: 'Monatstarife können innerhalb von 14 Tagen nach der Verlängerung erstattet werden, wenn der Workspace seitdem nicht genutzt wurde. Erstattungen prüft unser Abrechnungsteam innerhalb eines Werktags.',
			es: 'Los planes mensuales se pueden reembolsar en los 14 días posteriores a la renovación si no se ha usado el espacio. El equipo de facturación revisa los reembolsos en un día hábil.',
			fr: 'Les offres mensuelles sont remboursables dans les 14 jours suivant le renouvellement si l’espace n’a pas été utilisé. L’équipe facturation traite les demandes sous un jour ouvré.'
		},
		kb: {
			title: { en: 'Refund policy', de: 'Erstattungsrichtlinie', es: 'Política de reembolsos', fr: 'Politique de remboursement' },
			body: {
				en: 'Monthly plans can be refunded within 14 days of a renewal when the workspace was not used after the renewal. Annual plans are refunded pro rata within 30 days. Our billing team reviews every request and replies within one business day.',
				de: 'Monatstarife werden innerhalb von 14 Tagen nach Verlängerung erstattet, wenn der Workspace danach nicht genutzt wurde. Jahrestarife werden innerhalb von 30 Tagen anteilig erstattet. Das Abrechnungsteam prüft jede Anfrage innerhalb eines Werktags.',
				es: 'Los planes mensuales se reembolsan en los 14 días siguientes a la renovación si no se usó el espacio. Los anuales se reembolsan de forma proporcional en 30 días. Facturación revisa cada solicitud en un día hábil.',
				fr: 'Les offres mensuelles sont remboursées sous 14 jours après renouvellement si l’espace n’a pas servi. Les offres annuelles sont remboursées au prorata sous 30 jours. La facturation traite chaque demande sous un jour ouvré.'
			}
		},
		note: {
			goal: 'Customer wants a refund of the latest renewal.',
			fact: 'Renewal charged recently; customer says the workspace was unused since',
			blocker: 'Refunds need billing approval; the AI may not promise one.',
			next: 'Check usage since the renewal and approve or decline the refund per policy.'
		}
	},
	{
		id: 'password_reset',
		label: 'Password reset email not arriving',
		queue: 'accounts',
		intent: 'account_access',
		coverage: 'covered',
		wrongQueue: 'technical',
		misroute: 0.07,
		weight: [10, 9],
		handoffReason: 'account_access',
		phrasing: {
			en: [
				'I can’t log in, the password reset email never arrives.',
				'forgot my password and the reset link doesnt come',
				'Reset link says expired every time I click it.',
				'I’m locked out of my account since this morning.'
			],
			de: [
				'Ich kann mich nicht anmelden, die E-Mail zum Zurücksetzen kommt nicht an.',
				'passwort vergessen und der reset link kommt nicht',
				'Der Link zum Zurücksetzen ist jedes Mal abgelaufen.',
				'Ich komme seit heute Morgen nicht mehr in mein Konto.'
			],
			es: [
				'No puedo acceder a mi cuenta, no me llega el correo para restablecer la contraseña.',
				'olvidé la contraseña y no llega el enlace',
				'El enlace de restablecimiento dice que ha caducado.',
				'Estoy bloqueado fuera de mi cuenta desde esta mañana.'
			],
			fr: [
				'Je n’arrive pas à me connecter, l’e-mail de réinitialisation n’arrive jamais.',
				'mot de passe oublié et le lien ne vient pas',
				'Le lien de réinitialisation est toujours expiré.',
				'Je suis bloqué hors de mon compte depuis ce matin.'
			]
		},
		subject: {
			en: ['Can’t log in', 'Password reset'],
			de: ['Passwort zurücksetzen'],
			es: ['No puedo acceder'],
			fr: ['Mot de passe oublié']
		},
		answer: {
			en: 'Reset links expire after 30 minutes and only the newest one works. Request a new link on the sign-in page, check your spam folder, and open it within 30 minutes.',
			de: 'Links zum Zurücksetzen laufen nach 30 Minuten ab, nur der neueste gilt. Fordern Sie auf der Anmeldeseite einen neuen Link an, prüfen Sie den Spam-Ordner und öffnen Sie ihn innerhalb von 30 Minuten.',
			es: 'Los enlaces caducan a los 30 minutos y solo vale el más reciente. Pide uno nuevo en la página de acceso, revisa la carpeta de spam y ábrelo en menos de 30 minutos.',
			fr: 'Les liens expirent après 30 minutes et seul le plus récent fonctionne. Demandez un nouveau lien sur la page de connexion, vérifiez les spams et ouvrez-le dans les 30 minutes.'
		},
		kb: {
			title: {
				en: 'Reset your password',
				de: 'Passwort zurücksetzen',
				es: 'Restablecer la contraseña',
				fr: 'Réinitialiser votre mot de passe'
			},
			body: {
				en: 'On the sign-in page choose Forgot password and enter your account email. The reset link is valid for 30 minutes and only the newest link works. If no email arrives within 5 minutes, check spam and allow mail from no-reply@supportlens.example.',
				de: 'Wählen Sie auf der Anmeldeseite Passwort vergessen und geben Sie Ihre E-Mail ein. Der Link gilt 30 Minuten, nur der neueste funktioniert. Kommt nach 5 Minuten nichts an, prüfen Sie den Spam-Ordner.',
				es: 'En la página de acceso elige He olvidado mi contraseña e introduce tu correo. El enlace vale 30 minutos y solo funciona el más reciente. Si no llega en 5 minutos, revisa el spam.',
				fr: 'Sur la page de connexion, choisissez Mot de passe oublié et saisissez votre e-mail. Le lien est valable 30 minutes et seul le plus récent fonctionne. Sans e-mail après 5 minutes, vérifiez les spams.'
			}
		},
		note: {
			goal: 'Customer wants to get back into their account.',
			fact: 'Reset emails are not arriving; spam folder already checked',
			blocker: 'Our mail log shows bounces for this address, which the AI cannot clear.',
			next: 'Clear the bounce suppression for the address and send a fresh reset link.'
		}
	},
	{
		id: 'change_billing_email',
		label: 'Change the billing contact email',
		queue: 'accounts',
		intent: 'account_access',
		coverage: 'covered',
		wrongQueue: 'billing',
		misroute: 0.22,
		weight: [6, 6],
		handoffReason: 'account_change',
		phrasing: {
			en: [
				'How do I change the invoice contact?',
				'Invoices go to a colleague who left, can we change the email?',
				'need to update the billing email address',
				'Please send future receipts to our finance mailbox instead.'
			],
			de: [
				'Wie ändere ich den Rechnungsempfänger?',
				'Die Rechnungen gehen an einen Kollegen, der nicht mehr da ist. Können wir die E-Mail ändern?',
				'rechnungs-email ändern',
				'Bitte künftige Belege an unser Buchhaltungspostfach schicken.'
			],
			es: [
				'¿Cómo cambio el contacto de facturación?',
				'Las facturas van a un compañero que ya no está, ¿podemos cambiar el correo?',
				'cambiar el email de facturación',
				'Enviad los recibos a nuestro buzón de finanzas a partir de ahora.'
			],
			fr: [
				'Comment changer le contact de facturation ?',
				'Les factures partent chez un collègue qui est parti, on peut changer l’e-mail ?',
				'modifier l’adresse mail de facturation',
				'Merci d’envoyer les prochains reçus à notre boîte compta.'
			]
		},
		subject: {
			en: ['Change billing email'],
			de: ['Rechnungs-E-Mail ändern'],
			es: ['Cambiar email de facturación'],
			fr: ['Changer l’e-mail de facturation']
		},
		answer: {
			en: 'You can change the billing email under Settings > Billing > Contact details. Invoices go to the new address from the next one on.',
			de: 'Die Rechnungs-E-Mail ändern Sie unter Einstellungen > Abrechnung > Kontaktdaten. Ab der nächsten Rechnung geht sie an die neue Adresse.',
			es: 'Puedes cambiar el correo de facturación en Ajustes > Facturación > Datos de contacto. Las facturas llegarán a la nueva dirección desde la próxima.',
			fr: 'Vous pouvez modifier l’e-mail de facturation dans Paramètres > Facturation > Coordonnées. Les prochaines factures iront à la nouvelle adresse.'
		},
		kb: {
			title: {
				en: 'Update the billing email',
				de: 'Rechnungs-E-Mail aktualisieren',
				es: 'Actualizar el correo de facturación',
				fr: 'Mettre à jour l’e-mail de facturation'
			},
			body: {
				en: 'Owners and billing admins can change where invoices go: Settings > Billing > Contact details. Enter the new address and save. The next invoice goes to the new address; past invoices stay downloadable.',
				de: 'Inhaber und Abrechnungs-Admins ändern den Empfänger unter Einstellungen > Abrechnung > Kontaktdaten. Neue Adresse eingeben und speichern. Die nächste Rechnung geht an die neue Adresse.',
				es: 'Propietarios y administradores de facturación lo cambian en Ajustes > Facturación > Datos de contacto. Introduce la nueva dirección y guarda. La próxima factura irá allí.',
				fr: 'Propriétaires et admins facturation modifient le destinataire dans Paramètres > Facturation > Coordonnées. Saisissez la nouvelle adresse et enregistrez. La prochaine facture y sera envoyée.'
			}
		},
		note: {
			goal: 'Customer wants invoices sent to a new billing email.',
			fact: 'The only owner account belongs to an employee who left',
			blocker: 'Nobody with billing-admin rights can sign in to make the change.',
			next: 'Verify company ownership and transfer the owner role, then update the contact.'
		}
	},
	{
		id: 'order_status',
		label: 'Where is my order',
		queue: 'shipping',
		intent: 'order_status',
		coverage: 'covered',
		wrongQueue: 'general',
		misroute: 0.05,
		weight: [10, 9],
		handoffReason: 'delivery_delay',
		phrasing: {
			en: [
				'Where is my order {order}?',
				'My package was supposed to arrive {days} days ago.',
				'tracking hasnt updated since monday, order {order}',
				'Has my order shipped yet? It’s been a week.'
			],
			de: [
				'Wo ist meine Bestellung {order}?',
				'Mein Paket sollte schon vor {days} Tagen da sein.',
				'sendungsverfolgung seit montag nicht aktualisiert, bestellung {order}',
				'Ist meine Bestellung schon verschickt? Es ist jetzt eine Woche her.'
			],
			es: [
				'¿Dónde está mi pedido {order}?',
				'Mi paquete tenía que llegar hace {days} días.',
				'el seguimiento no se actualiza desde el lunes, pedido {order}',
				'¿Ya se ha enviado mi pedido? Ha pasado una semana.'
			],
			fr: [
				'Où en est ma commande {order} ?',
				'Mon colis devait arriver il y a {days} jours.',
				'le suivi ne bouge plus depuis lundi, commande {order}',
				'Ma commande est-elle expédiée ? Ça fait une semaine.'
			]
		},
		subject: {
			en: ['Where is my order?', 'Late delivery'],
			de: ['Wo ist meine Bestellung?'],
			es: ['¿Dónde está mi pedido?'],
			fr: ['Où est ma commande ?']
		},
		answer: {
			en: 'Orders ship within 2 business days and the tracking link is in your confirmation email. Tracking can pause for up to 48 hours between depots; if it hasn’t moved after that, we open a trace with the carrier.',
			de: 'Bestellungen gehen innerhalb von 2 Werktagen raus, den Tracking-Link finden Sie in der Bestätigungsmail. Die Verfolgung kann zwischen Depots bis zu 48 Stunden stehen; danach beauftragen wir eine Nachforschung.',
			es: 'Los pedidos salen en 2 días hábiles y el enlace de seguimiento está en el correo de confirmación. El seguimiento puede pararse hasta 48 horas entre almacenes; si no avanza, abrimos una investigación con la transportista.',
			fr: 'Les commandes partent sous 2 jours ouvrés, le lien de suivi est dans l’e-mail de confirmation. Le suivi peut rester figé 48 heures entre deux dépôts ; au-delà, nous ouvrons une enquête transporteur.'
		},
		kb: {
			title: { en: 'Track your order', de: 'Bestellung verfolgen', es: 'Seguir tu pedido', fr: 'Suivre votre commande' },
			body: {
				en: 'Orders ship within 2 business days. The tracking link is in the shipping confirmation email and under Orders in your account. Tracking may not update for up to 48 hours between depots. After that, contact us and we open a trace with the carrier.',
				de: 'Bestellungen werden innerhalb von 2 Werktagen verschickt. Den Tracking-Link finden Sie in der Versandbestätigung und unter Bestellungen. Bis zu 48 Stunden ohne Update sind normal; danach starten wir eine Nachforschung.',
				es: 'Los pedidos se envían en 2 días hábiles. El enlace de seguimiento está en el correo de envío y en Pedidos. Es normal que no se actualice hasta 48 horas; después abrimos una investigación.',
				fr: 'Les commandes sont expédiées sous 2 jours ouvrés. Le lien de suivi est dans l’e-mail d’expédition et dans Commandes. Jusqu’à 48 heures sans mise à jour est normal ; ensuite nous ouvrons une enquête.'
			}
		},
		note: {
			goal: 'Customer wants their delayed order delivered.',
			fact: 'Tracking has not moved for more than 48 hours',
			blocker: 'A carrier trace can only be opened by the shipping team.',
			next: 'Open a trace with the carrier and offer a reshipment if it is lost.'
		}
	},
	{
		id: 'return_label',
		label: 'Return label for an order',
		queue: 'shipping',
		intent: 'returns',
		coverage: 'covered',
		wrongQueue: 'billing',
		misroute: 0.15,
		weight: [6, 6],
		handoffReason: 'return_request',
		phrasing: {
			en: [
				'How do I return the item from order {order}?',
				'I need a return label, the size is wrong.',
				'want to send it back, how does the return work',
				'Can I return something I bought {days} days ago?'
			],
			de: [
				'Wie schicke ich den Artikel aus Bestellung {order} zurück?',
				'Ich brauche ein Rücksendeetikett, die Größe passt nicht.',
				'will es zurückschicken, wie läuft die retoure',
				'Kann ich etwas zurückgeben, das ich vor {days} Tagen gekauft habe?'
			],
			es: [
				'¿Cómo devuelvo el artículo del pedido {order}?',
				'Necesito una etiqueta de devolución, la talla no es.',
				'quiero devolverlo, como funciona la devolución',
				'¿Puedo devolver algo que compré hace {days} días?'
			],
			fr: [
				'Comment retourner l’article de la commande {order} ?',
				'Il me faut une étiquette de retour, la taille ne va pas.',
				'je veux le renvoyer, comment marche le retour',
				'Je peux retourner un achat d’il y a {days} jours ?'
			]
		},
		subject: { en: ['Return label'], de: ['Rücksendung'], es: ['Devolución'], fr: ['Retour'] },
		answer: {
			en: 'You can return items within 30 days. Open Orders, choose the order and click "Return item" to print a free label.',
			de: 'Sie können Artikel innerhalb von 30 Tagen zurückgeben. Öffnen Sie Bestellungen, wählen Sie die Bestellung und klicken Sie auf „Artikel zurücksenden“ für ein kostenloses Etikett.',
			es: 'Puedes devolver artículos en 30 días. Abre Pedidos, elige el pedido y pulsa "Devolver artículo" para imprimir una etiqueta gratuita.',
			fr: 'Vous pouvez retourner un article sous 30 jours. Ouvrez Commandes, choisissez la commande et cliquez sur « Retourner l’article » pour imprimer une étiquette gratuite.'
		},
		kb: {
			title: { en: 'Return an item', de: 'Artikel zurücksenden', es: 'Devolver un artículo', fr: 'Retourner un article' },
			body: {
				en: 'Items can be returned within 30 days of delivery. Go to Orders, select the order and choose Return item. Print the free label and drop the parcel at any carrier point. Refunds are issued once the return is scanned.',
				de: 'Artikel können innerhalb von 30 Tagen zurückgegeben werden. Unter Bestellungen die Bestellung wählen und Artikel zurücksenden. Kostenloses Etikett drucken und Paket abgeben.',
				es: 'Se puede devolver en 30 días desde la entrega. En Pedidos elige el pedido y Devolver artículo. Imprime la etiqueta gratuita y entrega el paquete.',
				fr: 'Les retours sont possibles sous 30 jours après livraison. Dans Commandes, choisissez la commande puis Retourner l’article. Imprimez l’étiquette gratuite et déposez le colis.'
			}
		},
		note: {
			goal: 'Customer wants to return an item.',
			fact: 'Order is inside the 30-day window',
			blocker: 'The Return item button fails for this order with an error.',
			next: 'Create the return label manually and email it to the customer.'
		}
	},
	{
		id: 'sync_error',
		label: 'Integration sync fails with an error',
		queue: 'technical',
		intent: 'technical_issue',
		coverage: 'covered',
		wrongQueue: 'accounts',
		misroute: 0.08,
		weight: [8, 7],
		handoffReason: 'bug_report',
		phrasing: {
			en: [
				'The sync keeps failing with {error}.',
				'Since yesterday nothing syncs, I get {error} on my {device}.',
				'integration broken again?? {error}',
				'Data from our CRM stopped syncing, error says {error}.'
			],
			de: [
				'Die Synchronisierung schlägt immer mit {error} fehl.',
				'Seit gestern synchronisiert nichts mehr, auf meinem {device} kommt {error}.',
				'integration schon wieder kaputt?? {error}',
				'Die Daten aus unserem CRM werden nicht mehr übertragen, Meldung: {error}.'
			],
			es: [
				'La sincronización falla siempre con {error}.',
				'Desde ayer no sincroniza nada, en mi {device} sale {error}.',
				'otra vez rota la integración?? {error}',
				'Los datos del CRM dejaron de sincronizar, el error dice {error}.'
			],
			fr: [
				'La synchronisation échoue toujours avec {error}.',
				'Depuis hier plus rien ne se synchronise, sur mon {device} j’ai {error}.',
				'intégration encore cassée ?? {error}',
				'Les données du CRM ne se synchronisent plus, message : {error}.'
			]
		},
		subject: {
			en: ['Sync error', 'Integration not syncing'],
			de: ['Synchronisierungsfehler'],
			es: ['Error de sincronización'],
			fr: ['Erreur de synchronisation']
		},
		answer: {
			en: 'Sync errors usually mean the connection’s token expired. Go to Settings > Integrations, click "Reconnect" next to the integration and sign in again; the next sync starts within 5 minutes.',
			de: 'Synchronisierungsfehler bedeuten meist, dass das Token abgelaufen ist. Gehen Sie zu Einstellungen > Integrationen, klicken Sie auf „Neu verbinden“ und melden Sie sich an; die nächste Synchronisierung startet in 5 Minuten.',
			es: 'Los errores de sincronización suelen indicar que el token ha caducado. Ve a Ajustes > Integraciones, pulsa "Reconectar" e inicia sesión; la próxima sincronización empieza en 5 minutos.',
			fr: 'Une erreur de synchronisation signifie souvent que le jeton a expiré. Allez dans Paramètres > Intégrations, cliquez sur « Reconnecter » et connectez-vous ; la prochaine synchronisation démarre sous 5 minutes.'
		},
		kb: {
			title: {
				en: 'Fix integration sync errors',
				de: 'Synchronisierungsfehler beheben',
				es: 'Solucionar errores de sincronización',
				fr: 'Corriger les erreurs de synchronisation'
			},
			body: {
				en: 'Most sync errors (ERR_SYNC_409, token expired) mean the integration lost its authorisation. Open Settings > Integrations and click Reconnect. After signing in, the next sync runs within 5 minutes. If the error persists, send us the error code and the time it happened.',
				de: 'Die meisten Fehler (ERR_SYNC_409, Token abgelaufen) bedeuten, dass die Integration ihre Berechtigung verloren hat. Einstellungen > Integrationen > Neu verbinden. Danach läuft die Synchronisierung in 5 Minuten.',
				es: 'La mayoría de errores (ERR_SYNC_409, token caducado) indican que la integración perdió la autorización. Ajustes > Integraciones > Reconectar. Después la sincronización se ejecuta en 5 minutos.',
				fr: 'La plupart des erreurs (ERR_SYNC_409, jeton expiré) signifient que l’intégration a perdu son autorisation. Paramètres > Intégrations > Reconnecter. La synchronisation reprend sous 5 minutes.'
			}
		},
		note: {
			goal: 'Customer wants the CRM sync working again.',
			fact: 'Sync fails with the same error after reconnecting',
			blocker: 'Reconnecting did not help; the error comes from our sync worker.',
			next: 'Check the sync worker logs for the workspace and escalate to engineering if it is a bug.'
		}
	},
	{
		id: 'export_data',
		label: 'Export data to CSV',
		queue: 'technical',
		intent: 'how_to',
		coverage: 'covered',
		wrongQueue: 'general',
		misroute: 0.03,
		weight: [5, 5],
		handoffReason: 'how_to',
		phrasing: {
			en: [
				'How can I export all my data to CSV?',
				'Is there a way to download our contacts as a spreadsheet?',
				'export to excel possible?',
				'I need a full export of our records for an audit.'
			],
			de: [
				'Wie exportiere ich alle Daten als CSV?',
				'Kann man unsere Kontakte als Tabelle herunterladen?',
				'export nach excel möglich?',
				'Ich brauche einen vollständigen Export für ein Audit.'
			],
			es: [
				'¿Cómo exporto todos mis datos a CSV?',
				'¿Se pueden descargar los contactos en una hoja de cálculo?',
				'se puede exportar a excel?',
				'Necesito exportar todos los registros para una auditoría.'
			],
			fr: [
				'Comment exporter toutes mes données en CSV ?',
				'Peut-on télécharger nos contacts en tableur ?',
				'export vers excel possible ?',
				'J’ai besoin d’un export complet pour un audit.'
			]
		},
		subject: { en: ['Data export'], de: ['Datenexport'], es: ['Exportar datos'], fr: ['Export des données'] },
		answer: {
			en: 'Go to Settings > Data > Export, pick the objects you need and click "Export CSV". We email you a download link when the file is ready.',
			de: 'Unter Einstellungen > Daten > Export wählen Sie die Objekte aus und klicken auf „CSV exportieren“. Sie erhalten einen Download-Link per E-Mail.',
			es: 'Ve a Ajustes > Datos > Exportar, elige los objetos y pulsa "Exportar CSV". Te enviamos un enlace de descarga por correo.',
			fr: 'Allez dans Paramètres > Données > Export, choisissez les objets et cliquez sur « Exporter en CSV ». Un lien de téléchargement vous est envoyé par e-mail.'
		},
		kb: {
			title: { en: 'Export your data', de: 'Daten exportieren', es: 'Exportar tus datos', fr: 'Exporter vos données' },
			body: {
				en: 'Admins can export contacts, conversations and reports as CSV from Settings > Data > Export. Large exports run in the background and we email a download link valid for 7 days.',
				de: 'Admins exportieren Kontakte, Konversationen und Berichte als CSV unter Einstellungen > Daten > Export. Große Exporte laufen im Hintergrund; der Link gilt 7 Tage.',
				es: 'Los administradores exportan contactos, conversaciones e informes en CSV desde Ajustes > Datos > Exportar. Las exportaciones grandes se envían por correo con un enlace válido 7 días.',
				fr: 'Les admins exportent contacts, conversations et rapports en CSV via Paramètres > Données > Export. Les gros exports arrivent par e-mail avec un lien valable 7 jours.'
			}
		},
		note: {
			goal: 'Customer needs a full data export for an audit.',
			fact: 'The export has been running for over a day',
			blocker: 'The export job appears stuck and the AI cannot restart it.',
			next: 'Restart the export job and send the download link.'
		}
	},
	{
		id: 'add_seats',
		label: 'Add seats or upgrade the plan',
		queue: 'sales',
		intent: 'sales_inquiry',
		coverage: 'covered',
		wrongQueue: 'billing',
		misroute: 0.25,
		weight: [5, 6],
		handoffReason: 'sales_lead',
		phrasing: {
			en: [
				'We need {seats} more seats before Monday, how do I add them?',
				'How much is it to upgrade to the Business plan?',
				'can i add users mid-cycle',
				'Our team is growing, we want to add {seats} people.'
			],
			de: [
				'Wir brauchen bis Montag {seats} weitere Plätze, wie füge ich die hinzu?',
				'Was kostet das Upgrade auf den Business-Tarif?',
				'kann man mitten im abrechnungszeitraum nutzer hinzufügen',
				'Unser Team wächst, wir möchten {seats} Personen hinzufügen.'
			],
			es: [
				'Necesitamos {seats} licencias más antes del lunes, ¿cómo las añado?',
				'¿Cuánto cuesta pasar al plan Business?',
				'se pueden añadir usuarios a mitad de ciclo',
				'El equipo crece, queremos añadir {seats} personas.'
			],
			fr: [
				'Il nous faut {seats} licences de plus avant lundi, comment les ajouter ?',
				'Combien coûte le passage à l’offre Business ?',
				'on peut ajouter des utilisateurs en cours de cycle',
				'L’équipe grandit, on veut ajouter {seats} personnes.'
			]
		},
		subject: { en: ['Add seats', 'Upgrade question'], de: ['Weitere Lizenzen'], es: ['Añadir licencias'], fr: ['Ajouter des licences'] },
		answer: {
			en: 'Admins can add seats any time under Settings > Team > Seats; you pay pro rata for the rest of the billing period. The Business plan adds SSO and audit logs.',
			de: 'Admins können jederzeit unter Einstellungen > Team > Plätze weitere Plätze hinzufügen; bezahlt wird anteilig. Der Business-Tarif bietet zusätzlich SSO und Audit-Logs.',
			es: 'Los administradores pueden añadir licencias en Ajustes > Equipo > Licencias; se paga la parte proporcional. El plan Business añade SSO y registros de auditoría.',
			fr: 'Les admins ajoutent des licences à tout moment dans Paramètres > Équipe > Licences, facturées au prorata. L’offre Business ajoute le SSO et les journaux d’audit.'
		},
		kb: {
			title: {
				en: 'Add seats and change plans',
				de: 'Plätze hinzufügen und Tarif wechseln',
				es: 'Añadir licencias y cambiar de plan',
				fr: 'Ajouter des licences et changer d’offre'
			},
			body: {
				en: 'Add seats under Settings > Team > Seats. New seats are billed pro rata until the next renewal. To upgrade, open Settings > Billing > Plan and choose Business or Enterprise.',
				de: 'Plätze fügen Sie unter Einstellungen > Team > Plätze hinzu, anteilig bis zur Verlängerung berechnet. Upgrade unter Einstellungen > Abrechnung > Tarif.',
				es: 'Añade licencias en Ajustes > Equipo > Licencias, facturadas de forma proporcional. Para cambiar de plan, Ajustes > Facturación > Plan.',
				fr: 'Ajoutez des licences dans Paramètres > Équipe > Licences, facturées au prorata. Pour changer d’offre : Paramètres > Facturation > Offre.'
			}
		},
		note: {
			goal: 'Customer wants to add seats or upgrade before a deadline.',
			fact: 'Team is growing; needs the seats before Monday',
			blocker: 'Customer asks for volume pricing, which only sales can quote.',
			next: 'Send a quote for the extra seats and offer a call with an account manager.'
		}
	},
	{
		id: 'sso_setup',
		label: 'Set up SSO with Okta or Azure AD',
		queue: 'technical',
		intent: 'how_to',
		coverage: 'covered',
		wrongQueue: 'sales',
		misroute: 0.12,
		weight: [4, 4],
		handoffReason: 'setup_help',
		phrasing: {
			en: [
				'Do you support SSO with Okta?',
				'How do we connect Azure AD for single sign-on?',
				'saml setup instructions?',
				'Our IT wants to enforce SSO for everyone, how?'
			],
			de: [
				'Unterstützt ihr SSO mit Okta?',
				'Wie verbinden wir Azure AD für Single Sign-on?',
				'anleitung saml einrichtung?',
				'Unsere IT will SSO für alle erzwingen, wie geht das?'
			],
			es: [
				'¿Tenéis SSO con Okta?',
				'¿Cómo conectamos Azure AD para el inicio de sesión único?',
				'instrucciones para configurar saml?',
				'Nuestro departamento de IT quiere obligar a usar SSO, ¿cómo?'
			],
			fr: [
				'Vous supportez le SSO avec Okta ?',
				'Comment connecter Azure AD pour l’authentification unique ?',
				'instructions config saml ?',
				'Notre DSI veut imposer le SSO à tout le monde, comment faire ?'
			]
		},
		subject: { en: ['SSO setup'], de: ['SSO einrichten'], es: ['Configurar SSO'], fr: ['Configuration SSO'] },
		answer: {
			en: 'Yes: SAML SSO works with Okta, Azure AD and Google on the Business plan. Go to Settings > Security > SSO, paste your identity provider’s metadata URL and test the connection before enforcing it.',
			de: 'Ja: SAML-SSO funktioniert mit Okta, Azure AD und Google im Business-Tarif. Unter Einstellungen > Sicherheit > SSO die Metadaten-URL eintragen und die Verbindung testen, bevor Sie SSO erzwingen.',
			es: 'Sí: el SSO SAML funciona con Okta, Azure AD y Google en el plan Business. En Ajustes > Seguridad > SSO pega la URL de metadatos y prueba la conexión antes de hacerlo obligatorio.',
			fr: 'Oui : le SSO SAML fonctionne avec Okta, Azure AD et Google sur l’offre Business. Dans Paramètres > Sécurité > SSO, collez l’URL de métadonnées et testez avant d’imposer le SSO.'
		},
		kb: {
			title: {
				en: 'Configure SAML single sign-on',
				de: 'SAML Single Sign-on konfigurieren',
				es: 'Configurar el inicio de sesión único SAML',
				fr: 'Configurer l’authentification unique SAML'
			},
			body: {
				en: 'SAML SSO is available on Business and Enterprise. In Settings > Security > SSO, paste the metadata URL from Okta, Azure AD or Google Workspace, then click Test. Enforce SSO only after the test succeeds, so admins are not locked out.',
				de: 'SAML-SSO gibt es in Business und Enterprise. Unter Einstellungen > Sicherheit > SSO die Metadaten-URL von Okta, Azure AD oder Google eintragen und Testen klicken. Erst nach erfolgreichem Test erzwingen.',
				es: 'El SSO SAML está en Business y Enterprise. En Ajustes > Seguridad > SSO pega la URL de metadatos de Okta, Azure AD o Google y pulsa Probar. Hazlo obligatorio solo tras una prueba correcta.',
				fr: 'Le SSO SAML est disponible en Business et Enterprise. Dans Paramètres > Sécurité > SSO, collez l’URL de métadonnées d’Okta, Azure AD ou Google puis Tester. N’imposez le SSO qu’après un test réussi.'
			}
		},
		note: {
			goal: 'Customer wants SSO enforced for the whole team.',
			fact: 'SAML test fails with a certificate error',
			blocker: 'The identity provider certificate does not match; needs a technical check.',
			next: 'Review the SAML response with the customer’s IT and fix the certificate mapping.'
		}
	},
	// ---- weak: an article exists, but it is thin or about something else ----
	{
		id: 'api_rate_limit',
		label: 'API rate limit errors (429)',
		queue: 'technical',
		intent: 'technical_issue',
		coverage: 'weak',
		wrongQueue: 'sales',
		misroute: 0.1,
		weight: [4, 5],
		handoffReason: 'bug_report',
		phrasing: {
			en: [
				'Our API calls get 429 Too Many Requests, what are the limits?',
				'We keep hitting the rate limit on the API since the update.',
				'api returns 429 after a few hundred requests, how do we raise the limit',
				'What is the max requests per minute on the {plan} plan API?'
			],
			de: [
				'Unsere API-Aufrufe bekommen 429 Too Many Requests, was sind die Limits?',
				'Seit dem Update laufen wir ständig ins Rate Limit der API.',
				'api gibt nach ein paar hundert requests 429 zurück, wie erhöhen wir das limit',
				'Wie viele Anfragen pro Minute erlaubt die API im {plan}-Tarif?'
			],
			es: [
				'Nuestras llamadas a la API devuelven 429 Too Many Requests, ¿cuáles son los límites?',
				'Desde la actualización chocamos con el límite de la API.',
				'la api da 429 tras unos cientos de peticiones, como subimos el limite',
				'¿Cuántas peticiones por minuto permite la API en el plan {plan}?'
			],
			fr: [
				'Nos appels API reçoivent 429 Too Many Requests, quelles sont les limites ?',
				'Depuis la mise à jour on atteint sans cesse la limite de l’API.',
				'l’api renvoie 429 après quelques centaines de requêtes, comment augmenter la limite',
				'Combien de requêtes par minute sur l’API avec l’offre {plan} ?'
			]
		},
		subject: { en: ['API 429 errors'], de: ['API-Fehler 429'], es: ['Errores 429 en la API'], fr: ['Erreurs 429 API'] },
		answer: {
			en: 'Our API lets you read and write contacts and conversations. You can create an API key under Settings > Developers.',
			de: 'Mit unserer API lesen und schreiben Sie Kontakte und Konversationen. Einen API-Schlüssel erstellen Sie unter Einstellungen > Entwickler.',
			es: 'Nuestra API permite leer y escribir contactos y conversaciones. Puedes crear una clave en Ajustes > Desarrolladores.',
			fr: 'Notre API permet de lire et écrire contacts et conversations. Créez une clé dans Paramètres > Développeurs.'
		},
		kb: {
			title: { en: 'API overview', de: 'API-Überblick', es: 'Resumen de la API', fr: 'Présentation de l’API' },
			body: {
				en: 'The REST API lets you read and write contacts and conversations. Create an API key under Settings > Developers. Usage limits apply.',
				de: 'Die REST-API liest und schreibt Kontakte und Konversationen. API-Schlüssel unter Einstellungen > Entwickler. Es gelten Nutzungslimits.',
				es: 'La API REST lee y escribe contactos y conversaciones. Clave en Ajustes > Desarrolladores. Se aplican límites de uso.',
				fr: 'L’API REST lit et écrit contacts et conversations. Clé dans Paramètres > Développeurs. Des limites d’usage s’appliquent.'
			}
		},
		note: {
			goal: 'Customer wants to stop getting 429 errors from the API.',
			fact: 'Integration makes a few hundred calls per minute and gets 429',
			blocker: 'The help center does not document the limits per plan.',
			next: 'Confirm the limit for their plan and whether a temporary raise is possible.'
		}
	},
	{
		id: 'two_factor_lost_phone',
		label: 'Lost phone with the 2FA app',
		queue: 'accounts',
		intent: 'account_access',
		coverage: 'weak',
		wrongQueue: 'technical',
		misroute: 0.2,
		weight: [4, 4],
		handoffReason: 'account_access',
		phrasing: {
			en: [
				'I lost my phone and can’t get the 2FA code anymore.',
				'New phone, the authenticator app is empty, how do I log in?',
				'locked out because of two factor, phone was stolen',
				'My backup codes don’t work and the 2FA phone is broken.'
			],
			de: [
				'Ich habe mein Handy verloren und bekomme keinen 2FA-Code mehr.',
				'Neues Handy, die Authenticator-App ist leer, wie melde ich mich an?',
				'wegen zwei-faktor ausgesperrt, handy wurde geklaut',
				'Meine Backup-Codes gehen nicht und das 2FA-Handy ist kaputt.'
			],
			es: [
				'Perdí el móvil y ya no puedo recibir el código 2FA.',
				'Móvil nuevo, la app de autenticación está vacía, ¿cómo entro?',
				'bloqueado por la verificación en dos pasos, me robaron el móvil',
				'Los códigos de respaldo no funcionan y el móvil del 2FA está roto.'
			],
			fr: [
				'J’ai perdu mon téléphone et je n’ai plus accès au code 2FA.',
				'Nouveau téléphone, l’app d’authentification est vide, comment me connecter ?',
				'bloqué à cause de la double authentification, téléphone volé',
				'Mes codes de secours ne marchent pas et le téléphone 2FA est cassé.'
			]
		},
		subject: { en: ['Lost 2FA device'], de: ['2FA-Gerät verloren'], es: ['Perdí el dispositivo 2FA'], fr: ['Appareil 2FA perdu'] },
		answer: {
			en: 'To turn on two-factor authentication, go to Settings > Security and scan the QR code with an authenticator app.',
			de: 'Um die Zwei-Faktor-Authentifizierung zu aktivieren, gehen Sie zu Einstellungen > Sicherheit und scannen den QR-Code mit einer Authenticator-App.',
			es: 'Para activar la verificación en dos pasos, ve a Ajustes > Seguridad y escanea el código QR con una app de autenticación.',
			fr: 'Pour activer la double authentification, allez dans Paramètres > Sécurité et scannez le QR code avec une app d’authentification.'
		},
		kb: {
			title: {
				en: 'Turn on two-factor authentication',
				de: 'Zwei-Faktor-Authentifizierung aktivieren',
				es: 'Activar la verificación en dos pasos',
				fr: 'Activer la double authentification'
			},
			body: {
				en: 'Protect your account with two-factor authentication. Go to Settings > Security, choose Enable 2FA and scan the QR code with an authenticator app. Save your backup codes.',
				de: 'Schützen Sie Ihr Konto mit 2FA. Einstellungen > Sicherheit > 2FA aktivieren, QR-Code scannen und Backup-Codes speichern.',
				es: 'Protege tu cuenta con 2FA. Ajustes > Seguridad > Activar 2FA, escanea el QR y guarda los códigos de respaldo.',
				fr: 'Protégez votre compte avec la 2FA. Paramètres > Sécurité > Activer la 2FA, scannez le QR code et gardez vos codes de secours.'
			}
		},
		note: {
			goal: 'Customer wants to regain access after losing the 2FA device.',
			fact: 'Backup codes unavailable; phone lost or replaced',
			blocker: 'Resetting 2FA requires identity verification that only the accounts team can do.',
			next: 'Run the identity check and reset 2FA on the account.'
		}
	},
	{
		id: 'customs_fees',
		label: 'Unexpected customs and import fees',
		queue: 'shipping',
		intent: 'order_status',
		coverage: 'weak',
		wrongQueue: 'billing',
		misroute: 0.3,
		weight: [3, 4],
		handoffReason: 'billing_dispute',
		phrasing: {
			en: [
				'The courier wants {amount} in import fees before delivering, nobody told me.',
				'Why do I have to pay customs for an order to {country}?',
				'had to pay duties on order {order}, will you refund that?',
				'Are import taxes included in the price when shipping to {country}?'
			],
			de: [
				'Der Kurier will {amount} Einfuhrgebühren vor der Zustellung, davon stand nirgends etwas.',
				'Warum muss ich Zoll für eine Lieferung in {country} zahlen?',
				'musste zoll für bestellung {order} zahlen, bekomme ich das zurück?',
				'Sind Einfuhrsteuern bei Lieferung in {country} im Preis enthalten?'
			],
			es: [
				'La mensajería me pide {amount} de aduanas antes de entregar, nadie me avisó.',
				'¿Por qué tengo que pagar aduana por un pedido a {country}?',
				'pagué aranceles en el pedido {order}, me los devolvéis?',
				'¿Los impuestos de importación están incluidos al enviar a {country}?'
			],
			fr: [
				'Le transporteur réclame {amount} de frais de douane avant livraison, personne ne m’a prévenu.',
				'Pourquoi je dois payer la douane pour une commande vers {country} ?',
				'j’ai payé des droits sur la commande {order}, vous remboursez ?',
				'Les taxes d’importation sont-elles comprises pour un envoi vers {country} ?'
			]
		},
		subject: { en: ['Customs fees'], de: ['Zollgebühren'], es: ['Gastos de aduana'], fr: ['Frais de douane'] },
		answer: {
			en: 'Standard shipping takes 3–5 business days; express shipping takes 1–2 business days.',
			de: 'Standardversand dauert 3–5 Werktage, Expressversand 1–2 Werktage.',
			es: 'El envío estándar tarda 3–5 días hábiles; el exprés, 1–2 días hábiles.',
			fr: 'La livraison standard prend 3 à 5 jours ouvrés, l’express 1 à 2 jours ouvrés.'
		},
		kb: {
			title: {
				en: 'Shipping times and options',
				de: 'Lieferzeiten und Versandarten',
				es: 'Plazos y opciones de envío',
				fr: 'Délais et options de livraison'
			},
			body: {
				en: 'Standard shipping takes 3–5 business days and express 1–2 business days. International orders may take longer.',
				de: 'Standardversand 3–5 Werktage, Express 1–2 Werktage. Internationale Bestellungen können länger dauern.',
				es: 'Envío estándar 3–5 días hábiles, exprés 1–2. Los pedidos internacionales pueden tardar más.',
				fr: 'Livraison standard 3 à 5 jours ouvrés, express 1 à 2. Les commandes internationales peuvent prendre plus de temps.'
			}
		},
		note: {
			goal: 'Customer wants to know who pays import fees and to get them refunded.',
			fact: 'Carrier asked for import fees on delivery outside the EU',
			blocker: 'There is no documented policy on duties for non-EU deliveries.',
			next: 'Confirm the duties policy and decide on a goodwill refund of the fees.'
		}
	},
	// ---- missing: no article at all, the knowledge gaps ----
	{
		id: 'vat_reverse_charge',
		label: 'VAT ID and reverse charge on invoices',
		queue: 'billing',
		intent: 'billing',
		coverage: 'missing',
		wrongQueue: 'accounts',
		misroute: 0.12,
		weight: [4, 4],
		handoffReason: 'billing_question',
		phrasing: {
			en: [
				'How do I add our VAT number so the invoice shows reverse charge?',
				'You charged VAT although we are a business in the EU with a VAT ID.',
				'need the invoice without vat, we have a valid vat id',
				'Can you reissue invoice {order} with our VAT ID on it?'
			],
			de: [
				'Wie hinterlege ich unsere USt-IdNr., damit auf der Rechnung Reverse Charge steht?',
				'Sie haben Mehrwertsteuer berechnet, obwohl wir ein EU-Unternehmen mit USt-IdNr. sind.',
				'brauche rechnung ohne mwst, wir haben eine gültige ust-id',
				'Können Sie Rechnung {order} mit unserer USt-IdNr. neu ausstellen?'
			],
			es: [
				'¿Cómo añado nuestro NIF-IVA para que la factura salga con inversión del sujeto pasivo?',
				'Nos habéis cobrado IVA aunque somos empresa de la UE con número de IVA.',
				'necesito la factura sin iva, tenemos numero de iva intracomunitario',
				'¿Podéis volver a emitir la factura {order} con nuestro número de IVA?'
			],
			fr: [
				'Comment ajouter notre numéro de TVA pour que la facture soit en autoliquidation ?',
				'Vous avez facturé la TVA alors que nous sommes une entreprise de l’UE avec un numéro de TVA.',
				'besoin de la facture sans tva, on a un numéro de tva intracom',
				'Pouvez-vous rééditer la facture {order} avec notre numéro de TVA ?'
			]
		},
		subject: { en: ['VAT ID on invoice'], de: ['USt-IdNr. auf Rechnung'], es: ['IVA en la factura'], fr: ['TVA sur la facture'] },
		note: {
			goal: 'Customer wants invoices without VAT under reverse charge.',
			fact: 'EU business with a VAT ID; invoices show VAT',
			blocker: 'No documented way to add a VAT ID; the AI had no answer.',
			next: 'Add the VAT ID to the account and reissue the affected invoices.'
		}
	},
	{
		id: 'outlook_calendar_sync',
		label: 'Outlook calendar integration not syncing',
		queue: 'technical',
		intent: 'technical_issue',
		coverage: 'missing',
		wrongQueue: 'accounts',
		misroute: 0.1,
		weight: [0.3, 9],
		handoffReason: 'bug_report',
		phrasing: {
			en: [
				'Since the new version my Outlook calendar doesn’t sync anymore.',
				'Meetings booked in the app don’t show up in Outlook.',
				'outlook calendar integration stopped working on my {device}',
				'How do I reconnect the Outlook calendar? Events are missing since the update.',
				'Appointments from Outlook 365 are not coming into the app.'
			],
			de: [
				'Seit der neuen Version synchronisiert mein Outlook-Kalender nicht mehr.',
				'In der App gebuchte Termine erscheinen nicht in Outlook.',
				'outlook kalender integration geht nicht mehr auf meinem {device}',
				'Wie verbinde ich den Outlook-Kalender neu? Seit dem Update fehlen Termine.',
				'Termine aus Outlook 365 kommen nicht in der App an.'
			],
			es: [
				'Desde la nueva versión mi calendario de Outlook ya no sincroniza.',
				'Las reuniones reservadas en la app no aparecen en Outlook.',
				'la integración con el calendario de outlook dejó de funcionar en mi {device}',
				'¿Cómo reconecto el calendario de Outlook? Faltan eventos desde la actualización.',
				'Las citas de Outlook 365 no llegan a la app.'
			],
			fr: [
				'Depuis la nouvelle version, mon agenda Outlook ne se synchronise plus.',
				'Les rendez-vous pris dans l’app n’apparaissent pas dans Outlook.',
				'l’intégration agenda outlook ne marche plus sur mon {device}',
				'Comment reconnecter l’agenda Outlook ? Des événements manquent depuis la mise à jour.',
				'Les rendez-vous d’Outlook 365 n’arrivent pas dans l’app.'
			]
		},
		subject: {
			en: ['Outlook calendar not syncing'],
			de: ['Outlook-Kalender synchronisiert nicht'],
			es: ['Calendario de Outlook no sincroniza'],
			fr: ['Agenda Outlook non synchronisé']
		},
		note: {
			goal: 'Customer wants the Outlook calendar sync working again.',
			fact: 'Outlook events stopped syncing after the latest release',
			blocker: 'There is no article or known fix for the new Outlook connector.',
			next: 'Collect the workspace id and pass it to engineering on the Outlook connector bug.'
		}
	},
	{
		id: 'delete_account_gdpr',
		label: 'Delete my account and personal data (GDPR)',
		queue: 'accounts',
		intent: 'privacy',
		coverage: 'missing',
		wrongQueue: 'general',
		misroute: 0.15,
		weight: [3, 3],
		handoffReason: 'privacy_request',
		policyHandoff: 1,
		phrasing: {
			en: [
				'Please delete my account and all my personal data.',
				'I want to exercise my GDPR right to erasure.',
				'how do i permanently delete my account',
				'Remove all data you hold about me, I’m cancelling.'
			],
			de: [
				'Bitte löschen Sie mein Konto und alle meine personenbezogenen Daten.',
				'Ich möchte mein Recht auf Löschung nach DSGVO wahrnehmen.',
				'wie lösche ich mein konto endgültig',
				'Entfernen Sie alle Daten über mich, ich kündige.'
			],
			es: [
				'Por favor, borrad mi cuenta y todos mis datos personales.',
				'Quiero ejercer mi derecho de supresión según el RGPD.',
				'como elimino mi cuenta para siempre',
				'Eliminad todos los datos que tenéis sobre mí, me doy de baja.'
			],
			fr: [
				'Merci de supprimer mon compte et toutes mes données personnelles.',
				'Je souhaite exercer mon droit à l’effacement (RGPD).',
				'comment supprimer définitivement mon compte',
				'Effacez toutes les données que vous avez sur moi, je résilie.'
			]
		},
		subject: { en: ['Delete my account'], de: ['Konto löschen'], es: ['Eliminar mi cuenta'], fr: ['Supprimer mon compte'] },
		note: {
			goal: 'Customer wants their account and personal data erased.',
			fact: 'Formal erasure request under GDPR',
			blocker: 'Erasure needs identity verification and a privacy-team action.',
			next: 'Verify identity, run the erasure and confirm in writing within 30 days.'
		}
	},
	{
		id: 'partial_delivery',
		label: 'Only part of the order arrived',
		queue: 'shipping',
		intent: 'order_status',
		coverage: 'missing',
		wrongQueue: 'billing',
		misroute: 0.18,
		weight: [3, 3],
		handoffReason: 'delivery_issue',
		phrasing: {
			en: [
				'Only half of order {order} arrived, where is the rest?',
				'The box had 2 items but I ordered 3.',
				'missing item in my package, order {order}',
				'Got the delivery but one product is missing from the parcel.'
			],
			de: [
				'Von Bestellung {order} kam nur die Hälfte an, wo ist der Rest?',
				'Im Paket waren 2 Artikel, bestellt habe ich 3.',
				'artikel fehlt im paket, bestellung {order}',
				'Lieferung erhalten, aber ein Produkt fehlt im Paket.'
			],
			es: [
				'Solo llegó la mitad del pedido {order}, ¿dónde está el resto?',
				'En la caja venían 2 artículos y pedí 3.',
				'falta un articulo en el paquete, pedido {order}',
				'Recibí el envío pero falta un producto.'
			],
			fr: [
				'Seule la moitié de la commande {order} est arrivée, où est le reste ?',
				'Le carton contenait 2 articles, j’en avais commandé 3.',
				'article manquant dans le colis, commande {order}',
				'Colis reçu mais il manque un produit.'
			]
		},
		subject: { en: ['Missing item'], de: ['Artikel fehlt'], es: ['Falta un artículo'], fr: ['Article manquant'] },
		note: {
			goal: 'Customer wants the missing items from the order.',
			fact: 'Parcel delivered with fewer items than ordered',
			blocker: 'No process documented for split shipments; warehouse check needed.',
			next: 'Check with the warehouse whether a second parcel shipped, else reship the missing item.'
		}
	},
	{
		id: 'nonprofit_discount',
		label: 'Nonprofit or education discount',
		queue: 'sales',
		intent: 'sales_inquiry',
		coverage: 'missing',
		wrongQueue: 'billing',
		misroute: 0.2,
		weight: [2, 2.5],
		handoffReason: 'sales_lead',
		phrasing: {
			en: [
				'Do you offer a discount for nonprofits?',
				'We’re a school, is there education pricing?',
				'any charity discount on the {plan} plan',
				'We are a registered NGO, can we get a reduced price?'
			],
			de: [
				'Gibt es einen Rabatt für gemeinnützige Organisationen?',
				'Wir sind eine Schule, gibt es Bildungspreise?',
				'rabatt für vereine beim {plan}-tarif?',
				'Wir sind ein eingetragener Verein, bekommen wir einen Sonderpreis?'
			],
			es: [
				'¿Tenéis descuento para ONG?',
				'Somos un colegio, ¿hay precio para educación?',
				'descuento para asociaciones en el plan {plan}',
				'Somos una ONG registrada, ¿podemos tener un precio reducido?'
			],
			fr: [
				'Vous faites une réduction pour les associations ?',
				'Nous sommes une école, y a-t-il un tarif éducation ?',
				'remise association sur l’offre {plan} ?',
				'Nous sommes une ONG déclarée, peut-on avoir un prix réduit ?'
			]
		},
		subject: { en: ['Nonprofit pricing'], de: ['Rabatt für Vereine'], es: ['Descuento ONG'], fr: ['Tarif association'] },
		note: {
			goal: 'Customer asks for nonprofit or education pricing.',
			fact: 'Registered nonprofit or school',
			blocker: 'No published discount policy; the AI cannot quote one.',
			next: 'Check eligibility and send the discounted quote if approved.'
		}
	}
];

export function kbArticleId(topic: Topic, lang: Lang): string {
	return `kb-${topic.id.replace(/_/g, '-')}-${lang}`;
}
